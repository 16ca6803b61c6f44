"""A coordinated verb whose subject is a clause opened by a wh-word, parsed as an adverbial clause, borrows no subject
from the first verb (rule wh_clause_subject): "…, but when it'll sail is still a question mark" gave "The Lanzo ferry
when it will sail is still a question mark"; the sentence now stays whole, in its own words."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.verbs import split_coordination
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

FERRY = "Hopefully the Lanzo ferry would be back in service by June, but when it'll sail is still a question mark."
COLE = "Ideally, Tom Cole would be back from his ankle injury by Sunday, but when he'll start is still a big question."


def test_the_sentence_stays_whole_in_its_own_words():
    assert claims_text(extract(FERRY)) == [FERRY.replace("it'll", "it will")]
    assert claims_text(extract(COLE)) == [COLE.replace("he'll", "he will")]


def test_the_rule_splits_no_verb_off():
    doc = load_nlp()(FERRY)
    clauses = split_coordination(doc, {t.i for t in doc})
    assert [clause.tokens for clause in clauses] == [[t.i for t in doc]]


def test_verbs_with_a_subject_to_share_are_still_split():
    text = "The Lanzo ferry was repaired in May and sailed to Orvik in June."
    assert claims_text(extract(text)) == [
        "The Lanzo ferry was repaired in May.",
        "The Lanzo ferry sailed to Orvik in June.",
    ]


def test_without_the_rule_the_first_subject_was_written_before_the_clause():
    with rules.disabled({"wh_clause_subject"}):
        claims = claims_text(extract(FERRY))
    assert "The Lanzo ferry when it will sail is still a question mark." in claims
