"""A relative clause whose verb disagrees in number with the noun the parse hangs it on gives no claim about that noun
(rule relative_agreement): in "apps that move money, which are then checked by the bank", "are" is not the money's
verb; the clause stays in the statement as written instead of "Money are then checked by the bank"."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.clause import Clause
from claims.extraction.decomposition.modifiers import split_off_modifiers
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

MONEY = "Lanzo shops use apps that move money, which are then checked by the Orvik bank."


def test_the_clause_stays_in_the_statement_as_written():
    assert claims_text(extract(MONEY)) == [MONEY]


def test_the_rule_splits_nothing_off():
    doc = load_nlp()(MONEY)
    clauses = split_off_modifiers(doc, Clause(tokens=[t.i for t in doc]))
    assert [clause.tokens for clause in clauses] == [[t.i for t in doc]]


def test_a_clause_that_agrees_with_its_noun_is_still_a_claim_of_its_own():
    text = "The Orvik choirs, which were founded in 1921, toured Canada in 1958."
    assert claims_text(extract(text)) == [
        "The Orvik choirs toured Canada in 1958.",
        "The Orvik choirs were founded in 1921.",
    ]


def test_without_the_rule_the_clause_was_a_garbled_claim_about_the_money():
    with rules.disabled({"relative_agreement"}):
        claims = claims_text(extract(MONEY))
    assert "Money are then checked by the Orvik bank." in claims
