"""Sweepers restart work a crash left behind, on their own queue, never when its message is still queued nor
while a live run holds its run lock, and a fetch or an extraction never runs twice at once."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Article
from claims.services import article_extraction_claim
from claims.services.extraction import extraction_run_key
from claims.tasks import article_extract_task, articles_restart_stuck_extraction
from factcheck import runlock
from factcheck.broker import queued_args
from factcheck.celery import app
from sources.fetchers.base import get_fetcher
from sources.models import ClaimFetch
from sources.services import claim_fetch_restart, claim_fetch_start, claims_fetch_sources, fetch_run_key
from sources.tasks import claim_fetch_task, claim_fetches_restart_stuck
from tests.factories import ArticleFactory, ClaimFactory
from tests.workers import new_producer_connections

from .conftest import wait_until

pytestmark = pytest.mark.django_db
# The two queued-message tests count the filesystem broker's message files (bin/test's default broker). Pointing
# the shared Celery app at that broker where REDIS_URL is set left later real-worker tests without their messages,
# so there they do not run; counting Redis's list instead is left to do (issue 11 note).
needs_filesystem_broker = pytest.mark.skipif(
    bool(os.environ.get("REDIS_URL")), reason="counts the filesystem broker's message files; REDIS_URL is set"
)
TEXT = "The harbour authority of Freedonia said on Tuesday that 41 cranes were installed at the new port in 2023."


@pytest.fixture
def queued_for_real(settings, tmp_path):
    """Tasks sent to the filesystem broker (not eagerly) sit in this queue folder. The sweepers send theirs
    after commit: django_capture_on_commit_callbacks(execute=True) sends them within the test."""
    folder = tmp_path / "queue"
    folder.mkdir()
    options = {
        **settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        "data_folder_in": str(folder),
        "data_folder_out": str(folder),
    }
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = options
    saved = app.conf.task_always_eager, app.conf.broker_transport_options
    app.conf.task_always_eager, app.conf.broker_transport_options = False, options
    new_producer_connections(app)
    yield folder
    app.conf.task_always_eager, app.conf.broker_transport_options = saved
    new_producer_connections(app)


def _article(status, seconds_ago):
    text = TEXT.replace("41", str(Article.objects.count() + 41))
    article = ArticleFactory(raw_text=text, cleaned_text=text, text_sha256=str(hash(text)), language="en")
    Article.objects.filter(pk=article.pk).update(
        extraction_status=status, extraction_status_at=timezone.now() - timedelta(seconds=seconds_ago)
    )
    return article


def test_an_extraction_a_dead_worker_left_running_is_restarted_and_finishes(
    settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_TIME_LIMIT = 60
    settings.FACTCHECK_STUCK_PENDING_SECONDS = 120
    dead = _article("running", 600)
    lost = _article("pending", 600)
    running = _article("running", 5)  # a live worker is on it
    fresh = _article("pending", 5)  # its message is on its way

    with django_capture_on_commit_callbacks(execute=True):
        assert articles_restart_stuck_extraction.apply().get() == 2

    statuses = dict(Article.objects.values_list("pk", "extraction_status"))
    assert statuses[dead.pk] == "done" and statuses[lost.pk] == "done"
    assert statuses[running.pk] == "running" and statuses[fresh.pk] == "pending"
    assert dead.mentions.exists()


@needs_filesystem_broker
def test_an_extraction_whose_message_is_still_queued_is_not_sent_again(
    settings, queued_for_real, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_STUCK_PENDING_SECONDS = 1
    waiting = _article("pending", 600)
    lost = _article("pending", 600)
    app.send_task(article_extract_task.name, (waiting.pk,), queue=settings.CELERY_TASK_DEFAULT_QUEUE)
    assert queued_args(task=article_extract_task.name, queue=settings.CELERY_TASK_DEFAULT_QUEUE) == {(waiting.pk,)}

    with django_capture_on_commit_callbacks(execute=True):
        articles_restart_stuck_extraction.apply().get()

    queued = queued_args(task=article_extract_task.name, queue=settings.CELERY_TASK_DEFAULT_QUEUE)
    assert queued == {(waiting.pk,), (lost.pk,)}
    assert len(list(queued_for_real.glob("*.msg"))) == 2  # one message each: none sent twice


@needs_filesystem_broker
def test_a_fetch_whose_message_is_still_queued_is_not_sent_again(
    settings, queued_for_real, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_FETCH_STUCK_MINUTES = 1
    claim = ClaimFactory(text=TEXT)
    for fetcher in ("internal", "cited"):
        row = ClaimFetch.objects.create(claim=claim, fetcher=fetcher)
        ClaimFetch.objects.filter(pk=row.pk).update(requested_at=timezone.now() - timedelta(minutes=30))
    app.send_task(claim_fetch_task.name, (claim.pk, "internal"), queue=settings.CELERY_FETCH_QUEUE)

    with django_capture_on_commit_callbacks(execute=True):
        assert claim_fetches_restart_stuck.apply().get() == 1

    queued = queued_args(task=claim_fetch_task.name, queue=settings.CELERY_FETCH_QUEUE)
    assert queued == {(claim.pk, "internal"), (claim.pk, "cited")}
    assert len(list(queued_for_real.glob(f"*.{settings.CELERY_FETCH_QUEUE}.msg"))) == 2


def test_a_second_claimer_never_takes_a_running_fetch_over_without_its_run_lock(settings):
    settings.FACTCHECK_FETCH_TIME_LIMIT = 120
    claim = ClaimFactory(text=TEXT)
    ClaimFetch.objects.create(claim=claim, fetcher="internal")
    key = fetch_run_key(claim_id=claim.pk, fetcher="internal")

    assert claim_fetch_start(claim_id=claim.pk, fetcher="internal") is True
    assert claim_fetch_start(claim_id=claim.pk, fetcher="internal") is False  # a duplicate message meanwhile

    # Running for far longer than the time limit: a thread pool enforces none, so that alone proves nothing.
    ClaimFetch.objects.filter(claim=claim).update(started_at=timezone.now() - timedelta(seconds=3600))
    assert claim_fetch_start(claim_id=claim.pk, fetcher="internal") is False
    with runlock.held(key) as ours:  # nobody holds its run lock: its worker died
        assert ours and claim_fetch_start(claim_id=claim.pk, fetcher="internal") is True
    assert ClaimFetch.objects.get(claim=claim).attempts == 2


def test_a_slow_fetch_past_the_time_limit_is_left_to_its_live_worker_and_restarted_once_that_worker_is_killed(
    settings, held_elsewhere, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_FETCH_TIME_LIMIT = 60
    claim = ClaimFactory(text=TEXT)
    row = ClaimFetch.objects.create(
        claim=claim, fetcher="internal", status="running", attempts=1, started_at=timezone.now() - timedelta(minutes=10)
    )
    worker = held_elsewhere(fetch_run_key(claim_id=claim.pk, fetcher="internal"))  # alive, only slow

    with django_capture_on_commit_callbacks(execute=True):
        assert claim_fetches_restart_stuck.apply().get() == 0
        assert claim_fetch_task.apply((claim.pk, "internal")).get() is None  # a copy of its message: nothing to do
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("running", 1)

    worker.kill()
    assert wait_until(lambda: runlock.acquire(fetch_run_key(claim_id=claim.pk, fetcher="internal")))
    runlock.release(fetch_run_key(claim_id=claim.pk, fetcher="internal"))
    with django_capture_on_commit_callbacks(execute=True):
        assert claim_fetches_restart_stuck.apply().get() == 1

    row.refresh_from_db()
    assert (row.status, row.attempts) == ("done", 2)  # sent again and run (eagerly) once


def test_fetch_again_asked_during_a_run_is_run_once_that_run_ends(monkeypatch, django_capture_on_commit_callbacks):
    claim = ClaimFactory(text=TEXT)
    ClaimFetch.objects.create(claim=claim, fetcher="internal")
    internal = type(get_fetcher("internal"))
    real_fetch = internal.fetch
    during_the_run = []

    def fetch_while_an_editor_asks_again(self, query):
        if not during_the_run:
            # "Fetch sources again" clicked while this run works; its message reaches a worker at once.
            claims_fetch_sources(claim_ids=[claim.pk], fetchers=["internal"], force=True)
            during_the_run.append(ClaimFetch.objects.get(claim=claim).status)
            during_the_run.append(claim_fetch_task.apply((claim.pk, "internal")).get())  # finds the lock held
        return real_fetch(self, query)

    monkeypatch.setattr(internal, "fetch", fetch_while_an_editor_asks_again)
    claim_fetch_task.apply((claim.pk, "internal")).get()

    row = ClaimFetch.objects.get(claim=claim)
    assert during_the_run == ["pending", None]
    assert (row.status, row.attempts) == ("pending", 1)  # the first run did not write "done" over the request
    with django_capture_on_commit_callbacks(execute=True):
        assert claim_fetches_restart_stuck.apply().get() == 1  # at the sweeper's next run, not minutes later
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("done", 2)


def test_a_sweeper_that_finds_a_fetch_done_meanwhile_does_not_run_it_again(settings):
    claim = ClaimFactory(text=TEXT)
    ClaimFetch.objects.create(claim=claim, fetcher="internal", status="done", attempts=1)

    # It saw the row running (its select came first); the run then finished and released its lock.
    assert claim_fetch_restart(claim_id=claim.pk, fetcher="internal", status="running") is False

    assert ClaimFetch.objects.get(claim=claim).status == "done"


def test_an_article_is_extracted_by_one_worker_at_a_time(settings):
    settings.CELERY_TASK_TIME_LIMIT = 60
    article = _article("pending", 0)

    assert article_extraction_claim(article_id=article.pk) is True
    assert article_extraction_claim(article_id=article.pk) is False
    Article.objects.filter(pk=article.pk).update(extraction_status_at=timezone.now() - timedelta(seconds=3600))
    assert article_extraction_claim(article_id=article.pk) is False  # long past the time limit, but maybe alive
    with runlock.held(extraction_run_key(article.pk)) as ours:  # nobody holds its run lock: its worker died
        assert ours and article_extraction_claim(article_id=article.pk) is True


def test_a_slow_extraction_is_left_to_its_live_worker_and_restarted_once_that_worker_is_killed(
    settings, held_elsewhere, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_TIME_LIMIT = 60
    slow = _article("running", 600)
    worker = held_elsewhere(extraction_run_key(slow.pk))

    with django_capture_on_commit_callbacks(execute=True):
        assert articles_restart_stuck_extraction.apply().get() == 0
        assert article_extract_task.apply((slow.pk,)).get() == 0  # a copy of its message: nothing to do
    assert Article.objects.get(pk=slow.pk).extraction_status == "running" and not slow.mentions.exists()

    worker.kill()
    assert wait_until(lambda: runlock.acquire(extraction_run_key(slow.pk)))
    runlock.release(extraction_run_key(slow.pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert articles_restart_stuck_extraction.apply().get() == 1

    assert Article.objects.get(pk=slow.pk).extraction_status == "done" and slow.mentions.exists()


def test_the_sweepers_have_their_own_queue_and_interval(settings):
    from celery import current_app

    router = current_app.amqp.Router()
    for task in ("claims.tasks.articles_restart_stuck_extraction", "sources.tasks.claim_fetches_restart_stuck"):
        assert router.route({}, task)["queue"].name == settings.CELERY_MAINTENANCE_QUEUE
    assert router.route({}, "sources.tasks.claim_fetch_task")["queue"].name == settings.CELERY_FETCH_QUEUE
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["claims.tasks.articles_restart_stuck_extraction"] == settings.FACTCHECK_SWEEP_INTERVAL
    assert schedule["sources.tasks.claim_fetches_restart_stuck"] == settings.FACTCHECK_SWEEP_INTERVAL
