"""Stance suggestions from transparent signals, each with a reason a person can check."""

from __future__ import annotations

import pytest

from sources.evidence import suggest_stance
from sources.evidence.text import dates, numbers

CLAIM = "North Korea recognised the Donetsk People's Republic on 13 July 2022."


def test_a_passage_with_the_same_entities_and_date_supports():
    suggestion = suggest_stance(CLAIM, "On July 13, 2022, North Korea recognised the Donetsk People's Republic.")
    assert suggestion.stance == "supports"
    assert "same date" in suggestion.reason and "north korea" in suggestion.reason


def test_a_different_date_for_the_same_event_refutes():
    suggestion = suggest_stance(CLAIM, "North Korea recognised the Donetsk People's Republic on 29 June 2022.")
    assert suggestion.stance == "refutes" and "a different date" in suggestion.reason


def test_a_different_number_refutes():
    suggestion = suggest_stance(
        "North Korea was the second country to recognise the Donetsk People's Republic.",
        "North Korea became the third country to recognise the Donetsk People's Republic.",
    )
    assert suggestion.stance == "refutes"
    assert "different numbers (claim 2; passage 3)" in suggestion.reason


def test_negation_on_one_side_refutes():
    suggestion = suggest_stance(
        "North Korea recognised the Donetsk People's Republic.",
        "North Korea has not recognised the Donetsk People's Republic, its foreign ministry said.",
    )
    assert suggestion.stance == "refutes" and "negated (passage)" in suggestion.reason


def test_a_passage_on_a_neighbouring_topic_only_mentions():
    suggestion = suggest_stance(
        CLAIM, "Talks with North Korea on recognition had been underway since June, a minister said."
    )
    assert suggestion.stance == "mentions" and "does not name donetsk people's republic" in suggestion.reason


def test_an_unrelated_passage_is_unclear():
    assert suggest_stance(CLAIM, "Markets closed higher on Friday as oil prices fell.").stance == "unclear"


@pytest.mark.parametrize(
    ("rating", "stance"),
    [("False", "refutes"), ("Mostly false", "refutes"), ("Misleading", "refutes"), ("Pants on Fire", "refutes"),
     ("True", "supports"), ("Mostly True", "supports"), ("Correct", "supports")],
)  # fmt: skip
def test_an_earlier_fact_checks_rating_is_the_strongest_signal(rating, stance):
    suggestion = suggest_stance(CLAIM, "Anything at all.", rating=rating)
    assert suggestion.stance == stance and repr(rating) in suggestion.reason


def test_numbers_and_dates_are_read_in_the_usual_spellings():
    assert dates("on 13 July 2022") == dates("on July 13, 2022") == dates("on 2022-07-13") == {(2022, 7, 13)}
    assert numbers("the second of 3,000 people, 77 years ago") == {"2", "3000", "77"}
    assert numbers("in 2022") == set()  # a bare year is a date, not a quantity
