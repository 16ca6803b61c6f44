"""Spoken fillers ("uh", "um") and false starts repeated after a dash are blanked out before the parse (rule
spoken_fillers): the claim reads as the speaker meant it, and the offsets stay the article's."""

from __future__ import annotations

import pytest

from claims.extraction import extract, rules
from claims.extraction.segmentation import without_fillers

from .conftest import claims_text


@pytest.mark.parametrize(
    ("spoken", "meant"),
    [
        ("The Lanzo mill did not uh - close in 2019.", "The Lanzo mill did not close in 2019."),
        ("We have, um, cut the wool tax twice.", "We have cut the wool tax twice."),
        ("The ferry - uh - carried 41,000 passengers.", "The ferry carried 41,000 passengers."),
        ("In the -- in the last year the port lost 300 jobs.", "in the last year the port lost 300 jobs."),
    ],
)
def test_fillers_and_false_starts_are_blanked_and_every_offset_kept(spoken, meant):
    blanked = without_fillers(spoken)
    assert len(blanked) == len(spoken)
    assert " ".join(blanked.split()) == meant


@pytest.mark.parametrize("text", ["The Uhuru park opened in 1994.", "The museum holds 40 umbrellas.", "Drum - Roll"])
def test_words_that_only_contain_a_filler_stay(text):
    assert without_fillers(text) == text


def test_the_claim_of_a_sentence_with_a_filler_reads_without_it():
    text = "Our county lost uh - 300 jobs when the Lanzo mill closed in 1994."
    found = extract(text).claims
    assert any(c.text.startswith("Our county lost 300 jobs") for c in found), claims_text(extract(text))
    assert all(text[c.start : c.end] == c.sentence for c in found)  # the mention points at the article's words
    with rules.disabled({"spoken_fillers"}):
        assert not any(c.startswith("Our county lost 300 jobs") for c in claims_text(extract(text)))
