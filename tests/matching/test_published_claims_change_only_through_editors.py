"""Ingesting an article that repeats a published claim, dated earlier and naming another speaker, changes
nothing readers see of the published fact-check: the new appearance waits as a suggestion for editors."""

import datetime as dt

import pytest

from claims import selectors, services
from claims.extraction.cleaning import normalise_for_matching
from claims.models import Claim, ClaimMatchSuggestion
from claims.services import article_ingest
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, rating

SENTENCE = "The port authority of Florin installed 41 new cranes at the northern harbour in March 2023."


@pytest.fixture
def published_claim(reviewer, editor, django_capture_on_commit_callbacks):
    article = ArticleFactory(url="https://first.example/cranes", published_at=dt.datetime(2023, 4, 2, 9, tzinfo=dt.UTC))
    claim = ClaimFactory(text=SENTENCE, normalized_text=normalise_for_matching(SENTENCE))
    ClaimMentionFactory(claim=claim, article=article, sentence=SENTENCE, speaker="Anna Harbourmaster")
    services.claim_match(claim_id=claim.pk)  # stored and embedded as extraction does
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_start_review(claim=claim, actor=reviewer)
        services.verdict_save(
            claim=claim, rating=rating("True"), explanation="The authority's report lists them.", actor=reviewer
        )
        services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
        services.verdict_publish(claim=claim, actor=editor)
    return claim


def _public_review(claim):
    verdict = selectors.verdict_list_published().get(claim=claim)
    return selectors.claimreviews_for_verdicts([verdict])[0]


def test_an_earlier_article_with_the_same_sentence_does_not_change_the_published_claimreview(
    published_claim, django_capture_on_commit_callbacks
):
    before = _public_review(published_claim)
    text = f"Mallory Spinner said on Friday: {SENTENCE} Nobody else has confirmed the figure."

    with django_capture_on_commit_callbacks(execute=True):
        article, _ = article_ingest(text=text, url="https://elsewhere.example/any", published_at="2023-03-01")

    assert _public_review(published_claim) == before  # firstAppearance, author, links: all as published
    assert list(published_claim.mentions.values_list("article__url", flat=True)) == ["https://first.example/cranes"]
    new_claims = Claim.objects.filter(mentions__article=article).exclude(pk=published_claim.pk).distinct()
    assert new_claims.exists()
    suggested = ClaimMatchSuggestion.objects.filter(decision="pending")
    pairs = {(s.claim_id, s.candidate_id) for s in suggested}
    assert any(
        published_claim.pk in pair and (set(pair) - {published_claim.pk}) <= {c.pk for c in new_claims}
        for pair in pairs
    )


def test_re_extracting_the_published_claims_own_article_keeps_its_mention(
    published_claim, editor, django_capture_on_commit_callbacks
):
    before = _public_review(published_claim)
    article = published_claim.mentions.get().article
    article.cleaned_text = article.raw_text = SENTENCE
    article.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.article_extract(article_id=article.pk)

    assert _public_review(published_claim) == before
    assert published_claim.mentions.count() == 1
