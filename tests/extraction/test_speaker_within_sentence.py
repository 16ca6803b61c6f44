"""A speaker phrase is words of its own sentence: a time stamp or heading line the parse hung on the subject
above a paragraph break is no part of who speaks (rule speaker_within_sentence)."""

from __future__ import annotations

from claims.extraction import extract, rules

TEXT = "4:14 p.m.\n\nA Lanzo transit chief says a man has been hurt on a Norland commuter train during a fight."


def test_the_speaker_is_only_the_words_of_the_sentence():
    claim = extract(TEXT).claims[0]
    assert claim.text == "A man has been hurt on a Norland commuter train during a fight."
    assert claim.speaker == "a Lanzo transit chief"


def test_without_the_rule_the_time_stamp_was_glued_to_the_speaker():
    with rules.disabled({"speaker_within_sentence"}):
        claim = extract(TEXT).claims[0]
    assert claim.speaker.startswith("4:14 p.m.")
