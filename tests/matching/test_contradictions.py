"""Possible contradictions: near-twin claims saying the same thing about the same things with a number or the
polarity changed; claims about different things are only similar, never a contradiction."""

import numpy as np
import pytest

from claims.matching.contradiction import (
    DIFFERENT_NUMBERS,
    NEGATED,
    contradicting_neighbours,
    contradiction,
    contradiction_floor,
    contradiction_pairs,
    guarded_pairs,
)
from claims.matching.decide import Hit, join_conflict, match_plan

SUGGEST = 0.65


def test_an_act_denied_by_one_claim_and_done_in_the_other_contradicts_a_little_below_the_band():
    a, b = "Cuba has yet to respond to Iran's decision.", "Cuba immediately cut ties with Tehran over the decision."
    assert contradiction(a, b, score=0.60, suggest=SUGGEST) == NEGATED
    assert contradiction(a, b, score=contradiction_floor(SUGGEST) - 0.01, suggest=SUGGEST) is None


def test_below_the_band_an_opposite_polarity_needs_the_same_names_on_both_sides():
    denied = "Cuba has yet to respond to Iran's decision."
    assert contradiction(denied, "Cuba cut ties with Bolivia over the decision.", score=0.60, suggest=SUGGEST) is None
    assert contradiction(denied, "Cuba cut ties with Iran over the decision.", score=0.60, suggest=SUGGEST) == NEGATED


def test_in_the_band_a_negation_contradicts_when_the_rest_of_the_statement_is_the_same():
    a, b = "The harbour authority did not approve the ferry berth.", "The harbour authority approved the ferry berth."
    assert contradiction(a, b, score=0.75, suggest=SUGGEST) == NEGATED


def test_a_negation_in_another_statement_about_the_same_topic_is_no_contradiction():
    a, b = "Solar lanterns don't need much maintenance.", "Solar lanterns are cheap to ship to villages."
    assert join_conflict(a, b) == "one is negated"  # the guard still keeps them apart
    assert contradiction(a, b, score=0.72, suggest=SUGGEST) is None


def test_claims_about_different_things_are_similar_but_do_not_contradict():
    a = "Chile formally recognised the breakaway republic in May."
    b = "Bolivia followed Chile's ally Peru, which also formally recognised the breakaway republic."
    assert join_conflict(a, b) == "different names"
    assert contradiction(a, b, score=0.80, suggest=SUGGEST) is None


def test_a_different_number_in_the_same_place_contradicts():
    assert contradiction("The council approved 12 new schools in March.", "The council approved 15 new schools in March.",
                         score=0.9, suggest=SUGGEST) == DIFFERENT_NUMBERS  # fmt: skip
    assert contradiction("The ferry sailed on 13 July 2031.", "The ferry first sailed on 14 July 2031.",
                         score=0.8, suggest=SUGGEST) == DIFFERENT_NUMBERS  # fmt: skip


def test_numbers_about_different_things_do_not_contradict():
    a, b = "The mill employed 40 workers.", "The mill, built in 1890, still runs."
    assert join_conflict(a, b) == "different numbers"
    assert contradiction(a, b, score=0.7, suggest=SUGGEST) is None


def test_the_matching_suggests_a_contradiction_below_the_band_and_never_joins_it():
    plan = match_plan([Hit(1, 0.60), Hit(2, 0.62), Hit(3, 0.95)], same=0.85, suggest=SUGGEST,
                      contradictions={1: NEGATED, 3: DIFFERENT_NUMBERS})  # fmt: skip
    assert plan.join is None
    assert plan.suggest == (Hit(3, 0.95), Hit(1, 0.60))


def test_the_neighbours_a_new_claim_may_contradict_are_named_with_why():
    found = contradicting_neighbours(
        "Cuba has yet to respond to Iran's decision.",
        {7: ("Cuba cut ties with Tehran over the decision.", 0.61), 8: ("Cuba exports sugar.", 0.61)},
        suggest=SUGGEST,
    )
    assert found == {7: NEGATED}


@pytest.mark.django_db
def test_over_a_corpus_the_rule_keeps_the_contradiction_and_drops_the_different_names():
    from claims.matching.embeddings import embed_texts

    texts = [
        "Cuba has yet to respond to Iran's decision.",
        "Cuba immediately cut ties with Tehran over the decision.",
        "Bolivia formally recognised the breakaway republic of Atlantis.",
        "Ecuador formally recognised the breakaway republic of Atlantis.",
    ]
    vectors = embed_texts(texts)
    assert float(np.dot(vectors[0], vectors[1])) < SUGGEST  # the embedding alone would not show the pair
    found = [(p.first, p.second, p.reason) for p in contradiction_pairs(texts, vectors, suggest=SUGGEST)]
    assert found == [(0, 1, NEGATED)]
    assert any(p.reason == "different names" for p in guarded_pairs(texts, vectors, suggest=SUGGEST))


def test_the_words_of_a_denying_phrase_are_not_part_of_the_statement():
    a, b = "The council has approved the new bridge.", "The council failed to approve the new bridge."
    assert contradiction(a, b, score=0.7, suggest=SUGGEST) == NEGATED
