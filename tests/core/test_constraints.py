"""The database refuses duplicates that would split an editor's work in two."""

import pytest
from django.db import IntegrityError, transaction

from claims.models import Claim, ClaimMatchSuggestion
from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_the_same_cleaned_text_is_stored_once():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(cleaned_text=article.cleaned_text, raw_text=article.raw_text, url=None)


def test_two_articles_cannot_share_a_canonical_url():
    ArticleFactory(url="https://news.example/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://news.example/a")


def test_articles_without_url_do_not_collide():
    ArticleFactory(url=None)
    ArticleFactory(url=None)


def test_a_source_url_is_stored_once():
    SourceFactory(url="https://reference.example/dpr")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(url="https://reference.example/dpr")


def test_the_same_passage_of_a_source_is_evidence_once_per_claim():
    evidence = EvidenceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        EvidenceFactory(claim=evidence.claim, source=evidence.source, passage=evidence.passage)


def test_the_same_passage_may_be_evidence_for_another_claim():
    evidence = EvidenceFactory()
    EvidenceFactory(source=evidence.source, passage=evidence.passage)


def test_checkworthiness_outside_zero_to_one_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(checkworthiness=1.5)


def test_a_match_suggestion_pair_is_stored_in_one_order_only():
    first, second = ClaimFactory(), ClaimFactory()
    low, high = sorted([first, second], key=lambda c: c.pk)
    ClaimMatchSuggestion.objects.create(claim=low, candidate=high, score=0.8)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimMatchSuggestion.objects.create(claim=high, candidate=low, score=0.8)


def test_the_default_rating_scale_carries_claimreview_values():
    from claims.models import Rating

    scale = {r.name: r.value for r in Rating.objects.all()}
    assert scale == {"True": 5, "Mostly true": 4, "Misleading": 3, "Mostly false": 2, "False": 1, "Unverifiable": None}


def test_claim_history_records_who_changed_what():
    claim = ClaimFactory(text="Before.")
    claim.text = "After."
    claim.save()
    texts = list(claim.history.order_by("history_date").values_list("text", flat=True))
    assert texts == ["Before.", "After."]
    assert Claim.history.count() == 2


def test_the_default_scale_is_seeded_only_when_there_is_no_scale():
    from claims.models import Rating
    from claims.services import rating_scale_ensure_default

    Rating.objects.filter(name="Unverifiable").update(name="Cannot be verified")
    assert rating_scale_ensure_default() == 0
    assert not Rating.objects.filter(name="Unverifiable").exists()
    Rating.objects.all().delete()
    assert rating_scale_ensure_default() == 6
    assert Rating.objects.get(name="False").value == 1
