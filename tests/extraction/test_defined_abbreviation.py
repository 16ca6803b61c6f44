"""An abbreviation the article spelled out before the claim ("a cargo levy fund (CLF)") and the claim leaves
bare flags it "needs context"; one the claim spells out itself, or one of general knowledge, does not (rule
defined_abbreviation)."""

from __future__ import annotations

from claims.extraction import extract

from .conftest import claim_with_rule_and_without, find_claim

# a long form in lower case: no alias the pipeline would write in for the abbreviation
ARTICLE = "Lanzo created a cargo levy fund (CLF) in 1990. The CLF paid 40 million euros to Orvik in 2019."


def test_an_abbreviation_spelled_out_only_earlier_is_flagged():
    claim = find_claim(extract(ARTICLE), "40 million euros")
    assert claim.needs_context == ['abbreviation "CLF" is spelled out only earlier in the article']


def test_an_abbreviation_the_claim_spells_out_is_not_flagged():
    claim = find_claim(extract(ARTICLE), "created a cargo levy fund")
    assert claim.needs_context == []


def test_an_abbreviation_of_general_knowledge_is_not_flagged():
    text = "Norland joined the European Union (EU) in 1995. The EU fined Orvik Mills 40 million euros in 2019."
    claim = find_claim(extract(text), "fined Orvik Mills")
    assert claim.needs_context == []


def test_switched_off_the_claim_is_the_same_and_unflagged():
    flagged, plain = claim_with_rule_and_without(ARTICLE, "40 million euros", "defined_abbreviation")
    assert plain.text == flagged.text
    assert plain.needs_context == []


def test_a_plural_abbreviation_naming_a_kind_is_not_flagged():
    text = "Lanzo opened two cargo levy offices (CLOs) in 1990. Orvik closed 40 CLOs in 2019."
    claim = find_claim(extract(text), "closed 40")
    assert claim.needs_context == []
