"""A contracted "'d" is "had" before a participle and "would" otherwise when a claim is written out (rule
contracted_had); a contracted "'s" before a participle with an object is "has" (rule contracted_has)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.faithfulness import contraction, marker
from claims.extraction.parsing import load_nlp
from claims.extraction.pipeline.rendering import CONTRACTIONS

from .conftest import claims_text

TEXT = "Dana Reyes ran the Lanzo port until 2020. She'd raised its traffic by 40 percent by then."


def _contracted(text: str, form: str):
    return next(t for t in load_nlp()(text) if t.lower_ == form)


def test_d_before_a_participle_is_had_and_before_a_bare_verb_is_would():
    assert contraction(_contracted("She'd raised the fares by 2019.", "'d"), CONTRACTIONS) == "had"
    assert contraction(_contracted("They'd been warned twice.", "'d"), CONTRACTIONS) == "had"
    assert contraction(_contracted("She'd raise the fares again.", "'d"), CONTRACTIONS) == "would"


def test_d_before_a_participle_is_no_modal_but_before_a_bare_verb_it_is():
    assert marker(_contracted("She'd raised the fares by 2019.", "'d")) is None
    assert marker(_contracted("She'd raise the fares again.", "'d")) == "would"


def test_the_claim_reads_had_raised_with_the_name_for_the_pronoun():
    assert "Dana Reyes had raised its traffic by 40 percent by then." in claims_text(extract(TEXT))


def test_without_the_rule_the_name_was_glued_to_the_contraction():
    with rules.disabled({"contracted_had"}):
        assert "Dana Reyes'd raised its traffic by 40 percent by then." in claims_text(extract(TEXT))


def test_s_before_a_participle_with_an_object_is_has_and_without_one_is():
    assert contraction(_contracted("She's raised the fares twice since 2019.", "'s"), CONTRACTIONS) == "has"
    assert contraction(_contracted("It's closed to trucks since 2019.", "'s"), CONTRACTIONS) == "is"
    text = "Dana Reyes ran the Lanzo port until 2020. She's raised its fees by 40 percent since 2019."
    assert "Dana Reyes has raised its fees by 40 percent since 2019." in claims_text(extract(text))
