"""Every admin list an editor can open renders, with data in it, and refuses writes it should refuse."""

import pytest
from django.urls import reverse

from claims.models import ClaimMatchSuggestion
from sources.models import ClaimFetch
from tests.factories import ClaimFactory, ClaimMentionFactory, EvidenceFactory, VerdictFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "claims_article", "claims_outlet", "claims_rating", "claims_verdict", "claims_claimmatchsuggestion",
    "sources_source", "sources_evidence", "sources_claimfetch",
]  # fmt: skip


@pytest.fixture
def some_of_everything():
    mention = ClaimMentionFactory()
    EvidenceFactory(claim=mention.claim)
    VerdictFactory()
    ClaimFetch.objects.create(claim=mention.claim, fetcher="internal", status=ClaimFetch.Status.FAILED, error="timeout")
    ClaimMatchSuggestion.objects.create(claim=mention.claim, candidate=ClaimFactory(), score=0.7)


@pytest.mark.parametrize("name", LISTS)
def test_the_list_renders_for_a_reviewer(reviewer_client, some_of_everything, name):
    response = reviewer_client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


def test_the_article_list_counts_claims_per_article(reviewer_client):
    mention = ClaimMentionFactory()
    ClaimMentionFactory(article=mention.article, start=1)
    article = reviewer_client.get(reverse("admin:claims_article_changelist")).context["cl"].result_list[0]
    assert article.claim_count == 2


@pytest.mark.parametrize(
    "name", ["sources_evidence", "sources_source", "claims_verdict", "claims_claim", "claims_article"]
)
def test_rows_written_by_the_pipeline_cannot_be_added_by_hand(editor_client, name):
    assert editor_client.get(reverse(f"admin:{name}_add")).status_code == 403


def test_a_verdict_opens_on_its_claim_page(editor_client):
    verdict = VerdictFactory()
    response = editor_client.get(reverse("admin:claims_verdict_change", args=[verdict.pk]))
    assert response.status_code == 302 and response.url == reverse("admin:claims_claim_change", args=[verdict.claim_id])
