"""PostgreSQL restarted while extractions and fetches are running (a private server: the shared one stays up):
every article and every fetch reaches a final state within the stated sweep bound, none is done twice, and no
committed row is lost.

A task the restart cuts short retries on OperationalError/InterfaceError (with backoff long enough to outlive a
restart: claims.tasks.DATABASE_RETRY), or, when it was cut short mid-run, leaves its row running; a row running
past its time limit is sent again by the sweepers, and the conditional update that claims a row keeps
a retry and a re-sent copy from running the same work twice. Workers keep no dead connection: Celery's Django
fixup closes unusable connections before each task (CONN_HEALTH_CHECKS checks a reused one).
"""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, connections

from claims.models import Article, Claim, ClaimMention
from claims.services import article_ingest
from sources.models import ClaimFetch, Evidence
from tests.conftest import wait_for

from .conftest import (
    RESTART_BOUND,
    cut_short,
    harsher_variant_first,
    made_up_html,
    restart_env,
    sending_to,
    start_as_compose_does,
    successful_extractions,
    successful_fetches,
)
from .servers import PostgresServer

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

ARTICLES = 4
DOWN_SECONDS = 5
BOUND = RESTART_BOUND


@pytest.fixture
def private_postgres(integration_services, django_db_blocker):
    """A private, migrated PostgreSQL; this test process's default connection points at it."""
    from django.db.backends.postgresql.base import DatabaseWrapper

    server = PostgresServer()
    configured = connections.configure_settings({"default": server.django_settings()})["default"]
    original = connections["default"]
    with django_db_blocker.unblock():
        connections["default"] = DatabaseWrapper(configured, "default")
        try:
            call_command("migrate", verbosity=0)
            yield server
        finally:
            connections["default"].close()
            connections["default"] = original
            server.cleanup()


def _all_final() -> bool:
    try:
        return (
            not Article.objects.exclude(extraction_status="done").exists()
            and not ClaimFetch.objects.exclude(status__in=["done", "failed"]).exists()
        )
    except (OperationalError, InterfaceError):  # this process's own connection died with the old server
        connections["default"].close()
        return False


@pytest.mark.parametrize(
    "mode", harsher_variant_first("immediate", "fast", why="a fast shutdown is gentler than an immediate one")
)
def test_postgres_restarted_under_load_loses_nothing_and_does_nothing_twice(
    mode, private_postgres, worker_env, workers, settings, slow_page, tmp_path
):
    env = restart_env(worker_env, DATABASE_URL=private_postgres.url)
    log = tmp_path / "worker.log"
    worker = start_as_compose_does(workers, env, log=log, beat_log=tmp_path / "beat.log", name=f"pg-{mode}")

    with sending_to(env, settings):
        # A first article: the worker loads its models, then fetches from the slow page for a while.
        first, _ = article_ingest(html=made_up_html(4, seed=0, title="A first report", cites=slow_page))
        wait_for(lambda: Article.objects.filter(pk=first.pk, extraction_status="done").exists()
                 and ClaimFetch.objects.filter(fetcher="cited", status="running").exists(), timeout=150,
                 interval=0.1, message="the first extraction, then its fetches")  # fmt: skip
        for n in range(ARTICLES):
            article_ingest(html=made_up_html(3, seed=100 * (n + 1), title=f"Report {n}", cites=slow_page))
        wait_for(lambda: Article.objects.filter(extraction_status="running").exists()
                 and ClaimFetch.objects.filter(fetcher="cited", status="running").exists(), timeout=120,
                 interval=0.05, message="an extraction and a fetch both running")  # fmt: skip
        committed = {
            "claims": set(Claim.objects.values_list("pk", flat=True)),
            "evidence": set(Evidence.objects.values_list("pk", flat=True)),
            "fetches": set(ClaimFetch.objects.values_list("pk", flat=True)),
        }
        private_postgres.restart(mode=mode, down=DOWN_SECONDS)
        restarted_at = time.monotonic()
        wait_for(_all_final, timeout=BOUND, interval=1, message="every article and fetch to reach a final state")
        recovered = time.monotonic() - restarted_at

    print(f"\npostgres {mode}: all final {recovered:.0f}s after the restart (bound {BOUND}s)")
    claims, fetches = Claim.objects.all(), ClaimFetch.objects.all()
    assert Article.objects.count() == ARTICLES + 1 and claims.count() >= 4 + 3 * ARTICLES
    assert set(fetches.values_list("status", flat=True)) == {"done"}
    assert fetches.count() == 2 * claims.count()  # internal and cited, once each
    # No committed row lost.
    assert committed["claims"] <= set(claims.values_list("pk", flat=True))
    assert committed["evidence"] <= set(Evidence.objects.values_list("pk", flat=True))
    assert committed["fetches"] <= set(fetches.values_list("pk", flat=True))
    # Nothing done twice: one extraction run stored each article's claims, one run finished each fetch.
    worker.stop()  # a task logs its success after its row is final: let every task finish and log
    worker_log = log.read_text()
    # Each run that finished a row logged its success, but one that a database error cut short after its commit
    # (its retry then finds the row final): at most one success per row, at least one but for those cut short.
    extractions, fetch_runs = successful_extractions(worker_log), successful_fetches(worker_log)
    assert ARTICLES + 1 - cut_short(worker_log, "article_extract_task") <= extractions <= ARTICLES + 1
    assert fetches.count() - cut_short(worker_log, "claim_fetch_task") <= fetch_runs <= fetches.count()
    assert ClaimMention.objects.count() == ClaimMention.objects.values("claim", "article").distinct().count()
    assert len(set(claims.values_list("normalized_text", flat=True))) == claims.count()
    assert not fetches.filter(attempts__gt=2).exists()
