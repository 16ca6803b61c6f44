"""A pronoun is replaced only by a whole noun phrase (rule antecedent_phrase): words cut at a comma before their noun
("The old, rusty ferry" read as "The old"), broken by words the parse left out, or holding a finite verb would garble
the claim; the pronoun stays instead, flagged 'needs context'."""

from __future__ import annotations

from claims.extraction import extract
from claims.extraction.decontextualisation.subjects import whole_noun_phrase
from claims.extraction.parsing import load_nlp

from .conftest import claim_with_rule_and_without, claims_text

CUT_AT_COMMA = "The old, rusty Lanzo ferry sailed to Tessaly in 1990. It is the largest ferry of the Orvik line."


def test_a_subject_cut_before_its_noun_is_no_antecedent():
    claim = next(c for c in extract(CUT_AT_COMMA).claims if "largest ferry" in c.text)
    assert claim.text == "It is the largest ferry of the Orvik line."
    assert 'pronoun "It"' in claim.needs_context


def test_the_sentence_that_named_the_subject_is_unchanged():
    assert "The old, rusty Lanzo ferry sailed to Tessaly in 1990." in claims_text(extract(CUT_AT_COMMA))


def test_a_whole_subject_is_still_the_antecedent():
    text = "The rusty Lanzo ferry sailed to Tessaly in 1990. It is the largest ferry of the Orvik line."
    assert "The rusty Lanzo ferry is the largest ferry of the Orvik line." in claims_text(extract(text))


def test_without_the_rule_the_cut_words_stood_for_the_pronoun():
    with_rule, without = claim_with_rule_and_without(CUT_AT_COMMA, "largest ferry", "antecedent_phrase")
    assert with_rule.text == "It is the largest ferry of the Orvik line."
    assert without.text == "The old is the largest ferry of the Orvik line."


def test_whole_noun_phrases_are_told_from_broken_ones():
    doc = load_nlp()("The old, rusty Lanzo ferry that Ana Ruiz bought sailed to Tessaly.")
    ferry = next(t for t in doc if t.text == "ferry")
    assert whole_noun_phrase([doc[3], doc[4], ferry], ferry)  # rusty Lanzo ferry
    assert not whole_noun_phrase([doc[0], doc[1]], ferry)  # "The old": the noun is missing
    assert not whole_noun_phrase([doc[0], doc[3], ferry], ferry)  # "The Lanzo ferry": a gap in the words
    assert not whole_noun_phrase([doc[4], ferry, doc[6], doc[7], doc[8], doc[9]], ferry)  # a clause with its verb
