"""Words after a comma that report something else in a clause of their own are no trailing '…, X said': the words
before the comma are not that speaker's statement (rule speaker_own_clause, attribution._own_clause)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import find_claim

BUT_CONFIRMED = "The Lanzo ferry carried 300 cars in 2019, but the Orvik bank confirmed that the ferry lost money."
YET_SAYS = "The Lanzo ferry gets a new engine, yet Orvik says it will use less fuel."


def test_a_clause_opening_on_but_names_no_speaker_for_what_came_before():
    claim = find_claim(extract(BUT_CONFIRMED), "300 cars")
    assert claim.text == "The Lanzo ferry carried 300 cars in 2019."
    assert claim.speaker == ""


def test_a_verb_with_what_was_said_after_it_names_no_speaker_for_what_came_before():
    claim = find_claim(extract(YET_SAYS), "new engine")
    assert claim.text == "The Lanzo ferry gets a new engine."
    assert claim.speaker == ""


def test_a_plain_trailing_attribution_still_names_its_speaker():
    claim = find_claim(extract("The mill employed 300 people in 1950, Anna Vell told reporters on Monday."), "mill")
    assert claim.speaker == "Anna Vell"


def test_without_the_rule_the_speaker_of_the_second_clause_was_given_to_the_first():
    with rules.disabled({"speaker_own_clause"}):
        claim = find_claim(extract(BUT_CONFIRMED), "300 cars")
    assert claim.speaker != ""


def test_a_clause_after_the_reported_statement_opening_on_after_names_no_speaker_for_it():
    text = "Ana Ruiz said she first met Ivo Brandt in 2019, after the Lanzo Courier reported the sale had failed."
    claim = find_claim(extract(text), "Ivo Brandt")
    assert claim.speaker == "Ana Ruiz"
    assert "Lanzo Courier" in claim.text


def test_a_quotation_split_around_its_speaker_keeps_the_speaker():
    text = '"I did not sell the mill in 2019," Ana Ruiz said, "and I still have not sold it."'
    claim = find_claim(extract(text), "sell the mill")
    assert (claim.text, claim.speaker) == ("Ana Ruiz did not sell the mill in 2019.", "Ana Ruiz")


def test_an_earlier_comma_does_not_hand_the_statement_to_the_clause_of_its_own():
    text = "The Lanzo ferry has a new engine, a diesel built in Orvik, yet the Orvik yard says it will use less fuel."
    claim = find_claim(extract(text), "new engine")
    assert claim.speaker == ""
    assert claim.text.startswith("The Lanzo ferry has a new engine")
