"""Integration: ingestion enqueues extraction after commit, and a real Celery worker stores the claims."""

import re

import pytest

from tests.conftest import wait_for

pytestmark = pytest.mark.integration

TEXT = (
    "North Korea on Wednesday became the second state to recognise the Donetsk People's Republic, "
    "Denis Pushilin said, according to Tass.\n\n"
    "Ukraine severed diplomatic ties with Syria in June 2022 over the recognition."
)


def test_a_real_worker_extracts_an_ingested_article(live_celery, settings):
    from claims.models import Article, Claim, ClaimMention
    from claims.services import article_ingest

    settings.FACTCHECK_FETCHERS = []  # the worker process reads its own settings; matching and fetching run there
    article, created = article_ingest(text=TEXT)
    assert created

    def done():
        article.refresh_from_db()
        return article.extraction_status in (Article.ExtractionStatus.DONE, Article.ExtractionStatus.FAILED)

    wait_for(done, timeout=120, message="the worker to extract the article")
    assert article.extraction_status == Article.ExtractionStatus.DONE, article.extraction_error
    texts = set(Claim.objects.filter(mentions__article=article).values_list("text", flat=True))
    assert "Ukraine severed diplomatic ties with Syria in June 2022 over the recognition." in texts
    speakers = set(ClaimMention.objects.filter(article=article).values_list("speaker", flat=True))
    assert "Denis Pushilin" in speakers  # who said it is on the mention, not a prefix of the claim
    assert not any(t.startswith("According to") for t in texts)


def test_running_the_task_twice_adds_nothing(live_celery):
    from claims.models import Article, Claim, ClaimMention
    from claims.services import article_ingest
    from claims.tasks import article_extract_task

    article, _ = article_ingest(text=TEXT.replace("June 2022", "July 2022"))
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, extraction_status="done").exists(),
        timeout=120,
        message="the first extraction",
    )
    counts = Claim.objects.count(), ClaimMention.objects.count()
    assert _run_to_its_end(article_extract_task.delay(article.pk), live_celery["log"]) == 0  # already done
    assert (Claim.objects.count(), ClaimMention.objects.count()) == counts


def test_a_task_for_a_deleted_article_returns_quietly(live_celery):
    from claims.tasks import article_extract_task

    assert _run_to_its_end(article_extract_task.delay(10**9), live_celery["log"]) == 0


def _run_to_its_end(sent, log) -> int:
    """What the task returned, from the worker's log (extraction keeps no result: its outcome is the article's row)."""
    pattern = re.compile(rf"article_extract_task\[{sent.id}\] succeeded in [\d.]+s: (\d+)")
    found = wait_for(lambda: pattern.search(log.read_text()), timeout=120, message=f"task {sent.id} to end")
    return int(found.group(1))
