"""Similar claims on the claim page: an editor says same or different, through claim_match_decide."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMatchSuggestion
from tests.admin.test_workflow_actions import messages_of, press
from tests.factories import ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db


def pair():
    older = ClaimMentionFactory(claim=ClaimFactory(text="North Korea recognised the DPR on 13 July 2022.")).claim
    newer = ClaimMentionFactory(
        claim=ClaimFactory(text="Pyongyang recognised the Donetsk republic in July 2022.")
    ).claim
    return older, newer, ClaimMatchSuggestion.objects.create(claim=older, candidate=newer, score=0.84)


def test_same_claim_opens_a_confirmation_page_and_merges_nothing_yet(reviewer_client):
    older, newer, suggestion = pair()
    response = press(reviewer_client, newer, "", _fc_match=f"{suggestion.pk}:confirmed")
    assert response.redirect_chain[-1][0] == reverse("admin:claims_claim_merge", args=[newer.pk, suggestion.pk])
    assert "Merge these two claims?" in response.content.decode()
    assert Claim.objects.filter(pk__in=[older.pk, newer.pk]).count() == 2
    suggestion.refresh_from_db()
    assert suggestion.decision == "pending"


def test_rejecting_keeps_both_and_records_who_decided(reviewer, reviewer_client):
    older, newer, suggestion = pair()
    response = press(reviewer_client, older, "", _fc_match=f"{suggestion.pk}:rejected")
    assert "Different claims: this pair will not be suggested again." in messages_of(response)
    suggestion.refresh_from_db()
    assert suggestion.decision == "rejected" and suggestion.decided_by == reviewer
    assert Claim.objects.filter(pk__in=[older.pk, newer.pk]).count() == 2


def test_a_decided_pair_cannot_be_decided_the_other_way(reviewer_client):
    older, _newer, suggestion = pair()
    press(reviewer_client, older, "", _fc_match=f"{suggestion.pk}:rejected")
    response = press(reviewer_client, older, "", _fc_match=f"{suggestion.pk}:confirmed")
    assert response.status_code == 200
    assert any("already" in m and "cannot be changed" in m for m in messages_of(response)), messages_of(response)


def test_a_forged_decision_value_is_a_message_not_a_500(reviewer_client):
    older, _newer, suggestion = pair()
    for value in [f"{suggestion.pk}:maybe", "abc:confirmed", "999999:rejected"]:
        response = press(reviewer_client, older, "", _fc_match=value)
        assert response.status_code == 200 and messages_of(response)
    suggestion.refresh_from_db()
    assert suggestion.decision == "pending"
