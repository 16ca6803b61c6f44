"""Coordinated nouns stay together when a modifier after the last one hangs on the first in the parse (rule
trailing_shared_modifier): the clause may belong to the last noun or to all of them, and a split gave it to the
first alone, out of agreement."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

SHARED = "The Lanzo museum shows an old wooden boat and two bronze bells that date from 1650."


def test_the_statement_stays_whole():
    assert claims_text(extract(SHARED)) == [SHARED]


def test_a_list_with_nothing_after_it_is_still_split():
    claims = claims_text(extract("The Lanzo museum shows an old wooden boat and two bronze bells."))
    assert "The Lanzo museum shows an old wooden boat." in claims
    assert "The Lanzo museum shows two bronze bells." in claims


def test_without_the_rule_the_first_noun_took_the_clause_out_of_agreement():
    with rules.disabled({"trailing_shared_modifier"}):
        claims = claims_text(extract(SHARED))
    assert "The Lanzo museum shows an old wooden boat that date from 1650." in claims
    assert SHARED not in claims


DASH = "The Lanzo pass has no fee, no queueing and no waiting - just instant entry."


def test_a_phrase_after_a_dash_hung_on_a_middle_conjunct_keeps_the_list_whole():
    assert claims_text(extract(DASH)) == [DASH]


def test_without_the_rule_the_phrase_after_the_dash_went_to_one_conjunct():
    with rules.disabled({"trailing_shared_modifier"}):
        claims = claims_text(extract(DASH))
    assert "The Lanzo pass has no fee just instant entry." in claims
