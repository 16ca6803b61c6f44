"""The claim page shows everything needed to decide, and drafts the verdict through the service."""

import pytest
from django.urls import reverse

from claims.models import Claim, Verdict
from tests.admin.conftest import KCNA_PASSAGE, SEED_SENTENCE
from tests.factories import ClaimFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db


def url(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def test_it_highlights_the_mention_sentence_in_its_article_context(reviewer_client, seed_claim):
    html = reviewer_client.get(url(seed_claim)).content.decode()
    assert f"<mark>{SEED_SENTENCE}</mark>".replace("'", "&#x27;") in html
    # context either side of the sentence, from the article's cleaned text
    assert "NewsBharati" in html and "he wrote on Telegram" in html
    mention = seed_claim.mentions.get()
    assert reverse("admin:claims_article_change", args=[mention.article_id]) in html
    assert "Denis Pushilin" in html and "Tass" in html


def test_it_shows_evidence_with_stance_relevance_and_fetch_status(reviewer_client, seed_claim):
    html = reviewer_client.get(url(seed_claim)).content.decode()
    assert KCNA_PASSAGE.replace("'", "&#x27;") in html
    assert "fc-stance-supports" in html and "fc-stance-mentions" in html
    assert "same event, same date" in html
    assert "http://www.kcna.kp/en/article/dpr-recognition" in html
    assert "google_factcheck: failed" in html and "No API key configured." in html
    assert "wikipedia: done, 1 source" in html


def test_a_reviewer_drafts_a_verdict_from_the_claim_page(reviewer, reviewer_client, seed_claim):
    seed_claim.status = Claim.Status.IN_REVIEW
    seed_claim.save()
    sources = list(seed_claim.evidence.values_list("source_id", flat=True))
    response = reviewer_client.post(url(seed_claim), {
        "rating": rating("True").pk,
        "explanation": "KCNA itself announced the recognition on 13 July 2022.",
        "sources": sources[:1],
        "claim_type": seed_claim.claim_type,
        "checkworthiness": "0.91",
        "_continue": "1",
    })  # fmt: skip
    assert response.status_code == 302
    verdict = Verdict.objects.get(claim=seed_claim)
    assert verdict.rating.name == "True" and verdict.reviewer == reviewer
    assert list(verdict.sources.values_list("pk", flat=True)) == sources[:1]
    seed_claim.refresh_from_db()
    assert seed_claim.status == Claim.Status.IN_REVIEW  # saving a draft never moves the claim


def test_a_verdict_without_explanation_is_refused_on_the_form(reviewer_client, seed_claim):
    seed_claim.status = Claim.Status.IN_REVIEW
    seed_claim.save()
    response = reviewer_client.post(url(seed_claim), {
        "rating": rating("False").pk, "explanation": "  ", "claim_type": seed_claim.claim_type,
        "checkworthiness": "0.91", "_continue": "1",
    })  # fmt: skip
    assert response.status_code == 200
    assert "A verdict needs an explanation for readers." in response.content.decode()
    assert not Verdict.objects.filter(claim=seed_claim).exists()


def test_a_new_claim_has_no_verdict_form_until_review_starts(reviewer_client, seed_claim):
    html = reviewer_client.get(url(seed_claim)).content.decode()
    assert 'name="explanation"' not in html
    assert 'value="start_review"' in html


def test_a_published_verdict_is_shown_read_only(editor_client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Claim.Status.PUBLISHED), explanation="KCNA said so on 13 July.")
    Verdict.objects.filter(pk=verdict.pk).update(published_at="2026-01-01T00:00:00Z")
    html = editor_client.get(url(verdict.claim)).content.decode()
    assert "KCNA said so on 13 July." in html and "published 1 Jan 2026" in html
    assert 'name="explanation"' not in html
    assert 'value="unpublish"' in html and 'value="correct"' in html


def test_the_verdict_card_says_where_its_google_fact_check_page_stands(editor_client):
    from claims.models import GoogleFactCheckPage

    verdict = VerdictFactory(claim=ClaimFactory(status=Claim.Status.PUBLISHED), explanation="Said so.")
    Verdict.objects.filter(pk=verdict.pk).update(published_at="2026-01-01T00:00:00Z")
    assert "Google Fact Check Tools" not in editor_client.get(url(verdict.claim)).content.decode()

    GoogleFactCheckPage.objects.create(
        verdict=verdict, name="pages/abc123", status=GoogleFactCheckPage.Status.FAILED, last_error="Google said 403."
    )
    html = editor_client.get(url(verdict.claim)).content.decode()
    assert "Google Fact Check Tools: failed as pages/abc123" in html and "last error: Google said 403." in html


def test_editing_the_claim_type_goes_through_the_service_and_history(reviewer_client, seed_claim):
    response = reviewer_client.post(url(seed_claim), {
        "claim_type": Claim.Type.STATISTIC, "checkworthiness": "0.5", "_continue": "1",
    })  # fmt: skip
    assert response.status_code == 302
    seed_claim.refresh_from_db()
    assert seed_claim.claim_type == Claim.Type.STATISTIC and seed_claim.checkworthiness == 0.5
    assert seed_claim.history.first().history_change_reason == "Edited: checkworthiness, claim_type"


def test_the_page_points_to_a_similar_checked_claim_and_offers_the_decision(reviewer_client, seed_claim):
    from claims.models import ClaimMatchSuggestion

    published = VerdictFactory(claim=ClaimFactory(status=Claim.Status.PUBLISHED), rating=rating("True"))
    Verdict.objects.filter(pk=published.pk).update(published_at="2026-01-01T00:00:00Z")
    low, high = sorted([seed_claim.pk, published.claim_id])
    ClaimMatchSuggestion.objects.create(claim_id=low, candidate_id=high, score=0.83)
    html = reviewer_client.get(url(seed_claim)).content.decode()
    assert "Similar to a checked claim (similarity 0.83" in html  # its rating only once confirmed the same
    assert reverse("admin:claims_claim_change", args=[published.claim_id]) in html
    assert 'value="' in html and ":confirmed" in html and ":rejected" in html
