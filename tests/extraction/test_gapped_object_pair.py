"""A second object with a phrase of its own, coordinated after a preposition's object, is not split into that object's
place (rule gapped_object_pair): "spent 24 million euros in the floods and 40 million euros on dikes" shares only the
verb; put in the first object's place it read "spent 24 million euros in the 40 million euros on dikes"."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.clause import Clause
from claims.extraction.decomposition.coordination import split_noun_coordination
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

GAPPED = "Lanzo spent 24 million euros in the two floods and 40 million euros on new dikes."


def test_the_sentence_stays_one_claim_in_its_own_words():
    assert claims_text(extract(GAPPED)) == [GAPPED]


def test_the_rule_gives_one_clause_of_the_whole_statement():
    doc = load_nlp()(GAPPED)
    clauses = split_noun_coordination(doc, Clause(tokens=[t.i for t in doc]))
    assert [clause.tokens for clause in clauses] == [[t.i for t in doc]]


def test_places_of_one_object_are_still_split():
    text = "Lanzo sold wool to Orvik and Varnes in 1990."
    assert claims_text(extract(text)) == ["Lanzo sold wool to Orvik in 1990.", "Lanzo sold wool to Varnes in 1990."]


def test_without_the_rule_the_second_object_was_written_into_the_first_ones_place():
    with rules.disabled({"gapped_object_pair"}):
        claims = claims_text(extract(GAPPED))
    assert "Lanzo spent 24 million euros in the 40 million euros on new dikes." in claims
