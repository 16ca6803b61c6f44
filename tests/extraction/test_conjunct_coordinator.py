"""An "and" inside a claim's own words is kept: inside one conjunct of a split list (rule conjunct_coordinator), and
inside the subject of the main clause after a leading clause."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.clause import member_own
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

EXAMPLES = "The Brenholt museum displays instruments such as old and rare lutes, and harps."


def test_a_conjunct_keeps_its_own_and():
    claims = claims_text(extract(EXAMPLES))
    assert "The Brenholt museum displays old and rare lutes." in claims
    assert "The Brenholt museum displays harps." in claims


def test_member_own_drops_only_the_coordinator_that_joins_the_members():
    doc = load_nlp()(EXAMPLES)
    lutes = next(t for t in doc if t.text == "lutes")
    members = [lutes, *(c for c in lutes.conjuncts if c.i > lutes.i)]
    words = [doc[i].text for i in sorted(member_own(lutes, members, {t.i for t in doc}))]
    assert words == ["old", "and", "rare", "lutes"]


def test_without_the_rule_the_inner_and_was_dropped():
    with rules.disabled({"conjunct_coordinator"}):
        claims = claims_text(extract(EXAMPLES))
    assert "The Brenholt museum displays old rare lutes." in claims


def test_the_subject_after_a_leading_clause_keeps_its_and():
    claims = claims_text(
        extract(
            "Orvik Yards is a builder of ferries, the founders Ana Ruiz and Tomas Berg are the directors of the "
            "Lanzo ferry festival."
        )
    )
    assert "The founders Ana Ruiz and Tomas Berg are the directors of the Lanzo ferry festival." in claims
    assert "Orvik Yards is a builder of ferries." in claims


def test_the_and_the_parse_hangs_inside_the_first_conjunct_still_joins_the_two():
    claims = claims_text(extract("Ivo Brandt was born in Lanzo to a baker from Orvik and a tailor from Tessaly."))
    assert claims == [
        "Ivo Brandt was born in Lanzo to a baker from Orvik.",
        "Ivo Brandt was born in Lanzo to a tailor from Tessaly.",
    ]
