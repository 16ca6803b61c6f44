"""The claim page costs the same number of queries however much evidence and how many mentions a claim has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ClaimMatchSuggestion
from sources.models import ClaimFetch
from tests.factories import ClaimFactory, ClaimMentionFactory, EvidenceFactory

pytestmark = pytest.mark.django_db


def queries_for(client, claim) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("admin:claims_claim_change", args=[claim.pk])).status_code == 200
    return len(queries)


def enrich(claim, n):
    for i in range(n):
        ClaimMentionFactory(claim=claim)
        EvidenceFactory(claim=claim)
        ClaimFetch.objects.create(claim=claim, fetcher=f"fetcher{claim.pk}-{i}")
        other = ClaimFactory()
        ClaimMatchSuggestion.objects.create(claim=claim, candidate=other, score=0.75)


def test_the_claim_page_does_not_query_per_row(reviewer_client):
    small, big = ClaimFactory(status=Claim.Status.IN_REVIEW), ClaimFactory(status=Claim.Status.IN_REVIEW)
    enrich(small, 1)
    enrich(big, 8)
    queries_for(reviewer_client, small)  # warm the per-process caches (content types, permissions)
    assert queries_for(reviewer_client, small) == queries_for(reviewer_client, big)
