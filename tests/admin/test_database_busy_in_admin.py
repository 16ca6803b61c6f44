"""On SQLite, an admin click whose write waits out another writer's lock answers 503 with a sentence saying
nothing was saved (never a 500), and the same click works once the other write is done."""

import pytest

from claims.models import Claim
from tests.factories import ClaimFactory

from .test_workflow_actions import press


@pytest.fixture
def claim(transactional_db):
    return ClaimFactory()


def test_a_click_blocked_by_another_writer_is_a_503_that_saves_nothing_and_works_again_later(
    claim, another_writer, reviewer_client
):
    response = reviewer_client.post(
        f"/admin/claims/claim/{claim.pk}/change/",
        {"claim_type": claim.claim_type, "checkworthiness": claim.checkworthiness, "_fc_op": "start_review"},
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Nothing was saved" in response.content.decode()

    another_writer.execute("ROLLBACK")
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.NEW
    again = press(reviewer_client, claim, "start_review")
    assert again.status_code == 200
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW
