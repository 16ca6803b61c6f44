"""Who said it: the speaker is the head of the speaker phrase, not a name inside its relative clause, and a person
who was told something is not where it was reported (rules speaker_core, told_person_not_source)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.parsing import load_nlp
from claims.extraction.pipeline.statements import speaker_core

from .conftest import find_claim


def test_a_relative_clause_after_the_speaker_does_not_name_the_speaker():
    text = '"We closed 40 shops in 2020," added Varga, who is also a director at Orvik Bank.'
    claim = find_claim(extract(text), "40 shops")
    assert claim.speaker == "Varga"
    with rules.disabled({"speaker_core"}):
        assert find_claim(extract(text), "40 shops").speaker == "Orvik Bank"  # what the rule prevents


def test_the_speaker_core_cuts_the_phrase_before_its_relative_clause():
    doc = load_nlp()("Tomas Varga, who sits on the board of Orvik Bank, said so.")
    subject = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
    span = doc[min(t.i for t in subject.subtree) : max(t.i for t in subject.subtree) + 1]
    assert speaker_core(span).text == "Tomas Varga"


def test_a_speaker_phrase_without_a_relative_clause_is_kept_whole():
    doc = load_nlp()("The port's director said so.")
    span = doc[0:4]
    assert speaker_core(span).text == "The port's director"


def test_telling_a_person_cites_no_source_but_telling_a_paper_does():
    told_person = find_claim(extract("The mill employed 300 people in 1950, Ana Ruiz told John Smith."), "300 people")
    told_paper = find_claim(
        extract("The mill employed 300 people in 1950, Ana Ruiz told the Lanzo Herald."), "300 people"
    )
    assert (told_person.speaker, told_person.cited_source) == ("Ana Ruiz", "")
    assert told_paper.cited_source == "the Lanzo Herald"
