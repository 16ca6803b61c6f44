"""Possible contradictions: near-twin claims a guard separates are shown on both claim pages and filter the queue."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import ClaimMatchSuggestion
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:claims_claim_changelist")


def contradicting_pair(conflict="one is negated"):
    first = ClaimMentionFactory(
        claim=ClaimFactory(text="The harbour authority has yet to answer the ferry company's request."),
        article=ArticleFactory(title="Ferry talks stall", outlet=OutletFactory(name="Coast Daily"),
                               published_at=dt.datetime(2031, 5, 2, tzinfo=dt.UTC)),
        sentence="The harbour authority has yet to answer the ferry company's request, a spokesman said.",
    ).claim  # fmt: skip
    second = ClaimMentionFactory(
        claim=ClaimFactory(text="The harbour authority at once granted the ferry company's request."),
        article=ArticleFactory(title="Ferries get their berth", outlet=OutletFactory(name="Bay Courier")),
        sentence="In reply, the harbour authority at once granted the ferry company's request.",
    ).claim
    low, high = sorted((first, second), key=lambda c: c.pk)
    ClaimMatchSuggestion.objects.create(claim=low, candidate=high, score=0.78, conflict=conflict)
    return first, second


def test_both_claim_pages_show_the_other_claims_sentence_and_article(reviewer_client):
    first, second = contradicting_pair()

    page = reviewer_client.get(reverse("admin:claims_claim_change", args=[first.pk])).content.decode()
    assert "Possible contradiction" in page and "one is negated" in page
    assert "In reply, the harbour authority at once granted the ferry company&#x27;s request." in page
    assert "Ferries get their berth" in page and "Bay Courier" in page

    page = reviewer_client.get(reverse("admin:claims_claim_change", args=[second.pk])).content.decode()
    assert "Possible contradiction" in page
    assert "has yet to answer the ferry company&#x27;s request, a spokesman said." in page
    assert "Ferry talks stall" in page and "Coast Daily" in page


def test_the_queue_filter_lists_the_claims_with_a_possible_contradiction(reviewer_client):
    first, second = contradicting_pair()
    plain = ClaimMentionFactory(claim=ClaimFactory(text="The ferry company runs six boats.")).claim

    listed = reviewer_client.get(QUEUE, {"contradiction": "yes", "status": "all"}).context["cl"].result_list
    assert {c.pk for c in listed} == {first.pk, second.pk}
    unlisted = reviewer_client.get(QUEUE, {"contradiction": "no", "status": "all"}).context["cl"].result_list
    assert plain.pk in {c.pk for c in unlisted} and first.pk not in {c.pk for c in unlisted}


def test_a_near_twin_without_a_guard_is_only_similar_not_a_contradiction(reviewer_client):
    first, _second = contradicting_pair(conflict="")

    page = reviewer_client.get(reverse("admin:claims_claim_change", args=[first.pk])).content.decode()
    assert "Similar claims" in page
    assert "Possible contradiction" not in page
    assert not reviewer_client.get(QUEUE, {"contradiction": "yes", "status": "all"}).context["cl"].result_list
