"""A sentence that is only a "because" clause, a reason given on its own, asserts its clause (rule answer_because)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text


def test_a_reason_on_its_own_gives_its_clause():
    result = extract("Lanzo lost its wool trade. Because the Orvik mill closed in 1994.")
    assert "The Orvik mill closed in 1994." in claims_text(result)


def test_a_leading_and_goes_with_the_because():
    assert claims_text(extract("And because the Varnes council sold the harbour to Tessaly in 2011.")) == [
        "The Varnes council sold the harbour to Tessaly in 2011."
    ]


def test_a_reason_before_its_main_clause_is_left_to_decomposition():
    result = extract("Because the Orvik mill closed in 1994, Lanzo lost its wool trade.")
    assert "Lanzo lost its wool trade." in claims_text(result)


def test_an_opinion_given_as_a_reason_is_still_no_claim():
    assert claims_text(extract("Because I think the Orvik mill is wonderful.")) == []


def test_a_first_person_reason_on_its_own_is_a_first_person_claim():
    assert claims_text(extract("Because we sold the Varnes harbour to Tessaly.")) == [
        "We sold the Varnes harbour to Tessaly."
    ]


def test_switched_off_a_reason_on_its_own_gives_no_claim():
    with rules.disabled({"answer_because"}):
        result = extract("Lanzo lost its wool trade. Because the Orvik mill closed in 1994.")
    assert claims_text(result) == ["Lanzo lost its wool trade."]
