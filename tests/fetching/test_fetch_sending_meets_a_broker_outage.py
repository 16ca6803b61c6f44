"""An extraction whose sending of fetch tasks meets a broker outage loses nothing and waits for no time limit: the
article is done with its claims, their fetches stay pending, and the stuck-fetch sweeper sends every one of them at
its first run once the broker is back (not FACTCHECK_FETCH_STUCK_MINUTES later)."""

from __future__ import annotations

import contextlib

import pytest
from kombu.exceptions import OperationalError

from claims.models import Article
from claims.services import article_extract
from factcheck.celery import app
from sources.models import ClaimFetch
from sources.tasks import claim_fetches_restart_stuck
from tests.factories import ArticleFactory
from tests.workers import new_producer_connections

pytestmark = pytest.mark.django_db
TEXT = (
    "The harbour authority of Freedonia said on Tuesday that 41 cranes were installed at the new port in 2023. "
    "The council of Genovia reported that 317 new libraries opened in the capital in 1998."
)


@contextlib.contextmanager
def broker_unreachable():
    """Tasks are really sent (not run eagerly) to a Redis address where nothing listens, as during an outage."""
    saved = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager, app.conf.broker_url = False, "redis://127.0.0.1:9/0"  # the discard port: refused
    new_producer_connections(app)
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        new_producer_connections(app)


def test_the_outage_is_real_a_task_sent_meanwhile_fails():
    with broker_unreachable(), pytest.raises(OperationalError):
        app.send_task("sources.tasks.claim_fetch_task", (1, "internal"))


def test_an_extraction_whose_fetches_cannot_be_sent_is_done_and_the_first_sweep_after_sends_them(
    settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_FETCH_STUCK_MINUTES = 15
    article = ArticleFactory(raw_text=TEXT, cleaned_text=TEXT, text_sha256="outage-1", language="en")

    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        claims = article_extract(article_id=article.pk)

    assert Article.objects.get(pk=article.pk).extraction_status == "done" and len(claims) >= 2
    fetches = ClaimFetch.objects.filter(claim__in=claims)
    assert fetches.count() == 2 * len(claims)  # internal and cited for each claim, none lost
    assert set(fetches.values_list("status", flat=True)) == {"pending"}

    with django_capture_on_commit_callbacks(execute=True):  # the broker is back (tasks run eagerly again)
        assert claim_fetches_restart_stuck.apply().get() == fetches.count()

    assert set(fetches.values_list("status", flat=True)) == {"done"}
    assert set(fetches.values_list("attempts", flat=True)) == {1}


def test_a_fetch_sent_normally_is_not_due_for_the_sweeper(settings, django_capture_on_commit_callbacks):
    settings.FACTCHECK_FETCH_STUCK_MINUTES = 15
    article = ArticleFactory(raw_text=TEXT, cleaned_text=TEXT, text_sha256="outage-2", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        claims = article_extract(article_id=article.pk)
    ClaimFetch.objects.filter(claim__in=claims).update(status="pending")  # as if their messages were on their way

    assert claims and claim_fetches_restart_stuck.apply().get() == 0
