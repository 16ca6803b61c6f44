"""A trailing series of participles is made finite whole, in the number of the subject's head noun (rule
participle_series); coordinated phrases under a likeness or difference are not split (rule symmetric_predicate)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.clause import Clause
from claims.extraction.decomposition.coordination import split_prepositional_coordination
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

SERIES = (
    "The Varnes council has sharpened its tone with other towns, publicly threatening them with fines and suggesting "
    "it might leave some partners behind."
)
SEPARATE = "Ana Ruiz saw the investigations into the ferry deal and into the harbour loan as separate."


def test_each_participle_of_the_series_is_made_finite_in_the_head_nouns_number():
    texts = claims_text(extract(SERIES))
    assert (
        "The Varnes council publicly threatens them with fines and suggests it might leave some partners behind."
        in (texts)
    )
    with rules.disabled({"participle_series"}):
        assert any("threaten them with fines and suggesting" in t for t in claims_text(extract(SERIES)))


def test_a_difference_between_two_phrases_stays_one_claim():
    assert claims_text(extract(SEPARATE)) == [SEPARATE]
    doc = load_nlp()(SEPARATE)
    clause = Clause(tokens=[t.i for t in doc])
    assert len(split_prepositional_coordination(doc, clause)) == 1
    with rules.disabled({"symmetric_predicate"}):
        assert len(split_prepositional_coordination(doc, clause)) == 2


def test_coordinated_places_without_a_likeness_are_still_split():
    texts = claims_text(extract("Moss grows on Lanzo and on Tessaly."))
    assert len(texts) == 2


def test_the_number_is_the_one_the_main_verb_agrees_in():
    text = (
        "As temperatures drop, some of the poorer residents of Varnes are burning fires for heating, sending dust and "
        "ash into the harbour."
    )
    assert "Some of the poorer residents of Varnes send dust and ash into the harbour." in claims_text(extract(text))
