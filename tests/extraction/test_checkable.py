"""Cheers and pitches are no claims; judgements graded by a degree word, or addressed to the reader, stay claims but
rank after the facts."""

from __future__ import annotations

import datetime as dt

from claims.bands import NOT_A_FACT
from claims.extraction import extract, rules

from .conftest import find_claim

PUBLISHED = dt.date(2022, 7, 14)


def _result(text: str):
    return extract(text, published=PUBLISHED, language="en")


def test_an_exclamation_without_a_figure_is_no_claim():
    result = _result("The Varnes ferry carried 41,000 passengers in 2019. The harbour tour was spectacular!")
    assert find_claim(result, "41,000 passengers") is not None
    assert find_claim(result, "spectacular") is None


def test_an_exclamation_with_a_figure_or_a_date_is_still_a_claim():
    result = _result("The Varnes ferry carried 41,000 passengers! Lanzo cut its ties with Orvik in June 2022!")
    assert find_claim(result, "41,000 passengers") is not None
    assert find_claim(result, "June 2022") is not None


def test_switched_off_an_exclamation_is_a_claim_again():
    with rules.disabled({"exclamation"}):
        result = _result("The Varnes ferry carried 41,000 passengers in 2019. The Lanzo harbour tour was spectacular!")
    assert find_claim(result, "spectacular") is not None


def test_a_judgement_graded_by_a_degree_word_ranks_below_a_fact():
    result = _result("The crew of the Varnes ferry is so friendly. The Varnes ferry carried 41,000 passengers in 2019.")
    judgement, fact = find_claim(result, "so friendly"), find_claim(result, "41,000 passengers")
    assert judgement.checkworthiness <= NOT_A_FACT < fact.checkworthiness
    assert judgement.not_a_fact == "a judgement graded by a degree word"


def test_the_reader_addressed_in_the_articles_voice_ranks_last():
    result = _result("The Varnes harbour tour leaves you with more energy.")
    claim = find_claim(result, "leaves you")
    assert claim.checkworthiness <= NOT_A_FACT
    assert claim.not_a_fact == "addressed to the reader"


def test_a_graded_statement_with_a_figure_keeps_its_score():
    text = "The Varnes ferry is very fast: it crosses to Lanzo in 40 minutes."
    with rules.disabled({"graded_judgement"}):
        before = find_claim(_result(text), "40 minutes").checkworthiness
    assert find_claim(_result(text), "40 minutes").checkworthiness == before > NOT_A_FACT


def test_switched_off_a_graded_judgement_keeps_the_models_score():
    with rules.disabled({"graded_judgement"}):
        claim = find_claim(_result("The crew of the Varnes ferry is so friendly."), "so friendly")
    assert claim.not_a_fact == ""
    assert claim.text == "The crew of the Varnes ferry is so friendly."


def test_a_past_record_said_to_you_keeps_the_models_score():
    claim = find_claim(_result("You raised the Lanzo school budget twice."), "school budget")
    assert claim.not_a_fact == ""
    assert claim.text == "You raised the Lanzo school budget twice."
