"""Workflow buttons on the claim page and bulk actions in the queue call the services; refusals are messages."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import Claim, Verdict
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db
Status = Claim.Status


def press(client, claim, op, **extra):
    """Submit the claim page as the browser does: the form's current values plus the button pressed.

    The verdict's fields are on the page only while the claim is in review or ready (else it is a card)."""
    data = {"claim_type": claim.claim_type, "checkworthiness": claim.checkworthiness, "_fc_op": op}
    verdict = Verdict.objects.filter(claim=claim).first()
    if verdict and Claim.objects.get(pk=claim.pk).status in (Status.IN_REVIEW, Status.VERDICT_READY):
        draft = getattr(verdict, "correction", None) or verdict  # under correction the page shows its draft
        data.update(rating=draft.rating_id, explanation=draft.explanation)
    data.update(extra)
    return client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data, follow=True)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_start_review_moves_the_claim_and_assigns_the_reviewer(reviewer, reviewer_client):
    claim = ClaimFactory()
    response = press(reviewer_client, claim, "start_review")
    claim.refresh_from_db()
    assert claim.status == Status.IN_REVIEW and claim.assignee == reviewer
    assert "Review started." in messages_of(response)


def test_assign_to_me(reviewer, reviewer_client):
    claim = ClaimFactory()
    press(reviewer_client, claim, "assign_me")
    claim.refresh_from_db()
    assert claim.assignee == reviewer


def test_marking_ready_without_a_draft_is_a_clear_message_not_a_500(reviewer_client):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    response = press(reviewer_client, claim, "mark_ready")
    assert response.status_code == 200
    assert "Draft a verdict (rating and explanation) before marking the claim ready." in messages_of(response)
    claim.refresh_from_db()
    assert claim.status == Status.IN_REVIEW


def test_an_action_that_does_not_apply_to_the_status_is_refused_with_a_message(reviewer_client):
    claim = ClaimFactory(status=Status.DISMISSED)
    response = press(reviewer_client, claim, "mark_ready")
    assert response.status_code == 200
    assert any("not possible for this claim now (it is dismissed" in m for m in messages_of(response))


def test_the_draft_typed_before_pressing_mark_ready_is_saved_first(reviewer_client):
    from tests.factories import rating

    claim = ClaimFactory(status=Status.IN_REVIEW)
    press(reviewer_client, claim, "mark_ready", rating=rating("False").pk, explanation="Nothing of the kind happened.")
    claim.refresh_from_db()
    assert claim.status == Status.VERDICT_READY
    assert claim.verdict.explanation == "Nothing of the kind happened."


def test_dismiss_and_restore(reviewer_client):
    claim = ClaimFactory()
    press(reviewer_client, claim, "dismiss")
    claim.refresh_from_db()
    assert claim.status == Status.DISMISSED
    press(reviewer_client, claim, "restore")
    claim.refresh_from_db()
    assert claim.status == Status.NEW


def test_publish_asks_for_confirmation_and_shows_what_readers_will_see(editor_client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY), explanation="KCNA announced it.")
    response = press(editor_client, verdict.claim, "publish")
    assert response.redirect_chain[-1][0] == reverse("admin:claims_claim_publish", args=[verdict.claim_id])
    assert (
        "KCNA announced it." in response.content.decode() and "Yes, publish this verdict" in response.content.decode()
    )
    verdict.refresh_from_db()
    assert verdict.published_at is None  # nothing happened yet


def test_confirming_publishes_the_verdict(editor, editor_client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY))
    response = editor_client.post(
        reverse("admin:claims_claim_publish", args=[verdict.claim_id]),
        {"confirm": "yes", f"version-{verdict.claim_id}": services.verdict_version(verdict=verdict)},
        follow=True,
    )
    verdict.refresh_from_db()
    assert verdict.published_at is not None and verdict.claim.status == Status.PUBLISHED
    assert "Published 1 verdict(s)." in messages_of(response)


def test_a_verdict_edited_after_the_confirmation_page_was_shown_is_not_published(editor_client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY))
    seen = services.verdict_version(verdict=verdict)
    verdict.explanation = "Changed by someone else meanwhile."
    verdict.save()
    response = editor_client.post(
        reverse("admin:claims_claim_publish", args=[verdict.claim_id]),
        {"confirm": "yes", f"version-{verdict.claim_id}": seen},
        follow=True,
    )
    verdict.refresh_from_db()
    assert verdict.published_at is None
    assert any("changed after you reviewed it" in m for m in messages_of(response))


def test_unpublish_needs_a_reason_and_keeps_it_in_history(editor_client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.PUBLISHED))
    Verdict.objects.filter(pk=verdict.pk).update(published_at="2026-01-01T00:00:00Z")
    response = press(editor_client, verdict.claim, "unpublish", _fc_reason="")
    assert "Say why the verdict is unpublished: the reason is kept in its history." in messages_of(response)
    press(editor_client, verdict.claim, "unpublish", _fc_reason="The KCNA link was misread.")
    verdict.refresh_from_db()
    assert verdict.published_at is None and verdict.claim.status == Status.VERDICT_READY
    assert verdict.history.first().history_change_reason == "Unpublished: The KCNA link was misread."


def test_correct_reopens_the_claim_with_the_reason(editor_client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.PUBLISHED))
    Verdict.objects.filter(pk=verdict.pk).update(published_at="2026-01-01T00:00:00Z")
    press(editor_client, verdict.claim, "correct", _fc_reason="Date was 13 July, not 12 July.")
    verdict.refresh_from_db()
    assert verdict.claim.status == Status.IN_REVIEW and verdict.correction.reason == "Date was 13 July, not 12 July."
    assert verdict.published_at is not None  # readers keep the published version meanwhile


def test_bulk_start_review_reports_what_it_skipped(reviewer_client):
    new, published = ClaimFactory(), ClaimFactory(status=Status.PUBLISHED)
    response = reviewer_client.post(
        reverse("admin:claims_claim_changelist") + "?status=all",
        {"action": "start_review", "_selected_action": [new.pk, published.pk]},
        follow=True,
    )
    new.refresh_from_db()
    assert new.status == Status.IN_REVIEW
    texts = messages_of(response)
    assert "1 claim(s) taken into review." in texts
    assert any(
        t.startswith("1 claim(s) skipped.") and "does not apply to a claim that is published" in t for t in texts
    ), texts


def test_bulk_publish_goes_through_the_confirmation_page(editor_client):
    ready = [VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY)) for _ in range(2)]
    response = editor_client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "publish_verdicts", "_selected_action": [v.claim_id for v in ready]},
        follow=True,
    )
    assert "Yes, publish 2 verdicts" in response.content.decode()
    assert not Verdict.objects.filter(published_at__isnull=False).exists()


def test_fetch_sources_again_queues_every_fetcher(reviewer_client, settings):
    from sources.models import ClaimFetch

    claim = ClaimFactory(status=Status.IN_REVIEW)
    ClaimFetch.objects.create(claim=claim, fetcher="internal", status=ClaimFetch.Status.FAILED, error="timeout")
    settings.CELERY_TASK_ALWAYS_EAGER = False  # only check what is queued, not the fetchers themselves
    from factcheck.celery import app

    app.conf.task_always_eager = False
    try:
        response = press(reviewer_client, claim, "fetch_sources")
    finally:
        app.conf.task_always_eager = True
    assert any(m.startswith("Fetching sources again") for m in messages_of(response)), messages_of(response)
    assert set(ClaimFetch.objects.filter(claim=claim).values_list("fetcher", "status")) >= {("internal", "pending")}
