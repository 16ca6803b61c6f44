"""Hints that do not mislead: the queue shows a published rating only for a claim editors confirmed is the same;
a merely similar one says "similar to a checked claim" with the similarity and a link, never the rating."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMatchSuggestion, Verdict
from tests.factories import ClaimFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:claims_claim_changelist")


def checked_claim_paired_with(fresh: Claim, *, decision: str, score: float = 0.8) -> Claim:
    published = VerdictFactory(
        claim=ClaimFactory(text="The canal toll doubled in 2028.", status=Claim.Status.PUBLISHED),
        rating=rating("Mostly true"),
    )
    Verdict.objects.filter(pk=published.pk).update(published_at="2026-01-01T00:00:00Z")
    low, high = sorted([fresh.pk, published.claim_id])
    ClaimMatchSuggestion.objects.create(claim_id=low, candidate_id=high, score=score, decision=decision)
    return published.claim


def queue_row(client, claim: Claim) -> str:
    html = client.get(QUEUE).content.decode()
    start = html.index(claim.text)
    return html[start : html.index("</tr>", start)]


def test_a_claim_confirmed_the_same_as_a_checked_one_shows_its_rating(reviewer_client):
    fresh = ClaimFactory(text="Canal tolls were doubled in 2028.")
    checked = checked_claim_paired_with(fresh, decision="confirmed")

    row = queue_row(reviewer_client, fresh)

    assert "≈ published: Mostly true" in row
    assert reverse("admin:claims_claim_change", args=[checked.pk]) in row


def test_a_claim_only_similar_to_a_checked_one_shows_the_similarity_and_a_link_but_no_rating(reviewer_client):
    fresh = ClaimFactory(text="Canal traffic doubled in 2028.")
    checked = checked_claim_paired_with(fresh, decision="pending", score=0.74)

    row = queue_row(reviewer_client, fresh)

    assert "similar to a checked claim (0.74)" in row
    assert reverse("admin:claims_claim_change", args=[checked.pk]) in row
    assert "Mostly true" not in row and "≈ published" not in row


def test_a_rejected_pair_gives_no_hint(reviewer_client):
    fresh = ClaimFactory(text="Canal fees were cut in 2028.")
    checked_claim_paired_with(fresh, decision="rejected")

    row = queue_row(reviewer_client, fresh)

    assert fresh.text in row
    assert "≈ published" not in row and "similar to a checked claim" not in row


def test_the_claim_page_names_no_rating_for_a_merely_similar_checked_claim(reviewer_client):
    fresh = ClaimFactory(text="Canal traffic doubled in 2028.")
    checked = checked_claim_paired_with(fresh, decision="pending", score=0.74)

    page = reviewer_client.get(reverse("admin:claims_claim_change", args=[fresh.pk])).content.decode()

    assert "Similar to a checked claim (similarity 0.74" in page
    assert checked.text in page
    assert "Mostly true" not in page
