"""Beat jobs: re-fetch stale sources, restart fetches stuck in pending or running."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sources.models import ClaimFetch, Source
from sources.tasks import claim_fetches_restart_stuck, sources_refetch_stale
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def test_stale_sources_are_fetched_again_and_fresh_ones_left_alone(
    httpserver, settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_SOURCE_STALE_DAYS = 30
    httpserver.expect_request("/stale").respond_with_data(
        "<html><body><article><p>Updated: North Korea recognised the Donetsk People's Republic on 13 July 2022.</p>"
        "</article></body></html>",
        content_type="text/html",
    )
    long_ago = timezone.now() - timedelta(days=45)
    stale = SourceFactory(url=httpserver.url_for("/stale"), kind=Source.Kind.NEWS, fetched_at=long_ago, text="old text")
    fresh = SourceFactory(
        url=httpserver.url_for("/fresh"), kind=Source.Kind.NEWS, fetched_at=timezone.now(), text="fresh"
    )
    own_article = SourceFactory(url="https://factcheck.example/admin/claims/article/1/change/", kind=Source.Kind.ARTICLE,
                                fetched_at=long_ago, text="ours")  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        assert sources_refetch_stale.apply().get() == 1

    stale.refresh_from_db()
    assert stale.text.startswith("Updated: North Korea") and stale.fetched_at > long_ago
    fresh.refresh_from_db()
    own_article.refresh_from_db()
    assert (fresh.text, own_article.text) == ("fresh", "ours")
    assert [r.path for r, _ in httpserver.log] == ["/stale"]


def test_a_failed_refetch_keeps_the_old_snapshot(httpserver, django_capture_on_commit_callbacks):
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    stale = SourceFactory(url=httpserver.url_for("/gone"), kind=Source.Kind.NEWS,
                          fetched_at=timezone.now() - timedelta(days=90), text="the snapshot")  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        sources_refetch_stale.apply().get()

    stale.refresh_from_db()
    assert stale.text == "the snapshot" and "HTTP 410" in stale.fetch_error


def test_fetches_stuck_in_pending_or_running_are_restarted(claim, settings, django_capture_on_commit_callbacks):
    settings.FACTCHECK_FETCH_STUCK_MINUTES = 15
    settings.FACTCHECK_FETCH_TIME_LIMIT = 120
    now = timezone.now()
    stuck_pending = ClaimFetch.objects.create(claim=claim, fetcher="internal")
    ClaimFetch.objects.filter(pk=stuck_pending.pk).update(requested_at=now - timedelta(minutes=30))
    lost_running = ClaimFetch.objects.create(
        claim=claim, fetcher="cited", status="running", started_at=now - timedelta(minutes=10)
    )
    recent = ClaimFetch.objects.create(claim=claim, fetcher="wikipedia")  # just queued: leave it
    waiting_retry = ClaimFetch.objects.create(claim=claim, fetcher="gdelt")  # due in the future (backoff)
    ClaimFetch.objects.filter(pk=waiting_retry.pk).update(requested_at=now + timedelta(minutes=20))

    with django_capture_on_commit_callbacks(execute=True):
        assert claim_fetches_restart_stuck.apply().get() == 2

    stuck_pending.refresh_from_db()
    lost_running.refresh_from_db()
    assert stuck_pending.status == "done" and lost_running.status == "done"  # re-run (eagerly) to completion
    assert ClaimFetch.objects.get(pk=recent.pk).status == "pending"
    assert ClaimFetch.objects.get(pk=waiting_retry.pk).status == "pending"


@pytest.fixture
def stuck_minutes_from_the_environment(monkeypatch):
    """sources.conf read again with FACTCHECK_FETCH_STUCK_MINUTES set, as a worker started with it reads it."""
    import importlib

    from sources import conf

    def read(value: str) -> None:
        monkeypatch.setenv("FACTCHECK_FETCH_STUCK_MINUTES", value)
        importlib.reload(conf)

    yield read
    monkeypatch.undo()
    importlib.reload(conf)


def test_a_fraction_of_a_minute_is_a_stuck_fetch_threshold(
    claim, stuck_minutes_from_the_environment, django_capture_on_commit_callbacks
):
    stuck_minutes_from_the_environment("0.5")
    now = timezone.now()
    lost = ClaimFetch.objects.create(claim=claim, fetcher="internal")
    ClaimFetch.objects.filter(pk=lost.pk).update(requested_at=now - timedelta(seconds=40))
    recent = ClaimFetch.objects.create(claim=claim, fetcher="cited")
    ClaimFetch.objects.filter(pk=recent.pk).update(requested_at=now - timedelta(seconds=20))

    with django_capture_on_commit_callbacks(execute=True):
        assert claim_fetches_restart_stuck.apply().get() == 1

    assert ClaimFetch.objects.get(pk=lost.pk).status == "done"  # pending for 40 s: sent again (and run eagerly)
    assert ClaimFetch.objects.get(pk=recent.pk).status == "pending"


def test_the_beat_schedule_runs_both_jobs(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"sources.tasks.sources_refetch_stale", "sources.tasks.claim_fetches_restart_stuck"} <= tasks
