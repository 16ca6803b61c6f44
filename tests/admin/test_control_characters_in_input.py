"""A NUL character typed or pasted into a reason is refused with a message, never a database error (PostgreSQL
cannot store NUL in text)."""

import pytest
from django.utils import timezone

from claims.models import Claim
from tests.admin.test_workflow_actions import messages_of, press
from tests.factories import ClaimFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db
Status = Claim.Status


def test_a_nul_in_a_dismissal_reason_is_a_message_and_the_claim_stays(reviewer_client):
    claim = ClaimFactory(status=Status.NEW)

    response = press(reviewer_client, claim, "dismiss", _fc_reason="opinion\x00 only")

    assert response.status_code == 200
    assert any("control character" in m for m in messages_of(response))
    claim.refresh_from_db()
    assert claim.status == Status.NEW


def test_a_nul_in_an_unpublication_reason_is_a_message_and_the_verdict_stays_public(editor_client):
    claim = ClaimFactory(status=Status.PUBLISHED)
    now = timezone.now()
    VerdictFactory(claim=claim, rating=rating("False"), explanation="The record says otherwise.", published_at=now,
                   first_published_at=now)  # fmt: skip

    response = press(editor_client, claim, "unpublish", _fc_reason="wrong\x00date")

    assert response.status_code == 200
    assert any("control character" in m for m in messages_of(response))
    claim.refresh_from_db()
    assert claim.status == Status.PUBLISHED


def test_a_reason_with_ordinary_line_breaks_is_kept(reviewer_client):
    claim = ClaimFactory(status=Status.NEW)

    press(reviewer_client, claim, "dismiss", _fc_reason="An opinion,\r\nnot a claim.\tSee notes.")

    claim.refresh_from_db()
    assert claim.status == Status.DISMISSED
    assert claim.history.first().history_change_reason == "An opinion,\r\nnot a claim.\tSee notes."
