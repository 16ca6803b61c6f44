"""Claims move through review only by the allowed transitions, and only in the right hands."""

import pytest

from claims import services
from claims.models import Claim
from factcheck.exceptions import InvalidInput, InvalidTransition, NotAllowed
from tests.factories import ClaimFactory, UserFactory, rating

pytestmark = pytest.mark.django_db
S = Claim.Status


def _ready_claim(reviewer):
    claim = services.claim_start_review(claim=ClaimFactory(), actor=reviewer)
    services.verdict_save(claim=claim, rating=rating("False"), explanation="KCNA said otherwise.", actor=reviewer)
    return services.claim_mark_verdict_ready(claim=claim, actor=reviewer)


def test_starting_review_moves_a_new_claim_into_review_and_assigns_the_reviewer(reviewer):
    claim = services.claim_start_review(claim=ClaimFactory(), actor=reviewer)
    assert claim.status == S.IN_REVIEW
    assert claim.assignee == reviewer


def test_a_new_claim_can_be_dismissed_and_restored(reviewer):
    claim = services.claim_dismiss(claim=ClaimFactory(), actor=reviewer, reason="Opinion")
    assert claim.status == S.DISMISSED
    assert claim.history.first().history_change_reason == "Opinion"
    assert services.claim_restore(claim=claim, actor=reviewer).status == S.NEW


def test_a_claim_in_review_can_be_dismissed(reviewer):
    claim = services.claim_start_review(claim=ClaimFactory(), actor=reviewer)
    assert services.claim_dismiss(claim=claim, actor=reviewer).status == S.DISMISSED


def test_marking_ready_needs_a_drafted_verdict(reviewer):
    claim = services.claim_start_review(claim=ClaimFactory(), actor=reviewer)
    with pytest.raises(InvalidTransition, match="Draft a verdict"):
        services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    assert _ready_claim(reviewer).status == S.VERDICT_READY


def test_a_ready_claim_can_be_sent_back_to_review(reviewer):
    claim = services.claim_send_back(claim=_ready_claim(reviewer), actor=reviewer, reason="Needs a second source")
    assert claim.status == S.IN_REVIEW


def test_an_editor_publishes_a_ready_verdict(reviewer, editor):
    claim = _ready_claim(reviewer)
    verdict = services.verdict_publish(claim=claim, actor=editor)
    claim.refresh_from_db()
    assert claim.status == S.PUBLISHED
    assert verdict.published_at is not None
    assert verdict.first_published_at == verdict.published_at
    assert verdict.corrected_at is None


def test_a_reviewer_cannot_publish(reviewer):
    claim = _ready_claim(reviewer)
    with pytest.raises(NotAllowed):
        services.verdict_publish(claim=claim, actor=reviewer)
    claim.refresh_from_db()
    assert claim.status == S.VERDICT_READY
    assert claim.verdict.published_at is None


def test_a_user_without_a_role_cannot_start_review():
    with pytest.raises(NotAllowed):
        services.claim_start_review(claim=ClaimFactory(), actor=UserFactory())


def test_publishing_a_claim_that_is_not_ready_is_refused_with_the_reason(editor):
    claim = ClaimFactory()
    with pytest.raises(InvalidTransition, match="new cannot become published; it can become: in review, dismissed"):
        services.verdict_publish(claim=claim, actor=editor)
    claim.refresh_from_db()
    assert claim.status == S.NEW


def test_a_published_verdict_can_be_unpublished_with_a_reason(reviewer, editor):
    claim = _ready_claim(reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    with pytest.raises(InvalidInput):
        services.verdict_unpublish(claim=claim, actor=editor, reason=" ")
    verdict = services.verdict_unpublish(claim=claim, actor=editor, reason="Source retracted")
    claim.refresh_from_db()
    assert claim.status == S.VERDICT_READY
    assert verdict.published_at is None
    assert verdict.history.first().history_change_reason == "Unpublished: Source retracted"


def test_a_correction_keeps_the_earlier_verdict_in_history_and_records_when_it_was_corrected(reviewer, editor):
    claim = _ready_claim(reviewer)
    first = services.verdict_publish(claim=claim, actor=editor)
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason="Date was 13 July, not 14 July")
    claim.refresh_from_db()
    assert claim.status == S.IN_REVIEW
    services.verdict_save(claim=claim, rating=rating("Mostly false"), explanation="Corrected date.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    corrected = services.verdict_publish(claim=claim, actor=editor)
    assert corrected.first_published_at == first.first_published_at
    assert corrected.corrected_at is not None and corrected.corrected_at > first.published_at
    ratings = [h.rating.name for h in corrected.history.order_by("history_date")]
    assert "False" in ratings and ratings[-1] == "Mostly false"


def test_a_published_verdict_cannot_be_edited_without_a_correction(reviewer, editor):
    claim = _ready_claim(reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    claim.refresh_from_db()
    with pytest.raises(InvalidTransition, match="Start a correction"):
        services.verdict_save(claim=claim, rating=rating("True"), explanation="Changed quietly.", actor=reviewer)
    assert claim.verdict.rating.name == "False"


def test_a_reviewer_cannot_reopen_a_published_claim(reviewer, editor):
    claim = _ready_claim(reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    with pytest.raises(NotAllowed):
        services.claim_reopen_for_correction(claim=claim, actor=reviewer, reason="I disagree")


def test_a_verdict_needs_an_explanation(reviewer):
    claim = services.claim_start_review(claim=ClaimFactory(), actor=reviewer)
    with pytest.raises(InvalidInput, match="explanation"):
        services.verdict_save(claim=claim, rating=rating("True"), explanation="  ", actor=reviewer)


def test_every_transition_in_the_table_is_reachable_from_its_source_state():
    sources = {frm for frm, _ in services.TRANSITIONS}
    targets = {to for _, to in services.TRANSITIONS}
    assert sources == targets == set(S.values)


def test_starting_review_does_not_reopen_a_published_claim_behind_the_correction_step(reviewer, editor):
    claim = _ready_claim(reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    with pytest.raises(InvalidTransition):
        services.claim_start_review(claim=claim, actor=editor)
    with pytest.raises(InvalidTransition):
        services.claim_send_back(claim=claim, actor=editor)
    claim.refresh_from_db()
    assert claim.status == S.PUBLISHED
    assert claim.verdict.published_at is not None


def test_only_a_published_claim_can_be_reopened_for_correction(reviewer, editor):
    claim = services.claim_start_review(claim=ClaimFactory(), actor=reviewer)
    with pytest.raises(InvalidTransition):
        services.claim_reopen_for_correction(claim=claim, actor=editor, reason="nothing to correct")


def test_the_steps_open_to_a_claim_follow_its_status_and_who_asks(reviewer, editor):
    """One table (services.STEPS) says which step applies when and to whom; the admin's buttons read it."""
    new = ClaimFactory()
    assert services.claim_steps_open(claim=new, actor=reviewer) == [
        "start_review",
        "dismiss",
        "assign",
        "fetch_sources",
        "add_source",
    ]
    ready = _ready_claim(reviewer)
    assert "publish" in services.claim_steps_open(claim=ready, actor=editor)
    assert "publish" not in services.claim_steps_open(claim=ready, actor=reviewer)
    assert "send_back" in services.claim_steps_open(claim=ready, actor=reviewer)


def test_while_a_correction_is_drafted_the_claim_can_be_unpublished_but_not_dismissed(reviewer, editor):
    claim = _ready_claim(reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason="A figure was wrong.")
    steps = services.claim_steps_open(claim=claim, actor=editor)
    assert claim.status == S.IN_REVIEW
    assert "unpublish" in steps and "mark_ready" in steps
    assert "dismiss" not in steps
