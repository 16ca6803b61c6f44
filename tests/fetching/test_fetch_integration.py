"""Claims → fetch → evidence with a real Celery worker (thread pool, own fetch queue), Redis and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings

from sources.models import ClaimFetch, Evidence, Lead, Source
from tests.conftest import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _quiet(seconds: float = 3.0) -> bool:
    """Nothing pending or running, and no row added for `seconds`: the worker is idle (so the test
    database can be flushed without racing it)."""
    import time

    from claims.models import Article, Claim

    def snapshot():
        busy = (
            ClaimFetch.objects.filter(status__in=["pending", "running"]).exists()
            or Article.objects.filter(extraction_status__in=["pending", "running"]).exists()
        )
        return busy, Claim.objects.count(), ClaimFetch.objects.count(), Evidence.objects.count()

    before = snapshot()
    if before[0]:
        return False  # busy now: no need to watch it for `seconds` to know
    time.sleep(seconds)
    return snapshot() == before


def _all_finished(claim_ids, fetchers):
    rows = ClaimFetch.objects.filter(claim_id__in=claim_ids, fetcher__in=fetchers)
    return rows.count() == len(claim_ids) * len(fetchers) and not rows.exclude(status__in=["done", "failed"]).exists()


def test_the_worker_gathers_evidence_for_claims_from_the_internal_corpus(live_celery, httpserver):
    from sources.services import claims_fetch_sources, source_add_url
    from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, UserFactory

    first_text = (SEEDS / "000_69d7ea15770052b5.txt").read_text()
    second_text = (SEEDS / "004_fc362640fd15afc9.txt").read_text()
    first = ArticleFactory(cleaned_text=first_text, raw_text=first_text, url=None,
                           published_at=dt.datetime(2022, 7, 14, tzinfo=dt.UTC))  # fmt: skip
    second = ArticleFactory(cleaned_text=second_text, raw_text=second_text, url=None,
                            published_at=dt.datetime(2022, 8, 17, tzinfo=dt.UTC))  # fmt: skip
    recognised = ClaimFactory(text="North Korea recognised the Donetsk People's Republic.")
    ClaimMentionFactory(claim=recognised, article=first, cited_source="Tass",
                        sentence="Donetsk leader Denis Pushilin was quoted as saying by Russia's state-affiliated agency Tass.")  # fmt: skip
    pledge = ClaimFactory(
        text="Pushilin pledged bilateral cooperation between the Donetsk People's Republic and North Korea."
    )
    ClaimMentionFactory(
        claim=pledge, article=second, cited_source="KCNA", sentence="North Korea's official news agency KCN"
    )
    claim_ids = [recognised.pk, pledge.pk]

    claims_fetch_sources(claim_ids=claim_ids, fetchers=["internal", "cited"])
    wait_for(lambda: _all_finished(claim_ids, ["internal", "cited"]), timeout=180, message="the fetches to finish")

    assert set(ClaimFetch.objects.filter(claim_id__in=claim_ids).values_list("status", flat=True)) == {"done"}
    internal = Evidence.objects.filter(claim=recognised, fetcher="internal")
    assert {e.source.metadata["article_id"] for e in internal} == {second.pk}
    assert Evidence.objects.filter(claim=pledge, fetcher="internal", source__metadata__article_id=first.pk).exists()
    # A cited outlet with no fetched report is a to-do for the editor, not an evidence card.
    assert Lead.objects.filter(claim=recognised, source__url="https://tass.com/").exists()
    assert Lead.objects.filter(claim=pledge, source__url="https://kcna.kp/").exists()
    assert not Evidence.objects.filter(
        claim__in=claim_ids, source__url__in=["https://tass.com/", "https://kcna.kp/"]
    ).exists()
    fetch = ClaimFetch.objects.get(claim=recognised, fetcher="internal")
    assert fetch.attempts == 1 and fetch.finished_at >= fetch.started_at

    # An editor adds a page: the worker fetches it over HTTP.
    httpserver.expect_request("/story").respond_with_data(
        "<html><body><article><p>North Korea recognised the Donetsk People's Republic on 13 July 2022, "
        "the Korean Central News Agency reported.</p></article></body></html>",
        content_type="text/html",
    )
    editor = UserFactory(username="integration-editor", is_superuser=True)
    source = source_add_url(claim_id=recognised.pk, url=httpserver.url_for("/story"), actor=editor)
    wait_for(
        lambda: Evidence.objects.filter(source=source).exists(), timeout=180, message="the editor's page to be fetched"
    )
    source.refresh_from_db()
    assert "13 July 2022" in source.text and source.fetched_at is not None


def test_a_redelivered_fetch_adds_nothing_twice(live_celery):
    from sources.services import claims_fetch_sources
    from sources.tasks import claim_fetch_task
    from tests.factories import ClaimMentionFactory

    mention = ClaimMentionFactory(
        cited_source="Reuters", sentence="Reuters reported that North Korea recognised the republic."
    )
    claim_id = mention.claim_id
    claims_fetch_sources(claim_ids=[claim_id], fetchers=["cited"])
    wait_for(lambda: _all_finished([claim_id], ["cited"]), timeout=180, message="the first fetch")
    before = list(Lead.objects.filter(claim_id=claim_id).values_list("pk", flat=True))
    assert before  # "find Reuters' own report"

    # The same message again, twice, as a broker does after a lost acknowledgement.
    task_ids = [claim_fetch_task.apply_async(args=[claim_id, "cited"]).id for _ in range(2)]
    log = live_celery["log"]
    wait_for(lambda: all(f"claim_fetch_task[{t}] succeeded" in log.read_text() for t in task_ids),
             timeout=180, message="both redeliveries to run")  # fmt: skip

    assert list(Lead.objects.filter(claim_id=claim_id).values_list("pk", flat=True)) == before
    assert ClaimFetch.objects.get(claim_id=claim_id, fetcher="cited").attempts == 1


def test_ingested_articles_become_claims_with_evidence(live_celery):
    """The main job end to end: ingest the seed articles, extraction makes claims, the fetch workers
    gather evidence for them from the internal corpus."""
    from claims.models import Article, Claim
    from claims.services import article_ingest

    first, _ = article_ingest(text=(SEEDS / "000_69d7ea15770052b5.txt").read_text(), outlet_name="NewsBharati",
                              published_at=dt.datetime(2022, 7, 14, tzinfo=dt.UTC))  # fmt: skip
    second, _ = article_ingest(text=(SEEDS / "004_fc362640fd15afc9.txt").read_text(),
                               published_at=dt.datetime(2022, 8, 17, tzinfo=dt.UTC))  # fmt: skip

    wait_for(
        lambda: not Article.objects.filter(pk__in=[first.pk, second.pk], extraction_status__in=["pending", "running"]).exists(),
        timeout=120, message="extraction of both articles",
    )  # fmt: skip

    line = settings.FACTCHECK_FETCH_MIN_CHECKWORTHINESS  # claims below it wait for an editor to ask for sources

    def settled():
        # Extraction marks an article done before matching (which loads a model) hands the claims over.
        queued = Claim.objects.filter(checkworthiness__gte=line)
        return queued.exists() and not queued.filter(fetches__isnull=True).exists() and _quiet()

    wait_for(settled, timeout=420, interval=0.5, message="extraction, matching and fetching to settle")
    claim_ids = list(Claim.objects.filter(checkworthiness__gte=line).values_list("pk", flat=True))
    assert claim_ids, "extraction produced no claims"
    assert not ClaimFetch.objects.filter(claim__checkworthiness__lt=line).exists()
    # The fetches the extraction queued came through the broker, as in production: a worker that ran the tasks it
    # sends eagerly ran them inside the extraction, and a deadlock between them failed the extraction.
    assert re.search(r"Task sources\.tasks\.claim_fetch_task\[[0-9a-f-]+\] received", live_celery["log"].read_text())
    assert set(ClaimFetch.objects.filter(claim_id__in=claim_ids).values_list("status", flat=True)) == {"done"}
    corroborated = Evidence.objects.filter(fetcher="internal", source__kind=Source.Kind.ARTICLE)
    assert corroborated.exists()
    # Claims of one seed article are corroborated by the other, never by themselves.
    for evidence in corroborated.select_related("claim"):
        own = set(evidence.claim.mentions.values_list("article_id", flat=True))
        if len(own) == 1:
            assert evidence.source.metadata["article_id"] not in own
