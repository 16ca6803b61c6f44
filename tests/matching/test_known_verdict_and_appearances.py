"""A claim matching one with a published verdict shows that verdict at once; mentions give ClaimReview's appearances."""

import datetime as dt

import pytest
from django.utils import timezone

from claims import selectors, services
from claims.models import ClaimMatchSuggestion
from tests.factories import ArticleFactory, ClaimMentionFactory

KNOWN = "North Korea recognised the Donetsk People's Republic as an independent state."
SAME_WORDS = "North Korea has recognized the Donetsk People's Republic as an independent state."
PARAPHRASE = "Pyongyang formally recognised the independence of the Donetsk People's Republic."


@pytest.fixture(autouse=True)
def thresholds(settings):
    settings.FACTCHECK_MATCH_SAME = 0.88
    settings.FACTCHECK_MATCH_SUGGEST = 0.70


def test_a_new_appearance_of_a_published_claim_waits_as_a_suggestion_and_reports_its_verdict(new_claim, publish):
    checked, _ = new_claim(KNOWN)
    verdict = publish(checked)

    again, outcome = new_claim(SAME_WORDS)

    assert outcome.claim_id == again.pk and not outcome.merged  # not joined: the published claim stays as published
    assert outcome.suggested == (checked.pk,) and outcome.known_verdict_claim_id == checked.pk
    assert selectors.claim_known_verdict(again) == verdict
    assert checked.mentions.count() == 1


def test_a_possible_match_of_a_checked_claim_shows_its_verdict_to_editors(new_claim, publish):
    checked, _ = new_claim(KNOWN)
    verdict = publish(checked)

    maybe, outcome = new_claim(PARAPHRASE)

    assert outcome.suggested == (checked.pk,) and outcome.known_verdict_claim_id == checked.pk
    assert selectors.claim_known_verdict(maybe) == verdict


def test_an_unpublished_verdict_is_not_a_known_verdict(new_claim, reviewer):
    checked, _ = new_claim(KNOWN)
    services.claim_start_review(claim=checked, actor=reviewer)
    from tests.factories import rating

    services.verdict_save(claim=checked, rating=rating("True"), explanation="Draft.", actor=reviewer)
    maybe, outcome = new_claim(PARAPHRASE)
    assert outcome.known_verdict_claim_id is None
    assert selectors.claim_known_verdict(maybe) is None


def test_a_rejected_match_does_not_lend_its_verdict(new_claim, publish, reviewer):
    checked, _ = new_claim(KNOWN)
    publish(checked)
    maybe, _ = new_claim(PARAPHRASE)
    services.claim_match_decide(suggestion=ClaimMatchSuggestion.objects.get(), decision="rejected", actor=reviewer)
    assert selectors.claim_known_verdict(maybe) is None


def test_the_covering_claim_is_the_claim_itself_first_then_its_match_and_none_once_it_is_gone(new_claim, publish):
    checked, _ = new_claim(KNOWN)
    maybe, _ = new_claim(PARAPHRASE)
    assert selectors.claim_known_verdict_claim_id(checked.pk) is None  # nothing published yet
    publish(checked)
    assert selectors.claim_known_verdict_claim_id(checked.pk) == checked.pk
    assert selectors.claim_known_verdict_claim_id(maybe.pk) == checked.pk
    publish(maybe, explanation="The same recognition, reported again.")
    assert selectors.claim_known_verdict_claim_id(maybe.pk) == maybe.pk  # its own verdict before its match's
    lone, _ = new_claim("The Lanzo ferry carried 41,000 passengers in 2019.", match=False)
    gone = lone.pk
    lone.delete()
    assert selectors.claim_known_verdict_claim_id(gone) is None


def test_appearances_are_the_mentions_ordered_by_article_date_with_undated_articles_last(new_claim):
    claim, _ = new_claim(KNOWN, match=False)
    first_mention = claim.mentions.get()
    first_mention.article.published_at = timezone.make_aware(dt.datetime(2022, 7, 14))
    first_mention.article.save()
    earlier = ClaimMentionFactory(
        claim=claim, article=ArticleFactory(published_at=timezone.make_aware(dt.datetime(2022, 7, 13)))
    )
    undated = ClaimMentionFactory(claim=claim, article=ArticleFactory(published_at=None))

    appearances = list(selectors.claim_appearances(claim))

    assert appearances == [earlier, first_mention, undated]
