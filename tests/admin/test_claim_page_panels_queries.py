"""The claim page's other panels (possible contradictions, similar claims that carry verdicts, to-do leads, published
versions, the list of people to assign) cost the same number of queries however many rows they show."""

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimMatchSuggestion, Verdict, VerdictPublication
from claims.roles import REVIEWER
from sources.models import Lead
from tests.admin.test_claim_page_queries import queries_for
from tests.factories import ClaimFactory, ClaimMentionFactory, SourceFactory, UserFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db


def published(claim: Claim) -> Verdict:
    verdict = VerdictFactory(claim=claim, rating=rating("True"))
    Verdict.objects.filter(pk=verdict.pk).update(published_at=timezone.now(), first_published_at=timezone.now())
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.PUBLISHED)
    return verdict


def test_contradictions_checked_twins_and_leads_do_not_add_queries_per_row(reviewer_client):
    def claim_with(n):
        claim = ClaimFactory(status=Claim.Status.IN_REVIEW)
        for i in range(n):
            rival = ClaimMentionFactory(claim=ClaimFactory(text=f"The bridge cost {i} million euros.")).claim
            ClaimMatchSuggestion.objects.create(claim=claim, candidate=rival, score=0.9, conflict="a different number")
            checked = ClaimFactory(text=f"The tunnel opened in {1990 + i}.")
            published(checked)
            ClaimMatchSuggestion.objects.create(claim=claim, candidate=checked, score=0.8)
            Lead.objects.create(claim=claim, source=SourceFactory(), todo=f"Find report {i}", fetcher="cited")
        return claim

    small, big = claim_with(1), claim_with(8)
    queries_for(reviewer_client, small)  # warm the per-process caches (content types, permissions)
    response = reviewer_client.get(f"/admin/claims/claim/{big.pk}/change/")
    assert response.content.decode().count('class="fc-contradiction"') == 8
    assert response.content.decode().count("Similar to a checked claim") == 8
    assert queries_for(reviewer_client, small) == queries_for(reviewer_client, big)


def test_published_versions_do_not_add_queries_per_version(editor_client, editor):
    def claim_with(n):
        verdict = published(ClaimFactory())
        for number in range(1, n + 1):
            VerdictPublication.objects.create(
                verdict=verdict, number=number, claim_text="x", rating_name="True", explanation=f"Version {number}.",
                sources=[{"id": 1, "url": "https://a.example/", "title": "A"}], published_at=timezone.now(),
                published_by=editor, drafted_by=UserFactory(),
            )  # fmt: skip
        return verdict.claim

    small, big = claim_with(1), claim_with(8)
    queries_for(editor_client, small)
    assert editor_client.get(f"/admin/claims/claim/{big.pk}/change/").content.decode().count("Version 8.") == 1
    assert queries_for(editor_client, small) == queries_for(editor_client, big)


def test_the_people_to_assign_cost_no_query_each(reviewer_client):
    claim = ClaimFactory(status=Claim.Status.IN_REVIEW)
    queries_for(reviewer_client, claim)
    few = queries_for(reviewer_client, claim)
    for i in range(8):
        UserFactory(username=f"colleague-{i}", roles=[REVIEWER])
    assert "colleague-7" in reviewer_client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert queries_for(reviewer_client, claim) == few
