"""A first-person past action done to something is a record a fact-checker can look up, even with no figure or
name ("I did not vote for the wool levy"); what the speaker saw, heard, said or went through is not
(first_person_record with past_record_verbs)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.fragments import past_record
from claims.extraction.parsing import load_nlp

from .conftest import claims_text, find_claim


def _tokens(text: str):
    return list(load_nlp()(text))


def test_a_past_carried_by_did_is_a_record():
    assert past_record(_tokens("I did not vote for the wool levy."))
    with rules.disabled({"past_record_verbs"}):
        assert not past_record(_tokens("I did not vote for the wool levy."))


def test_a_verb_as_what_was_done_is_a_record_but_a_habit_is_not():
    assert past_record(_tokens("We voted to close the old harbour."))
    assert not past_record(_tokens("I used to work at the old harbour."))


def test_what_the_speaker_saw_said_or_went_through_is_no_record():
    assert past_record(_tokens("We raised the fuel duty."))
    assert not past_record(_tokens("I talked to a farmer about the fuel duty."))
    assert not past_record(_tokens("We saw a change in the fuel market."))
    assert not past_record(_tokens("I took on that fight."))


def test_a_first_person_record_is_a_claim_flagged_for_its_speaker():
    claim = find_claim(extract("I did not vote for the wool levy."), "wool levy")
    assert claim.text == "I did not vote for the wool levy."
    assert claim.needs_context == ['first person "I"']
    assert claims_text(extract("I talked to a farmer about the wool levy.")) == []
