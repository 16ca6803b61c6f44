"""Only a verb that reports a statement names its speaker: "everything anybody said to the crew" describes a noun,
and "anybody" is no speaker (rule speaker_verb_not_modifier)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import find_claim

TEXT = "The Lanzo ferry was late in 2019, and everything anybody said to the crew was recorded."
# without the "and" (which rule speaker_own_clause also reads as a clause of its own)
THE_YEAR = "The Lanzo ferry was late in 2019, the year everything anybody said to the crew was recorded."


def test_a_verb_of_saying_inside_a_relative_clause_names_no_speaker():
    claim = find_claim(extract(TEXT), "late in 2019")
    assert claim.text == "The Lanzo ferry was late in 2019."
    assert claim.speaker == ""


def test_without_the_rule_anybody_was_taken_for_the_speaker():
    with rules.disabled({"speaker_verb_not_modifier"}):
        claim = find_claim(extract(THE_YEAR), "late in 2019")
    assert claim.speaker == "anybody"
    assert find_claim(extract(THE_YEAR), "late in 2019").speaker == ""


def test_a_trailing_said_still_names_the_speaker():
    claim = find_claim(extract("The Lanzo ferry was late in 2019, Ana Ruiz said."), "late in 2019")
    assert claim.speaker == "Ana Ruiz"
