"""Redis restarted while extraction and fetch messages wait in its queues, killed (SIGKILL) or stopped cleanly
(SIGTERM, as `docker compose restart` does), with the persistence docker-compose.yml ships (append-only file,
fsync every second): every article and every fetch reaches a final state within the stated sweep bound, and
none is done twice.

What Redis keeps is not the guarantee: a crash loses up to the last second of writes (queued messages and the
record of which messages a worker holds), and a worker that loses its connection gives up the messages it held.
The guarantee is the rows: a row left pending with no message queued, or running past its time limit, is sent
again by the sweepers, and claiming a row with a conditional update makes a second copy of a message harmless.
"""

from __future__ import annotations

import time

import pytest

from claims.models import Article, Claim, ClaimMention
from claims.services import article_ingest
from sources.models import ClaimFetch, Evidence
from tests.conftest import wait_for

from .conftest import (
    RESTART_BOUND,
    harsher_variant_first,
    made_up_html,
    restart_env,
    sending_to,
    start_as_compose_does,
    successful_extractions,
    successful_fetches,
)

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

ARTICLES = 6  # sent at once to a worker of three threads: some wait in the queue when Redis goes
DOWN_SECONDS = 5
BOUND = RESTART_BOUND


@pytest.mark.parametrize(
    "stop", harsher_variant_first("kill", "shutdown", why="a clean shutdown keeps more than SIGKILL")
)
def test_redis_restarted_with_tasks_queued_loses_nothing_and_does_nothing_twice(
    stop, redis_server, transactional_db, worker_env, workers, settings, slow_page, tmp_path
):
    env = restart_env(worker_env, REDIS_URL=redis_server.url)
    log = tmp_path / "worker.log"
    worker = start_as_compose_does(workers, env, log=log, beat_log=tmp_path / "beat.log", name=f"redis-{stop}")
    broker = redis_server.client()

    with sending_to(env, settings):
        first, _ = article_ingest(html=made_up_html(4, seed=0, title="A first report"))  # the worker loads its models
        wait_for(lambda: Article.objects.filter(pk=first.pk, extraction_status="done").exists(), timeout=150,
                 message="the first extraction")  # fmt: skip
        for n in range(ARTICLES):
            article_ingest(html=made_up_html(2, seed=100 * (n + 1), title=f"Report {n}", cites=slow_page))
        wait_for(lambda: broker.llen(env["CELERY_QUEUE"]) and broker.llen(env["CELERY_FETCH_QUEUE"]), timeout=120,
                 interval=0.05, message="extraction and fetch messages both waiting in Redis")  # fmt: skip
        time.sleep(1.5)  # past appendfsync everysec: what is queued now is on disk
        queued = broker.llen(env["CELERY_QUEUE"]), broker.llen(env["CELERY_FETCH_QUEUE"])
        getattr(redis_server, stop)()
        stopped_at = time.monotonic()
        time.sleep(DOWN_SECONDS)
        redis_server.start()
        restored = broker.llen(env["CELERY_QUEUE"]), broker.llen(env["CELERY_FETCH_QUEUE"])
        wait_for(lambda: not Article.objects.exclude(extraction_status="done").exists()
                 and not ClaimFetch.objects.exclude(status__in=["done", "failed"]).exists(),
                 timeout=BOUND + DOWN_SECONDS, interval=1, message="every article and fetch to reach a final state")  # fmt: skip
        recovered = time.monotonic() - stopped_at

    print(f"\nredis {stop}: queued {queued} (extraction, fetch) when stopped, {restored} after the restart; "
          f"all final {recovered:.0f}s after the stop (bound {BOUND + DOWN_SECONDS}s)")  # fmt: skip
    articles = Article.objects.all()
    claims = Claim.objects.all()
    fetches = ClaimFetch.objects.all()
    assert articles.count() == ARTICLES + 1 and claims.count() >= 4 + 2 * ARTICLES
    assert set(fetches.values_list("status", flat=True)) == {"done"}
    assert fetches.count() == 2 * claims.count()  # internal and cited, once each
    # Nothing done twice: one extraction run stored each article's claims, each fetch ran once.
    worker.stop()  # a task logs its success after its row is final: let every task finish and log
    worker_log = log.read_text()
    assert successful_extractions(worker_log) == ARTICLES + 1
    assert successful_fetches(worker_log) == fetches.count()
    assert ClaimMention.objects.count() == ClaimMention.objects.values("claim", "article").distinct().count()
    assert len(set(claims.values_list("normalized_text", flat=True))) == claims.count()
    assert set(fetches.values_list("attempts", flat=True)) == {1}
    assert Evidence.objects.filter(fetcher="cited", passage__contains="41 cranes").exists()
