"""An abbreviation the article spelled out before the claim ("the Lanzo Ferry Authority (LFA)") and the claim leaves
bare flags it "needs context"; one the claim spells out itself, or one of general knowledge, does not (rule
defined_abbreviation)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import find_claim

ARTICLE = "Ivo Brandt chaired the Lanzo Ferry Board (LFB) from 1990 to 2001. The LFB cut 40 crossings in 2019."


def test_an_abbreviation_spelled_out_only_earlier_is_flagged():
    claim = find_claim(extract(ARTICLE), "40 crossings")
    assert claim.needs_context == ['abbreviation "LFB" is spelled out only earlier in the article']


def test_an_abbreviation_the_claim_spells_out_is_not_flagged():
    claim = find_claim(extract(ARTICLE), "chaired")
    assert claim.needs_context == []


def test_an_abbreviation_of_general_knowledge_is_not_flagged():
    text = "Norland joined the European Union (EU) in 1995. The EU fined Orvik Mills 40 million euros in 2019."
    claim = find_claim(extract(text), "fined Orvik Mills")
    assert claim.needs_context == []


def test_switched_off_the_claim_is_the_same_and_unflagged():
    flagged = find_claim(extract(ARTICLE), "40 crossings")
    with rules.disabled({"defined_abbreviation"}):
        plain = find_claim(extract(ARTICLE), "40 crossings")
    assert plain.text == flagged.text
    assert plain.needs_context == []
