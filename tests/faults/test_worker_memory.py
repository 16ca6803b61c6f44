"""A big article through a real worker started on the local (DEBUG) settings, as `bin/serve` runs it:
extraction stops at its bounds and says so, every fetch finishes, and the worker's memory grows by a
bounded amount over what its models take."""

import pytest

from claims.models import Article
from claims.services import article_ingest
from sources.models import ClaimFetch
from tests.conftest import wait_for
from tests.workers import RssSampler, rss_bytes

from .conftest import made_up_html, sending_to

pytestmark = pytest.mark.integration

MiB = 2**20
# Over the worker's size once its models are loaded (about 0.8 GiB of spaCy and torch). Measured: 130 MiB, all of it
# extraction's; 300 MiB when every fetch thread also shingled the whole 2 MB body for the copy check.
GROWTH_LIMIT = 220 * MiB


def _all_fetches_final():
    return ClaimFetch.objects.exists() and not ClaimFetch.objects.filter(status__in=["pending", "running"]).exists()


def test_a_two_megabyte_article_grows_the_worker_by_a_bounded_amount(
    transactional_db, worker_env, workers, settings, tmp_path
):
    # DEBUG on, as bin/serve defaults; fewer claims than the default bound, to keep the test short on a shared machine
    env = {**worker_env, "FACTCHECK_EXTRACTION_MAX_CLAIMS": "40"}
    env.pop("DJANGO_DEBUG")
    worker = workers(queues=[env["CELERY_QUEUE"], env["CELERY_FETCH_QUEUE"]], env=env, log=tmp_path / "w.log",
                     name="memory", pool="threads", concurrency=4).start()  # fmt: skip
    big = made_up_html(16_000, title="A very long made-up report")
    assert len(big) > 2_000_000

    with sending_to(env, settings), RssSampler({"worker": worker.pid}) as rss:
        earlier, _ = article_ingest(html=made_up_html(8, seed=5, title="An earlier made-up report"))
        wait_for(lambda: Article.objects.filter(pk=earlier.pk, extraction_status="done").exists(), timeout=240,
                 message="the small article to be extracted (models loaded)")  # fmt: skip
        wait_for(_all_fetches_final, timeout=120, message="the small article's fetches")
        warm = rss_bytes(worker.pid)
        article, created = article_ingest(html=big)
        assert created
        wait_for(lambda: Article.objects.filter(pk=article.pk, extraction_status="done").exists(), timeout=240,
                 message="the big article to be extracted")  # fmt: skip
        wait_for(_all_fetches_final, timeout=240, message="every fetch to finish")

    peak = rss.peak_process["worker"]
    print(f"\nbig article: {len(big):,} characters of HTML; worker warm {warm / MiB:.0f} MiB\n{rss.report()}")
    article.refresh_from_db()
    assert 0 < article.mentions.values("claim").distinct().count() <= 40
    assert "Only the first 40 claims were kept" in article.extraction_error
    assert ClaimFetch.objects.filter(claim__mentions__article=article, status="done").exists()
    assert "DEBUG is on in the settings; turned off" in (tmp_path / "w.log").read_text()
    assert warm > 0 and peak - warm < GROWTH_LIMIT, f"the big article grew the worker by {(peak - warm) / MiB:.0f} MiB"
