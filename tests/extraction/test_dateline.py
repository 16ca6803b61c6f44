"""A dateline (a place, perhaps its country, a date or an agency, then a colon or a dash) is cut from the first
sentence of an article or a paragraph; lower-case words before a dash are the sentence itself, not a place."""

from __future__ import annotations

import pytest

from claims.extraction import extract
from claims.extraction.segmentation import DATELINE

from .conftest import claims_text


@pytest.mark.parametrize(
    "opening",
    ["LANZO, Varnesland - ", "Lanzo: ", "PORT ORVIK (Reuters) - ", "Rio de Lanzo - ", "St. Orvik, March 3 (AP) -- "],
)
def test_a_place_before_a_colon_or_a_dash_is_a_dateline(opening):
    assert DATELINE.match(opening + "The ferry company carried 41,000 passengers in 2019.")


@pytest.mark.parametrize("opening", ["Our county lost uh - ", "The mayor said - and I quote - ", "We've seen - "])
def test_lower_case_words_before_a_dash_are_no_dateline(opening):
    assert not DATELINE.match(opening + "300 jobs in 1994.")


def test_a_sentence_with_a_dash_after_its_verb_keeps_its_subject_and_verb():
    claims = claims_text(
        extract("The Orvik county lost - by the mayor's count - 300 jobs when the mill closed in 1994.")
    )
    assert any(c.startswith("The Orvik county lost") and "300 jobs" in c for c in claims), claims


def test_a_dateline_is_still_cut():
    claims = claims_text(extract("LANZO, Varnesland - The Lanzo ferry company carried 41,000 passengers in 2019."))
    assert "The Lanzo ferry company carried 41,000 passengers in 2019." in claims
