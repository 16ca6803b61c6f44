"""Rule name_with_and: coordinated nouns the entity tagger reads as one name are not split into two things."""

from claims.extraction import extract, rules

TEXT = "After a long stretch of being unavailable, the Red and Blue Edition is back in stock on Amazon."


def _texts(text: str, off: frozenset = frozenset()) -> list[str]:
    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


def test_a_name_with_and_in_it_stays_whole():
    assert _texts(TEXT) == [TEXT]


def test_with_the_rule_off_the_name_is_cut_in_two():
    texts = _texts(TEXT, frozenset({"name_with_and"}))
    assert "After a long stretch of being unavailable, the Red is back in stock on Amazon." in texts


def test_two_names_are_still_two_claims():
    assert _texts("Norway and Sweden signed the Oslo fishing treaty in 2019.") == [
        "Norway signed the Oslo fishing treaty in 2019.",
        "Sweden signed the Oslo fishing treaty in 2019.",
    ]


def _coordination(words: list[str], ents: list[tuple[int, int, str]]):
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_surnames_of_people_named_earlier_are_two_people_whatever_the_tagger_says():
    from claims.extraction.decomposition.coordination import _one_thing

    words = ["Ivo", "Lind", "left", ".", "Ana", "Moss", "stayed", ".", "Lind", "and", "Moss", "played"]
    as_one = _coordination(words, [(0, 2, "PERSON"), (4, 6, "PERSON"), (8, 11, "ORG")])
    assert _one_thing(as_one, as_one[8], [as_one[10]]) is False
    unknown = _coordination(words, [(8, 11, "ORG")])  # no one of those names met: one name
    assert _one_thing(unknown, unknown[8], [unknown[10]]) is True
