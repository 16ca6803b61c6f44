"""The signals a stance suggestion weighs, each a named rule that says why it fired."""

from __future__ import annotations

import pytest

from sources.evidence import signals
from sources.evidence.signals import Pair, features, names, negated, reasons


def test_names_are_compared_alias_resolved():
    assert names("Talks stalled after Pyongyang cut ties.") >= {"north korea"}
    assert names("The DPRK said so.") == names("North Korea said so.") == {"north korea"}
    pair = Pair("North Korea cut ties with Kyiv.", "Pyongyang has cut ties with Ukraine, officials said.")
    assert pair.shared_names == ["north korea", "ukraine"] and pair.missing_names == []


def test_a_person_is_named_by_the_surname_alone():
    pair = Pair("Justice Ada Marlowe retired in 1991.", "Marlowe stepped down from the bench in 1991.")
    assert "ada marlowe" in pair.shared_names or "justice ada marlowe" in pair.shared_names


@pytest.mark.parametrize(
    "text",
    ["The ministry has yet to respond.", "The mayor failed to sign the order.", "It did not happen.", "She denied it."],
)
def test_negation_includes_acts_that_have_not_happened_yet(text):
    assert negated(text)


def test_a_plain_statement_is_not_negated():
    assert not negated("The mayor signed the order on Monday.")


def test_different_numbers_for_the_same_subject_are_a_conflict_with_both_sides_named():
    pair = Pair("The bridge has 14 spans.", "Engineers counted 16 spans on the bridge.")
    row = dict(zip(signals.SIGNAL_NAMES, features(pair), strict=True))
    assert row["numbers_conflict"] == 1.0 and row["numbers_agree"] == 0.0
    assert "different numbers (claim 14; passage 16)" in reasons(pair)


def test_the_same_year_agrees_and_another_year_conflicts():
    same = dict(
        zip(signals.SIGNAL_NAMES, features(Pair("The dam opened in 1962.", "In 1962 the dam opened.")), strict=True)
    )
    other = dict(
        zip(signals.SIGNAL_NAMES, features(Pair("The dam opened in 1962.", "The dam opened in 1965.")), strict=True)
    )
    assert same["years_agree"] == 1.0 and same["years_conflict"] == 0.0
    assert other["years_conflict"] == 1.0 and other["years_agree"] == 0.0


def test_opposite_words_in_the_closest_sentence_are_named():
    pair = Pair("Ticket prices rose last year.", "Ticket prices fell last year, the operator said.")
    assert "opposite words (rose / fell)" in reasons(pair)


def test_the_closest_sentence_comes_from_the_embedding_when_given():
    pair = Pair("The museum reopened.", "Rain fell all week. The museum reopened its doors.", similarities=[0.1, 0.9])
    assert pair.best_sentence == "The museum reopened its doors." and "its closest sentence is 0.90 similar" in reasons(
        pair
    )


def test_a_switched_off_signal_reads_zero():
    pair = Pair("The bridge has 14 spans.", "Engineers counted 16 spans on the bridge.")
    on = dict(zip(signals.SIGNAL_NAMES, features(pair), strict=True))
    off = dict(zip(signals.SIGNAL_NAMES, features(pair, disabled=["numbers_conflict"]), strict=True))
    assert on["numbers_conflict"] == 1.0 and off["numbers_conflict"] == 0.0 and off["coverage"] == on["coverage"]


def test_the_spread_of_similarity_over_the_passage_is_measured():
    pair = Pair(
        "The museum reopened in May.",
        "Rain fell all week. The museum reopened in May. Crowds queued. Tickets sold out.",
        similarities=[0.1, 0.9, 0.3, 0.5],
    )
    row = dict(zip(signals.SIGNAL_NAMES, features(pair), strict=True))
    assert row["similarity"] == pytest.approx(0.9)
    assert row["similarity_top2"] == pytest.approx(0.7) and row["similarity_mean"] == pytest.approx(0.45)
    assert row["similarity_x_coverage"] == pytest.approx(0.9 * pair.coverage) and pair.coverage == 1.0


def test_a_passage_naming_everyone_the_claim_names_says_so():
    named = Pair("Ada Marlowe met Tomas Brill in Oslo.", "In Oslo, Marlowe and Brill met for an hour.")
    partly = Pair("Ada Marlowe met Tomas Brill in Oslo.", "In Oslo, Marlowe met reporters.")
    assert dict(zip(signals.SIGNAL_NAMES, features(named), strict=True))["names_all"] == 1.0
    assert "names everyone the claim names" in reasons(named)
    assert dict(zip(signals.SIGNAL_NAMES, features(partly), strict=True))["names_all"] == 0.0


def test_a_negated_claim_is_a_signal_of_its_own():
    negated_claim = dict(
        zip(signals.SIGNAL_NAMES, features(Pair("The mayor did not sign the order.", "The order.")), strict=True)
    )
    plain = dict(zip(signals.SIGNAL_NAMES, features(Pair("The mayor signed the order.", "The order.")), strict=True))
    assert negated_claim["claim_negated"] == 1.0 and plain["claim_negated"] == 0.0
