"""A piece of a relative clause cut off from the noun it is about, or the clause without its object "whom", is no
claim (rule relative_piece, claims/extraction/wellformed.py)."""

from __future__ import annotations

from claims.extraction import extract, rules, wellformed
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

BOTH_OF_WHOM = (
    "Tom Ek has worked with Ana Ruiz and Ivo Brandt, both of whom Maria Keller has had feuds with since 2015."
)
PIXELS = "The tower has new lamps, the individual pixels of which can be controlled by the Lanzo council."


def _tokens(text: str, first: str, last: str):
    doc = load_nlp()(text)
    start = next(t.i for t in doc if t.text == first)
    end = next(t.i for t in doc if t.text == last and t.i >= start)
    return list(doc[start : end + 1])


def test_the_clause_without_the_whom_it_needs_is_garbled():
    assert wellformed.garbled(_tokens(BOTH_OF_WHOM, "Maria", "2015"))


def test_a_relative_phrase_without_its_clause_is_garbled():
    assert wellformed.garbled(_tokens(BOTH_OF_WHOM, "Tom", "whom"))


def test_which_without_the_noun_it_stands_for_is_garbled():
    assert wellformed.garbled(_tokens(PIXELS, "the", "council"))


def test_the_main_clause_before_the_relative_phrase_is_well_formed():
    assert not wellformed.garbled(_tokens(BOTH_OF_WHOM, "Tom", "Brandt"))


def test_the_sentence_stays_whole_instead_of_two_garbled_pieces():
    assert claims_text(extract(BOTH_OF_WHOM)) == [BOTH_OF_WHOM]
    with rules.disabled({"relative_piece"}):
        texts = claims_text(extract(BOTH_OF_WHOM))
    assert "Maria Keller has had feuds with since 2015." in texts


def test_the_lamps_claim_stays_and_the_pixels_piece_goes():
    texts = claims_text(extract(PIXELS))
    assert "The tower has new lamps." in texts
    assert not any("of which" in text for text in texts)
