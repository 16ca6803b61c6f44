"""The editing pages and the claim page's notes and cited sources cost the same number of queries however many
rows they show."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMatchSuggestion, ClaimNote
from sources.models import SourceRequest
from tests.admin.test_claim_page_queries import queries_for
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_notes_and_cited_sources_do_not_add_queries_per_row(reviewer_client, reviewer):
    small, big = ClaimFactory(status=Claim.Status.IN_REVIEW), ClaimFactory(status=Claim.Status.IN_REVIEW)
    for claim, n in ((small, 1), (big, 9)):
        for i in range(n):
            ClaimNote.objects.create(claim=claim, author=reviewer, text=f"Note {i}")
            SourceRequest.objects.create(claim=claim, source=SourceFactory(), requested_by=reviewer)
    queries_for(reviewer_client, small)  # warm the per-process caches
    assert queries_for(reviewer_client, small) == queries_for(reviewer_client, big)


def test_the_merge_and_split_pages_do_not_query_per_mention(reviewer_client):
    def pair(n):
        kept = ClaimMentionFactory(claim=ClaimFactory(status=Claim.Status.IN_REVIEW)).claim
        absorbed = ClaimFactory()
        for _ in range(n):
            ClaimMentionFactory(claim=absorbed, article=ArticleFactory())
        low, high = sorted([kept, absorbed], key=lambda c: c.pk)
        return absorbed, ClaimMatchSuggestion.objects.create(claim=low, candidate=high, score=0.9)

    (small, small_pair), (big, big_pair) = pair(1), pair(9)
    merge = lambda claim, s: reverse("admin:claims_claim_merge", args=[claim.pk, s.pk])  # noqa: E731
    split = lambda claim: reverse("admin:claims_claim_split", args=[claim.pk])  # noqa: E731
    count(reviewer_client, merge(small, small_pair))
    assert count(reviewer_client, merge(small, small_pair)) == count(reviewer_client, merge(big, big_pair))
    assert count(reviewer_client, split(small)) == count(reviewer_client, split(big))


def test_the_article_page_where_claims_are_added_does_not_query_per_claim(reviewer_client):
    def article_with(n):
        sentences = [f"The ferry line {i} carried {1000 + i} passengers last year." for i in range(n)]
        article = ArticleFactory(cleaned_text=" ".join(sentences))
        for sentence in sentences:
            start = article.cleaned_text.index(sentence)
            ClaimMentionFactory(claim=ClaimFactory(text=sentence), article=article, sentence=sentence,
                                start=start, end=start + len(sentence))  # fmt: skip
        return reverse("admin:claims_article_change", args=[article.pk])

    small, big = article_with(1), article_with(9)
    count(reviewer_client, small)  # warm the per-process caches
    page = reviewer_client.get(big).content.decode()
    assert "fc-add-claim" in page and page.count('class="fc-mark ') == 9
    assert count(reviewer_client, small) == count(reviewer_client, big)
