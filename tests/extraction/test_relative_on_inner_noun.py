"""A ', which …' clause that the parse hangs on the object of a preposition on another noun ("the observatory in
Lanzo, which …") may describe either noun: it writes no claim of its own (rule relative_on_inner_noun), and the
statement keeps it as written."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

OBSERVATORY = "The old observatory in Lanzo, which uses a radar to track 40 comets, hired Ivo Brandt in 2019."
PORT = "Ana Ruiz praised the expansion of the Orvik port, which created 900 jobs in 2019."


def test_the_clause_stays_in_the_statement():
    assert claims_text(extract(OBSERVATORY)) == [OBSERVATORY]
    assert claims_text(extract(PORT)) == [PORT]


def test_a_clause_on_a_noun_of_its_own_is_still_a_claim():
    claims = claims_text(extract("Ana Ruiz praised the Orvik port, which created 900 jobs in 2019."))
    assert "The Orvik port created 900 jobs in 2019." in claims


def test_without_the_rule_the_inner_noun_took_the_clause():
    with rules.disabled({"relative_on_inner_noun"}):
        claims = claims_text(extract(OBSERVATORY)) + claims_text(extract(PORT))
    assert "Lanzo uses a radar to track 40 comets." in claims
    assert "The Orvik port created 900 jobs in 2019." in claims


def test_a_clause_after_for_is_still_the_inner_nouns():
    text = "Ana Ruiz served as the chair for the Orvik Ferry Fair, which is the largest ferry meeting in Lanzo."
    assert "The Orvik Ferry Fair is the largest ferry meeting in Lanzo." in claims_text(extract(text))


def test_a_verb_that_agrees_with_the_inner_noun_alone_tells_whose_the_clause_is():
    text = "Lanzo approved the sale of two old ferries, which carry 300 cars a day."
    assert "Two old ferries carry 300 cars a day." in claims_text(extract(text))
