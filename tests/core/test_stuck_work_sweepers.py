"""Sweepers restart work a crash left behind, on their own queue, never when its message is still queued,
and a fetch or an extraction never runs twice at once."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Article
from claims.services import article_extraction_claim
from claims.tasks import article_extract_task, articles_restart_stuck_extraction
from factcheck.broker import queued_args
from factcheck.celery import app
from sources.models import ClaimFetch
from sources.services import claim_fetch_start
from sources.tasks import claim_fetch_task, claim_fetches_restart_stuck
from tests.factories import ArticleFactory, ClaimFactory
from tests.workers import new_producer_connections

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


def test_a_fetch_running_elsewhere_is_not_claimed_twice_until_its_worker_is_past_the_time_limit(settings):
    settings.FACTCHECK_FETCH_TIME_LIMIT = 120
    claim = ClaimFactory(text=TEXT)
    ClaimFetch.objects.create(claim=claim, fetcher="internal")

    assert claim_fetch_start(claim_id=claim.pk, fetcher="internal") is True
    assert claim_fetch_start(claim_id=claim.pk, fetcher="internal") is False  # a duplicate message meanwhile

    ClaimFetch.objects.filter(claim=claim).update(started_at=timezone.now() - timedelta(seconds=300))
    assert claim_fetch_start(claim_id=claim.pk, fetcher="internal") is True  # its worker died
    assert ClaimFetch.objects.get(claim=claim).attempts == 2


def test_an_article_is_extracted_by_one_worker_at_a_time(settings):
    settings.CELERY_TASK_TIME_LIMIT = 60
    article = _article("pending", 0)

    assert article_extraction_claim(article_id=article.pk) is True
    assert article_extraction_claim(article_id=article.pk) is False
    Article.objects.filter(pk=article.pk).update(extraction_status_at=timezone.now() - timedelta(seconds=120))
    assert article_extraction_claim(article_id=article.pk) is True


def test_the_sweepers_have_their_own_queue_and_interval(settings):
    from celery import current_app

    router = current_app.amqp.Router()
    for task in ("claims.tasks.articles_restart_stuck_extraction", "sources.tasks.claim_fetches_restart_stuck"):
        assert router.route({}, task)["queue"].name == settings.CELERY_MAINTENANCE_QUEUE
    assert router.route({}, "sources.tasks.claim_fetch_task")["queue"].name == settings.CELERY_FETCH_QUEUE
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["claims.tasks.articles_restart_stuck_extraction"] == settings.FACTCHECK_SWEEP_INTERVAL
    assert schedule["sources.tasks.claim_fetches_restart_stuck"] == settings.FACTCHECK_SWEEP_INTERVAL
