"""A coordination the parse gives only part of a list is not split (rule partial_list): the statement stays in its
own words instead of claims that each keep some items with a comma and lose another."""

from __future__ import annotations

import pytest

from claims.extraction import extract, rules
from claims.extraction.decomposition.clause import Clause
from claims.extraction.decomposition.coordination import split_noun_coordination
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

WARY = (
    "The Varnes mill halted its plans for a second site on April 9 when buyers became wary of its prices, its supply "
    "model, and its working culture."
)
FOUNDERS = "The founders Ana Ruiz and Tomas Berg run the Lanzo ferry festival."


def _split(text: str) -> list[str]:
    doc = load_nlp()(text)
    clauses = split_noun_coordination(doc, Clause(tokens=[t.i for t in doc]))
    return [" ".join(doc[i].text for i in clause.tokens) for clause in clauses]


def test_a_list_of_three_under_one_preposition_keeps_every_item():
    claims = claims_text(extract(WARY))
    assert len(claims) == 1
    assert claims[0].endswith("wary of its prices, its supply model, and its working culture.")


def test_the_rule_leaves_the_list_whole_where_the_parse_splits_it_after_its_first_item():
    assert _split(WARY) == [" ".join(t.text for t in load_nlp()(WARY))]


def test_without_the_rule_each_claim_lost_an_item_of_the_list():
    with rules.disabled({"partial_list"}):
        claims = claims_text(extract(WARY))
    assert any(claim.endswith("wary of its prices, its supply model.") for claim in claims)


def test_two_names_after_a_plural_noun_keep_their_and():
    assert claims_text(extract(FOUNDERS)) == [FOUNDERS]


def test_a_conjunct_of_another_kind_keeps_the_list_whole():
    text = "The Orvik map was based on radar, infrared and other data collected by the Lanzo probe."
    assert _split(text) == [" ".join(t.text for t in load_nlp()(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norway and Sweden signed the treaty in 2019.",
            ["Norway signed the treaty in 2019.", "Sweden signed the treaty in 2019."],
        ),
        (
            "The Varnes ferry company serves Lanzo and Tessaly.",
            ["The Varnes ferry company serves Lanzo.", "The Varnes ferry company serves Tessaly."],
        ),
    ],
)
def test_conjuncts_that_each_make_a_fact_are_still_split(text, expected):
    assert claims_text(extract(text)) == expected
