"""claims_fetch_sources: one pending row and one task per (claim, fetcher), sent after commit, idempotent."""

from __future__ import annotations

import pytest
from django.db import transaction

from factcheck.exceptions import InvalidInput
from sources.models import ClaimFetch, Lead
from sources.services import claim_fetch_run, claims_fetch_sources
from sources.tasks import claim_fetch_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    """The (claim, fetcher) pairs handed to Celery, without running them."""
    calls = []
    monkeypatch.setattr(claim_fetch_task, "apply_async", lambda args, **options: calls.append(tuple(args)))
    return calls


def test_it_creates_pending_rows_for_the_configured_fetchers(claim, settings, sent, django_capture_on_commit_callbacks):
    settings.FACTCHECK_FETCHERS = ["internal", "cited"]

    with django_capture_on_commit_callbacks(execute=True):
        queued = claims_fetch_sources(claim_ids=[claim.pk])

    assert sorted(f.fetcher for f in queued) == ["cited", "internal"]
    assert set(ClaimFetch.objects.values_list("fetcher", "status")) == {("internal", "pending"), ("cited", "pending")}
    assert sorted(sent) == [(claim.pk, "cited"), (claim.pk, "internal")]


def test_tasks_are_sent_only_after_the_transaction_commits(claim, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            claims_fetch_sources(claim_ids=[claim.pk], fetchers=["internal"])
            assert sent == []
    assert sent == [] and len(callbacks) == 1
    callbacks[0]()
    assert sent == [(claim.pk, "internal")]


def test_fetchers_already_done_are_left_alone_unless_forced(claim, fetch_now, sent, django_capture_on_commit_callbacks):
    ClaimFetch.objects.create(claim=claim, fetcher="internal", status="done", sources_found=3)
    ClaimFetch.objects.create(claim=claim, fetcher="cited", status="failed", error="boom")

    with django_capture_on_commit_callbacks(execute=True):
        claims_fetch_sources(claim_ids=[claim.pk], fetchers=["internal", "cited"])
    assert sent == [(claim.pk, "cited")]  # a failed fetcher is tried again
    assert ClaimFetch.objects.get(fetcher="cited").error == ""

    with django_capture_on_commit_callbacks(execute=True):
        claims_fetch_sources(claim_ids=[claim.pk], fetchers=["internal"], force=True)
    assert sent[-1] == (claim.pk, "internal")
    assert ClaimFetch.objects.get(fetcher="internal").status == "pending"


def test_unknown_fetchers_and_claims_are_refused_with_a_message(claim):
    with pytest.raises(InvalidInput, match="Unknown fetcher: bing"):
        claims_fetch_sources(claim_ids=[claim.pk], fetchers=["bing"])
    with pytest.raises(InvalidInput, match="No claim with id 999999"):
        claims_fetch_sources(claim_ids=[999999], fetchers=["internal"])
    assert not ClaimFetch.objects.exists()


def test_a_redelivered_task_adds_nothing_twice(claim, fetch_now):
    fetch_now(claim, "cited")
    leads = list(Lead.objects.values_list("pk", "source_id", "todo"))
    assert leads

    # The broker delivers the same message again (acks_late after a lost worker): the row is done.
    assert claim_fetch_task.apply(args=[claim.pk, "cited"]).get() is None
    # Even if the row were reset underneath it, update_or_create keeps one row per passage.
    ClaimFetch.objects.filter(claim=claim).update(status="pending")
    assert claim_fetch_run(claim_id=claim.pk, fetcher="cited") == 1
    assert list(Lead.objects.values_list("pk", "source_id", "todo")) == leads


def test_a_task_for_a_deleted_claim_returns_quietly(claim, fetch_now):
    claim_id = claim.pk
    ClaimFetch.objects.create(claim=claim, fetcher="internal")
    claim.delete()

    assert claim_fetch_task.apply(args=[claim_id, "internal"]).get() is None
