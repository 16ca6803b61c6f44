"""A list closed by "other <noun>" is not split (rule open_list): "other" means other than the items before it, so
a claim of it alone says nothing, and the statement is about the items together."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.clause import Clause
from claims.extraction.decomposition.coordination import split_noun_coordination
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

OPEN = "The Tour package adds adaptive cruise, lane assistance, parking assistance, and other features."


def test_every_item_of_the_list_is_kept():
    assert claims_text(extract(OPEN)) == [OPEN]


def test_the_rule_gives_one_clause_of_the_whole_statement():
    doc = load_nlp()(OPEN)
    clauses = split_noun_coordination(doc, Clause(tokens=[t.i for t in doc]))
    assert [clause.tokens for clause in clauses] == [[t.i for t in doc]]


def test_without_the_rule_items_were_lost():
    with rules.disabled({"open_list"}):
        claims = claims_text(extract(OPEN))
    assert OPEN not in claims
    assert not any("lane assistance, parking assistance" in claim for claim in claims)


def test_others_closes_a_list_too():
    text = "The Lanzo ferry company carries cars, bicycles, lorries and others to Tessaly."
    assert claims_text(extract(text)) == [text]
