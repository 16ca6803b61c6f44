"""A speaker whose head noun is hyphenated is named whole (rule hyphenated_speaker): the parser cuts "co-founder"
into three subjects of "said", and the speaker was the words hanging on the first piece ("the firm's co")."""

from __future__ import annotations

from claims.extraction import extract, rules

LEADING = "The Lanzo mill's co-founder said Lanzo had 300 weavers in 1950."
TRAILING = "Lanzo had 300 weavers in 1950, the Lanzo mill's co-founder said."


def speakers(text: str) -> dict[str, str]:
    return {c.text: c.speaker for c in extract(text).claims}


def test_a_leading_hyphenated_speaker_is_named_whole():
    assert speakers(LEADING) == {"Lanzo had 300 weavers in 1950.": "the Lanzo mill's co-founder"}


def test_a_trailing_hyphenated_speaker_is_named_whole():
    assert speakers(TRAILING) == {"Lanzo had 300 weavers in 1950.": "the Lanzo mill's co-founder"}


def test_a_speaker_without_a_hyphen_is_unchanged():
    text = "The Lanzo mill's founder said Lanzo had 300 weavers in 1950."
    assert speakers(text) == {"Lanzo had 300 weavers in 1950.": "the Lanzo mill's founder"}


def test_without_the_rule_the_speaker_was_cut_at_the_hyphen():
    with rules.disabled({"hyphenated_speaker"}):
        found = speakers(LEADING)
    assert found == {"Lanzo had 300 weavers in 1950.": "the Lanzo mill's co"}


def test_an_inverted_hyphenated_speaker_is_the_person_and_their_description_a_claim():
    text = "Rain falls on Lanzo every day of the year, said study co-author Sarah Miller, a Varnes scientist."
    claims = extract(text).claims
    assert [(c.text, c.speaker) for c in claims] == [
        ("Rain falls on Lanzo every day of the year.", "Sarah Miller"),
        ("Sarah Miller is a Varnes scientist.", ""),
    ]
