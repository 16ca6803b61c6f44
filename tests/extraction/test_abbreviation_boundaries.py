"""No sentence ends at an abbreviation that a name or a number continues (rule abbreviation_boundaries): "the Rt.
Hon. Ivo Brandt" is one name in one sentence; "Atlanta, Ga. The old plant …" still ends a sentence."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.abbreviations import abbreviations
from claims.extraction.parsing import load_nlp

from .conftest import claims_text


def sentences(text: str) -> list[str]:
    return [s.text for s in load_nlp()(text).sents]


def test_a_title_tokenized_apart_from_its_full_stop_does_not_end_the_sentence():
    text = "The Lanzo council thanked the Rt. Hon. Ivo Brandt for 12 years of service in 2019."
    assert sentences(text) == [text]
    assert text in claims_text(extract(text))


def test_a_middle_initial_after_a_title_does_not_end_the_sentence():
    text = "The motion was moved by Hon. B. U. Brandt in the Lanzo council in 2019."
    assert sentences(text) == [text]


def test_an_abbreviation_before_a_name_without_a_verb_does_not_end_the_sentence():
    text = "The car maker showed a concept called the ID. Space Vizzion at the Lanzo show in 2019."
    assert sentences(text) == [text]


def test_a_number_abbreviation_before_a_number_stays_in_its_sentence():
    text = "The Varnes Lions won Game No. 3 by 12 points in 2019."
    assert sentences(text) == [text]


def test_a_state_abbreviation_before_a_new_sentence_still_ends_its_own():
    assert sentences("The firm moved to Atlanta, Ga. The old plant in Lanzo closed in 2019.") == [
        "The firm moved to Atlanta, Ga.",
        "The old plant in Lanzo closed in 2019.",
    ]


def test_a_state_abbreviation_before_a_subject_and_its_verb_still_ends_its_sentence():
    assert sentences("The firm moved to Atlanta, Ga. Police Chief Ana Ruiz welcomed it in 2019.") == [
        "The firm moved to Atlanta, Ga.",
        "Police Chief Ana Ruiz welcomed it in 2019.",
    ]


def test_without_the_rule_the_parser_cut_after_the_abbreviation():
    text = "The car maker showed a concept called the ID. Space Vizzion at the Lanzo show in 2019."
    with rules.disabled({"abbreviation_boundaries"}):
        assert sentences(text)[0] == "The car maker showed a concept called the ID."
        assert claims_text(extract(text)) == ["The car maker showed a concept called the ID."]
    assert claims_text(extract(text)) == [text]


def test_the_abbreviations_are_spacys_own_and_the_titles_it_lacks():
    known = abbreviations()
    assert {"Calif.", "Ga.", "Jr.", "Sen.", "Gov.", "Rt.", "Hon.", "Ft."} <= known
