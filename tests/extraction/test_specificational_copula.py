"""Coordinated complements of "be" that say what a description or a "what" clause is stay one claim; after a name
they are split (rule specificational_copula)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.coordination import _specifies
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

PRIORITIES = "The Varnes council's two priorities are ferries and buses."


def test_the_list_a_description_is_stays_whole():
    assert claims_text(extract(PRIORITIES)) == [PRIORITIES]
    with rules.disabled({"specificational_copula"}):
        assert "The Varnes council's two priorities are ferries." in claims_text(extract(PRIORITIES))


def test_what_a_what_clause_is_stays_whole():
    doc = load_nlp()("What the ferry needs is political will and a bit of money.")
    will = next(t for t in doc if t.text == "will")
    assert will.dep_ == "attr"
    assert _specifies(will)


def test_a_named_subject_is_described_and_split():
    assert claims_text(extract("Ana Ruiz is a lawyer and a pilot.")) == [
        "Ana Ruiz is a lawyer.",
        "Ana Ruiz is a pilot.",
    ]
