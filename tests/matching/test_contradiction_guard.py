"""Near-twin claims separated by a guard are stored as possible contradictions when they are matched."""

import pytest

from claims.matching.decide import join_conflict
from claims.models import ClaimMatchSuggestion

pytestmark = pytest.mark.django_db


def test_a_capital_names_its_government_so_only_the_negation_separates_the_pair():
    assert join_conflict("Peru cut ties with Russia over the vote.", "Peru cut ties with Moscow over the vote.") is None
    assert (
        join_conflict("Peru has yet to respond to Russia's vote.", "Peru cut ties with Moscow over the vote.")
        == "one is negated"
    )


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        (
            "The council approved 12 new schools in March.",
            "The council approved 15 new schools in March.",
            "different numbers",
        ),
        ("The council has approved the new bridge.", "The council failed to approve the new bridge.", "one is negated"),
    ],
)
def test_matching_a_guarded_near_twin_records_why_it_may_contradict(settings, new_claim, a, b, why):
    settings.FACTCHECK_MATCH_SUGGEST = 0.5
    first, _ = new_claim(a)
    second, outcome = new_claim(b)

    pair = ClaimMatchSuggestion.objects.get()
    assert {pair.claim_id, pair.candidate_id} == {first.pk, second.pk}
    assert pair.conflict == why and outcome.merged_from is None  # never joined automatically


def test_matching_a_near_twin_without_a_guard_records_no_conflict(settings, new_claim):
    settings.FACTCHECK_MATCH_SUGGEST = 0.3
    settings.FACTCHECK_MATCH_SAME = 0.99
    new_claim("The council approved the new bridge in March.")
    new_claim("In March the council gave its approval to the new bridge.")

    pair = ClaimMatchSuggestion.objects.get()
    assert pair.conflict == "" and pair.score >= 0.3


def test_an_act_denied_and_an_act_done_by_the_same_parties_are_stored_as_a_contradiction_below_the_band(new_claim):
    first, _ = new_claim("Cuba has yet to respond to Iran's decision.")
    second, outcome = new_claim("Cuba immediately cut ties with Tehran over the decision.")
    pair = ClaimMatchSuggestion.objects.get()
    assert {pair.claim_id, pair.candidate_id} == {first.pk, second.pk}
    assert pair.conflict == "one is negated" and pair.score < 0.65 and outcome.merged_from is None


def test_near_twins_about_different_things_are_stored_as_similar_not_contradicting(settings, new_claim):
    settings.FACTCHECK_MATCH_SUGGEST = 0.5
    new_claim("Bolivia formally recognised the breakaway republic of Atlantis.")
    new_claim("Ecuador formally recognised the breakaway republic of Atlantis.")
    pair = ClaimMatchSuggestion.objects.get()
    assert pair.conflict == "" and pair.decision == ClaimMatchSuggestion.Decision.PENDING
