"""Modals, negations and hedges of the source survive every rewrite: a claim that lost one governing its verb is
replaced by the sentence in its own words, flagged (rule modality_guard, faithfulness.lost_modality)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.faithfulness import lost_modality
from claims.extraction.parsing import load_nlp

from .conftest import claims_text, find_claim

NOT_CONFIRMED = "Ivo Brandt could not confirm that the Lanzo ferry carried 300 cars in 2019."


def test_a_negated_reporting_verb_keeps_the_whole_sentence_not_the_speakers_statement():
    claim = find_claim(extract(NOT_CONFIRMED), "300 cars")
    assert claim.text == NOT_CONFIRMED
    assert claim.speaker == ""
    assert claim.decomposed is False
    assert any('"not"' in gap for gap in claim.needs_context)
    with rules.disabled({"modality_guard"}):
        off = find_claim(extract(NOT_CONFIRMED), "300 cars")
    assert (off.text, off.speaker) == ("The Lanzo ferry carried 300 cars in 2019.", "Ivo Brandt")


def test_a_coordinated_verb_keeps_the_modal_it_shares():
    texts = claims_text(extract("The Orvik mill could close in 2025 and cut 300 jobs."))
    assert "The Orvik mill could cut 300 jobs." in texts
    assert "The Orvik mill cut 300 jobs." not in texts


def _parse(text):
    return load_nlp()(text)


def test_the_checker_names_a_modal_the_claim_lost():
    doc = _parse("The Orvik mill could face a fine of 2 million euros.")
    ids = [t.i for t in doc]
    assert lost_modality(doc, ids, "The Orvik mill faces a fine of 2 million euros.", ids) == ["could"]
    assert lost_modality(doc, ids, "The Orvik mill could face a fine of 2 million euros.", ids) == []


def test_the_checker_names_a_lost_negation_and_a_lost_hedge():
    doc = _parse("The Lanzo council reportedly did not sign the contract.")
    ids = [t.i for t in doc]
    assert lost_modality(doc, ids, "The Lanzo council signed the contract.", ids) == ["reportedly", "not"]


def test_the_checker_names_a_lost_plan():
    doc = _parse("The Lanzo council plans to build a bridge in 2026.")
    claim_ids = [t.i for t in doc if t.lower_ not in ("plans", "to")]
    assert lost_modality(doc, claim_ids, "The Lanzo council builds a bridge in 2026.", [t.i for t in doc]) == ["plans"]


def test_generic_you_leaves_a_sentence_with_an_adverb_before_its_verb():
    texts = claims_text(extract("You can loosely call the Lanzo race the Orvik Derby."))
    assert "The Lanzo race can be called the Orvik Derby." not in texts
    assert "Amber can be found on the beaches of Lanzo." in claims_text(
        extract("You can find amber on the beaches of Lanzo.")
    )
