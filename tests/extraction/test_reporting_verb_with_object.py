"""A verb of saying with an amount or a thing for its object reports no speech (rule reporting_verb_with_object):
"…, the Varnes index added 20 points" names no speaker and is a claim of its own, not a '…, X added' attribution
that cut the clause away and named the index as who said the rest."""

from __future__ import annotations

from claims.extraction import attribution, extract, rules
from claims.extraction.parsing import load_nlp

MARKET = "Shares of Lanzo Mills fell 2 percent, the Orvik index lost 1.8 points and the Varnes index added 20 points."


def test_each_market_move_is_a_claim_without_a_speaker():
    claims = extract(MARKET).claims
    assert [c.text for c in claims] == [
        "The Orvik index lost 1.8 points.",
        "The Varnes index added 20 points.",
        "Shares of Lanzo Mills fell 2 percent.",
    ]
    assert {c.speaker for c in claims} == {""}


def test_the_sentence_has_no_attribution():
    sent = next(load_nlp()(MARKET).sents)
    assert attribution.find(sent) is None


def test_a_trailing_speaker_told_whom_is_still_a_speaker():
    found = extract("The Orvik ferry runs 40 times a day, the mayor told reporters.").claims
    assert [(c.text, c.speaker) for c in found] == [("The Orvik ferry runs 40 times a day.", "the mayor")]


def test_without_the_rule_the_index_was_the_speaker_and_its_move_was_lost():
    with rules.disabled({"reporting_verb_with_object"}):
        claims = extract(MARKET).claims
    assert [(c.text, c.speaker) for c in claims] == [("Shares of Lanzo Mills fell 2 percent.", "the Varnes index")]
