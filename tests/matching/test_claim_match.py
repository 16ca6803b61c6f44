"""claim_match: a new claim joins the same known claim, is suggested to editors when it may be the same,
and is left alone otherwise; editors' decisions are kept and respected."""

import pytest

from claims import services
from claims.matching.decide import MatchOutcome
from claims.models import Claim, ClaimEmbedding, ClaimMatchSuggestion, ClaimMention
from factcheck.exceptions import InvalidInput, InvalidTransition, NotAllowed
from sources.models import Evidence
from tests.factories import ClaimMentionFactory, EvidenceFactory

KNOWN = "North Korea recognised the Donetsk People's Republic as an independent state."
SAME_WORDS = "North Korea has recognized the Donetsk People's Republic as an independent state."  # ~0.98
PARAPHRASE = "Pyongyang formally recognised the independence of the Donetsk People's Republic."  # ~0.83
OTHER_COUNTRY = "Syria recognised the Donetsk People's Republic as an independent state."  # ~0.80
UNRELATED = "The unemployment rate in Ohio fell to 4 percent last year."


@pytest.fixture(autouse=True)
def thresholds(settings):
    settings.FACTCHECK_MATCH_SAME = 0.88
    settings.FACTCHECK_MATCH_SUGGEST = 0.70


def test_a_claim_made_again_in_other_words_joins_the_known_claim_and_the_duplicate_row_goes(new_claim):
    known, _ = new_claim(KNOWN)
    again, outcome = new_claim(SAME_WORDS)

    assert outcome.merged and outcome.claim_id == known.pk and outcome.merged_from == again.pk
    assert outcome.score > 0.95
    assert not Claim.objects.filter(pk=again.pk).exists()
    assert ClaimMention.objects.filter(claim=known).count() == 2
    assert not ClaimEmbedding.objects.filter(claim_id=again.pk).exists()


def test_the_merge_carries_evidence_and_drops_exact_duplicates(new_claim):
    known, _ = new_claim(KNOWN)
    again, _ = new_claim(SAME_WORDS, match=False)
    shared = EvidenceFactory(claim=known)
    EvidenceFactory(claim=again, source=shared.source, passage=shared.passage)  # the same passage again
    extra = EvidenceFactory(claim=again)
    mention = again.mentions.get()
    article = mention.article
    ClaimMentionFactory(claim=known, article=article, sentence=mention.sentence)  # the same span in both

    services.claim_merge(
        source=again, target=known
    )  # as an editor's confirmation does (same-sentence claims never auto-join)

    assert set(Evidence.objects.filter(claim=known).values_list("pk", flat=True)) == {shared.pk, extra.pk}
    assert ClaimMention.objects.filter(claim=known, article=article).count() == 1
    assert ClaimMention.objects.filter(claim=known).count() == 2


def test_two_claims_from_one_sentence_are_never_joined_however_alike(new_claim):
    """Decomposition made them different facts ("X became the second state to recognise Y" / "X recognised Y")."""
    known, _ = new_claim(KNOWN, match=False)
    mention = known.mentions.get()
    part, _ = new_claim(SAME_WORDS, match=False)
    part.mentions.update(article=mention.article, sentence=mention.sentence)

    outcome = services.claim_match(claim_id=part.pk)

    assert not outcome.merged and Claim.objects.filter(pk__in=[known.pk, part.pk]).count() == 2
    assert not ClaimMatchSuggestion.objects.exists()
    elsewhere, outcome = new_claim(SAME_WORDS)  # the same words in another article still join
    assert outcome.merged and outcome.claim_id in {known.pk, part.pk}


def test_the_merged_claim_keeps_the_higher_checkworthiness_and_its_reasons(new_claim):
    known, _ = new_claim(KNOWN, checkworthiness=0.4, checkworthiness_signals=[["names no one", -0.5]])
    new_claim(SAME_WORDS, checkworthiness=0.9, checkworthiness_signals=[["gives a figure", 1.1]])
    known.refresh_from_db()
    assert known.checkworthiness == 0.9
    assert known.checkworthiness_signals == [["gives a figure", 1.1]]


def test_a_possible_match_is_suggested_to_editors_and_both_claims_stay(new_claim):
    known, _ = new_claim(KNOWN)
    maybe, outcome = new_claim(PARAPHRASE)

    assert not outcome.merged and outcome.claim_id == maybe.pk and outcome.suggested == (known.pk,)
    suggestion = ClaimMatchSuggestion.objects.get()
    assert (suggestion.claim_id, suggestion.candidate_id) == (known.pk, maybe.pk)
    assert 0.70 <= suggestion.score < 0.88
    assert suggestion.decision == ClaimMatchSuggestion.Decision.PENDING


def test_an_unrelated_claim_is_left_alone(new_claim):
    new_claim(KNOWN)
    lonely, outcome = new_claim(UNRELATED)
    assert outcome == MatchOutcome(claim_id=lonely.pk, score=outcome.score)
    assert outcome.score < 0.3
    assert not ClaimMatchSuggestion.objects.exists()


def test_matching_again_creates_nothing_new(new_claim):
    known, _ = new_claim(KNOWN)
    maybe, first = new_claim(PARAPHRASE)
    second = services.claim_match(claim_id=maybe.pk)
    assert first == second
    assert ClaimMatchSuggestion.objects.count() == 1
    assert ClaimEmbedding.objects.count() == 2


def test_a_claim_deleted_before_matching_is_reported_gone_quietly(db):
    assert services.claim_match(claim_id=987654).gone


def test_a_rejected_pair_is_never_suggested_again(new_claim, reviewer):
    known, _ = new_claim(KNOWN)
    syria, _ = new_claim(OTHER_COUNTRY)
    suggestion = ClaimMatchSuggestion.objects.get()
    services.claim_match_decide(suggestion=suggestion, decision="rejected", actor=reviewer)

    outcome = services.claim_match(claim_id=syria.pk)

    assert outcome.suggested == ()
    suggestion.refresh_from_db()
    assert suggestion.decision == "rejected" and suggestion.decided_by == reviewer
    assert suggestion.decided_at is not None


def test_a_rejected_pair_is_not_merged_even_above_the_same_threshold(new_claim, reviewer, settings):
    known, _ = new_claim(KNOWN)
    settings.FACTCHECK_MATCH_SAME = 0.99  # suggest first, so that an editor can reject
    again, _ = new_claim(SAME_WORDS)
    services.claim_match_decide(suggestion=ClaimMatchSuggestion.objects.get(), decision="rejected", actor=reviewer)
    settings.FACTCHECK_MATCH_SAME = 0.88

    outcome = services.claim_match(claim_id=again.pk)

    assert not outcome.merged
    assert Claim.objects.filter(pk__in=[known.pk, again.pk]).count() == 2


def test_confirming_a_suggestion_merges_the_newer_claim_into_the_older(new_claim, reviewer):
    known, _ = new_claim(KNOWN)
    maybe, _ = new_claim(PARAPHRASE)

    outcome = services.claim_match_decide(
        suggestion=ClaimMatchSuggestion.objects.get(), decision="confirmed", actor=reviewer
    )

    assert (outcome.claim_id, outcome.merged_from) == (known.pk, maybe.pk)
    assert not Claim.objects.filter(pk=maybe.pk).exists()
    assert ClaimMention.objects.filter(claim=known).count() == 2
    record = Claim.history.filter(id=maybe.pk, history_type="-").get()
    assert f"Merged into claim {known.pk}" in record.history_change_reason
    assert "confirmed by" in record.history_change_reason and record.history_user == reviewer


def test_confirming_keeps_the_claim_that_has_a_verdict_even_when_it_is_newer(new_claim, reviewer, publish):
    older, _ = new_claim(KNOWN)
    newer, _ = new_claim(PARAPHRASE)
    publish(newer)

    outcome = services.claim_match_decide(
        suggestion=ClaimMatchSuggestion.objects.get(), decision="confirmed", actor=reviewer
    )

    assert (outcome.claim_id, outcome.merged_from) == (newer.pk, older.pk)
    assert outcome.known_verdict_claim_id == newer.pk


def test_two_claims_with_verdicts_cannot_be_merged(new_claim, reviewer, publish):
    older, _ = new_claim(KNOWN)
    newer, _ = new_claim(PARAPHRASE)
    publish(older, explanation="First.")
    publish(newer, explanation="Second.")
    with pytest.raises(InvalidTransition, match="Both claims have verdicts"):
        services.claim_match_decide(suggestion=ClaimMatchSuggestion.objects.get(), decision="confirmed", actor=reviewer)
    assert Claim.objects.filter(pk__in=[older.pk, newer.pk]).count() == 2
    assert ClaimMatchSuggestion.objects.get().decision == "pending"


def test_a_decision_is_final_and_deciding_the_same_way_again_changes_nothing(new_claim, reviewer):
    new_claim(KNOWN)
    new_claim(OTHER_COUNTRY)
    suggestion = ClaimMatchSuggestion.objects.get()
    services.claim_match_decide(suggestion=suggestion, decision="rejected", actor=reviewer)
    services.claim_match_decide(suggestion=suggestion, decision="rejected", actor=reviewer)
    with pytest.raises(InvalidTransition, match="already"):
        services.claim_match_decide(suggestion=suggestion, decision="confirmed", actor=reviewer)


def test_deciding_needs_the_reviewer_role_and_a_real_decision(new_claim, reviewer):
    from tests.factories import UserFactory

    new_claim(KNOWN)
    new_claim(OTHER_COUNTRY)
    suggestion = ClaimMatchSuggestion.objects.get()
    with pytest.raises(NotAllowed):
        services.claim_match_decide(suggestion=suggestion, decision="rejected", actor=UserFactory(username="nobody"))
    with pytest.raises(InvalidInput):
        services.claim_match_decide(suggestion=suggestion, decision="maybe", actor=reviewer)


def test_a_claim_an_editor_has_started_on_is_never_absorbed_the_untouched_one_folds_into_it(new_claim, reviewer):
    known, _ = new_claim(KNOWN)
    again, _ = new_claim(SAME_WORDS, match=False)
    services.claim_start_review(claim=again, actor=reviewer)

    outcome = services.claim_match(claim_id=again.pk)

    assert (outcome.claim_id, outcome.merged_from) == (again.pk, known.pk)
    again.refresh_from_db()
    assert again.status == Claim.Status.IN_REVIEW and again.assignee == reviewer
    assert again.mentions.count() == 2


def test_when_both_claims_are_worked_on_a_same_claim_match_is_suggested_instead(new_claim, reviewer):
    known, _ = new_claim(KNOWN)
    again, _ = new_claim(SAME_WORDS, match=False)
    services.claim_start_review(claim=known, actor=reviewer)
    services.claim_start_review(claim=again, actor=reviewer)

    outcome = services.claim_match(claim_id=again.pk)

    assert not outcome.merged and outcome.suggested == (known.pk,)
    assert ClaimMatchSuggestion.objects.get().score > 0.95


def test_suggestions_of_an_absorbed_claim_move_to_the_claim_it_joined(new_claim, reviewer):
    syria, _ = new_claim(OTHER_COUNTRY)
    known, _ = new_claim(KNOWN)  # suggested with syria (~0.80)
    services.claim_match_decide(suggestion=ClaimMatchSuggestion.objects.get(), decision="rejected", actor=reviewer)
    again, _ = new_claim(SAME_WORDS, match=False)
    # the copy came first in another newsroom workflow: pretend it was suggested with syria too
    ClaimMatchSuggestion.objects.create(claim_id=syria.pk, candidate_id=again.pk, score=0.78)

    services.claim_match(claim_id=again.pk)

    rows = list(ClaimMatchSuggestion.objects.values_list("claim_id", "candidate_id", "decision"))
    assert rows == [(syria.pk, known.pk, "rejected")]  # the rejection wins over the copy's pending row


def test_a_twin_claim_with_another_number_is_suggested_not_merged(new_claim):
    known, _ = new_claim("The unemployment rate in Ohio fell to 4 percent in 2016.")
    twin, outcome = new_claim("The unemployment rate in Ohio fell to 5 percent in 2016.")

    assert not outcome.merged and outcome.suggested == (known.pk,)
    assert ClaimMatchSuggestion.objects.get().score > 0.88  # the embedding alone would have merged them


def test_a_claim_relayed_by_someone_is_matched_on_what_is_claimed(new_claim):
    known, _ = new_claim("The Democratic People's Republic of Korea recognized the Donetsk People's Republic today.")
    _, outcome = new_claim(
        "According to Denis Pushilin, the Democratic People's Republic of Korea recognized the Donetsk People's Republic today."
    )
    assert outcome.merged and outcome.claim_id == known.pk and outcome.score > 0.99
