"""In a speaker's direct quotation the speaker is "I": a he/she the resolver gave the speaker's name stands for
someone else, and stays as written, flagged (rule quoted_speaker_pronoun)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import find_claim

TEXT = (
    'In the second half, Maria Keller was hit from behind. "I did not see him coming," Keller said. '
    '"He came off my back in the 60th minute."'
)


def test_a_he_in_the_speakers_own_words_is_not_the_speaker():
    claim = find_claim(extract(TEXT), "60th minute")
    assert claim.text == "He came off Maria Keller's back in the 60th minute."
    assert 'pronoun "He"' in claim.needs_context


def test_without_the_rule_the_speaker_came_off_their_own_back():
    with rules.disabled({"quoted_speaker_pronoun"}):
        claim = find_claim(extract(TEXT), "60th minute")
    assert claim.text == "Maria Keller came off Maria Keller's back in the 60th minute."


def test_a_he_in_reported_speech_may_still_be_the_speaker():
    text = "Maria Keller joined Lanzo Rovers in 2015. Keller said she scored 40 goals in 2019."
    claim = find_claim(extract(text), "40 goals")
    assert claim.text == "Maria Keller scored 40 goals in 2019."
    assert claim.speaker == "Maria Keller"
