"""A speaker's report of their own past words is on the record even when what they said is a promise: the whole
sentence is the claim, in its words, not decomposed and flagged for its speaker (rule own_past_speech)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim


def test_a_past_promise_the_speaker_reports_is_a_claim_of_the_whole_sentence():
    claim = find_claim(extract("I said in 2019 that we would cut the wool tax."), "wool tax")
    assert claim.text == "I said in 2019 that we would cut the wool tax."
    assert not claim.decomposed
    assert 'first person "I"' in claim.needs_context


def test_a_promise_said_now_is_still_no_claim():
    assert claims_text(extract("I say that we will cut the wool tax in 2025.")) == []


def test_what_someone_else_said_keeps_its_speaker_and_content():
    claim = find_claim(extract("Ana Ruiz said in 2019 that the Lanzo ferry carried 40,000 people."), "40,000")
    assert claim.speaker == "Ana Ruiz"
    assert not claim.text.startswith("Ana Ruiz said")


def test_switched_off_the_reported_promise_gives_no_claim():
    with rules.disabled({"own_past_speech"}):
        assert claims_text(extract("I said in 2019 that we would cut the wool tax.")) == []
