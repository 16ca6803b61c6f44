"""SIGKILL the worker mid-extraction, restart it, SIGKILL it mid-fetch, restart it: on Redis and on the
filesystem broker, every article and every fetch reaches a final state within the stated sweep bound, and
none is done twice (one extraction run that stored claims, no duplicate rows, a fetch attempted again
only when it was killed)."""

from __future__ import annotations

import time

import pytest

from claims.models import Article, Claim, ClaimMention
from claims.services import article_ingest
from sources.models import ClaimFetch, Evidence
from tests.conftest import wait_for

from .conftest import filesystem_broker, made_up_html, sending_to, successful_extractions

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

FETCH_TIME_LIMIT = 20  # a fetch running for twice this long lost its worker (sweeper)
# An extraction running for this long lost its worker (sweeper). The thread pool does not enforce time
# limits, so this must exceed the longest real run (a cold worker loads its models first) on a busy machine.
EXTRACTION_TIME_LIMIT = 150
SWEEP_INTERVAL = 3
# The longest a killed piece of work may wait: its stale threshold, one sweep, and the work itself.
EXTRACTION_BOUND = EXTRACTION_TIME_LIMIT + SWEEP_INTERVAL + 150
STUCK_PENDING_MINUTES = 1  # a fetch pending this long with no message queued is sent again (sweeper)
FETCH_BOUND = max(2 * FETCH_TIME_LIMIT, 60 * STUCK_PENDING_MINUTES) + SWEEP_INTERVAL + 120


@pytest.mark.parametrize("broker", ["redis", "filesystem"])
def test_a_worker_killed_mid_extraction_and_mid_fetch_loses_nothing(
    broker, transactional_db, worker_env, workers, settings, slow_page, tmp_path
):
    env = {
        **worker_env,
        "FACTCHECK_FETCHERS": "internal,cited",
        "CELERY_MAINTENANCE_QUEUE": worker_env["CELERY_QUEUE"] + "-maintenance",
        "FACTCHECK_SWEEP_INTERVAL": str(SWEEP_INTERVAL),
        "FACTCHECK_FETCH_STUCK_MINUTES": str(STUCK_PENDING_MINUTES),
        "CELERY_TASK_TIME_LIMIT": str(EXTRACTION_TIME_LIMIT),
        "CELERY_TASK_SOFT_TIME_LIMIT": str(EXTRACTION_TIME_LIMIT - 5),
        "FACTCHECK_FETCH_TIME_LIMIT": str(FETCH_TIME_LIMIT),
        "FACTCHECK_FETCH_SOFT_TIME_LIMIT": str(FETCH_TIME_LIMIT - 5),
    }
    if broker == "filesystem":
        env = filesystem_broker(env)
    log = tmp_path / "worker.log"
    worker = workers(queues=[env["CELERY_QUEUE"], env["CELERY_FETCH_QUEUE"], env["CELERY_MAINTENANCE_QUEUE"]],
                     env=env, log=log, name=f"fault-{broker}", pool="threads", concurrency=4, beat=True).start()  # fmt: skip

    with sending_to(env, settings):
        article, created = article_ingest(
            html=made_up_html(14, seed=40, title="Ports and harbours", cites=slow_page),
            url="https://news.example/ports",
        )
        assert created
        wait_for(lambda: Article.objects.filter(pk=article.pk, extraction_status="running").exists(), timeout=120,
                 message="the extraction to start")  # fmt: skip
        worker.kill()  # mid-extraction
        killed_at = time.monotonic()
        worker.start()
        wait_for(lambda: Article.objects.filter(pk=article.pk, extraction_status="done").exists(),
                 timeout=EXTRACTION_BOUND, message="the killed extraction to be done")  # fmt: skip
        extraction_recovered = time.monotonic() - killed_at

        wait_for(lambda: ClaimFetch.objects.filter(fetcher="cited", status="running").exists(), timeout=120,
                 message="a fetch to be running")  # fmt: skip
        worker.kill()  # mid-fetch
        running = set(ClaimFetch.objects.filter(status="running").values_list("pk", flat=True))  # the ones it killed
        killed_at = time.monotonic()
        worker.start()
        wait_for(lambda: not ClaimFetch.objects.exclude(status__in=["done", "failed"]).exists(),
                 timeout=FETCH_BOUND, message="every fetch to reach a final state")  # fmt: skip
        fetches_recovered = time.monotonic() - killed_at

    print(f"\n{broker}: extraction recovered {extraction_recovered:.0f}s after the kill (bound {EXTRACTION_BOUND}s), "
          f"fetches {fetches_recovered:.0f}s (bound {FETCH_BOUND}s)")  # fmt: skip
    fetches = ClaimFetch.objects.filter(claim__mentions__article=article).distinct()
    claims = Claim.objects.filter(mentions__article=article).distinct()
    assert claims.count() >= 5
    assert set(fetches.values_list("status", flat=True)) == {"done"}
    assert fetches.count() == 2 * claims.count()  # internal and cited, once each
    assert successful_extractions(log.read_text()) == 1  # the killed run stored nothing; one run did
    assert ClaimMention.objects.filter(article=article).count() == claims.count()
    assert len(set(claims.values_list("normalized_text", flat=True))) == claims.count()
    # A fetch was attempted again only when it was killed running; the others once.
    again = set(fetches.filter(attempts__gt=1).values_list("pk", flat=True))
    assert again <= running and not fetches.filter(attempts__gt=2).exists()
    assert Evidence.objects.filter(claim__in=claims, fetcher="cited", passage__contains="41 cranes").exists()
