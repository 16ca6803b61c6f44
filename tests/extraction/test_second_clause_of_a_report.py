"""A second clause that the parse hangs on a leading verb of saying is not glued onto what was said:
- rule contrast_apart: "X said A, but B" gives A said by X and B in the article's own voice;
- rule reporting_conjunct: "X said A and added that B" gives A and B, both said by X."""

from __future__ import annotations

from claims.extraction import attribution, extract, rules
from claims.extraction.parsing import load_nlp

CONTRAST = (
    "Mayor Ana Ruiz said the Lanzo bridge would reopen in May, but engineers found 40 cracks in the Varnes tunnel."
)
ADDED_ON_SAID = "Ivo Brandt said the Lanzo ferry lost 2 million euros, and added that fares would rise in June."
ADDED_ON_WHAT_WAS_SAID = "Ivo Brandt said the Lanzo ferry lost 2 million euros and added that fares would rise in June."


def _claims(text: str, off: set[str] = frozenset()) -> list[tuple[str, str]]:
    with rules.disabled(off):
        return [(c.text, c.speaker) for c in extract(text).claims]


def test_the_clause_after_but_is_the_articles_own():
    assert _claims(CONTRAST) == [
        ("The Lanzo bridge would reopen in May.", "Mayor Ana Ruiz"),
        ("Engineers found 40 cracks in the Varnes tunnel.", ""),
    ]


def test_the_attribution_ends_at_the_comma_and_hands_over_the_rest():
    doc = load_nlp()(CONTRAST)
    found = attribution.find(next(doc.sents))
    assert found is not None and found.second is not None
    assert doc[found.content[-1]].text == "May"
    assert [doc[i].text for i in found.second.content][:2] == ["engineers", "found"]
    assert not found.second.speaker_too


def test_without_the_rule_the_speaker_was_given_the_articles_clause():
    texts = _claims(CONTRAST, {"contrast_apart"})
    assert texts == [
        ("The Lanzo bridge would reopen in May, but engineers found 40 cracks in the Varnes tunnel.", "Mayor Ana Ruiz")
    ]


def test_a_second_report_after_but_is_no_claim_rather_than_a_wrong_one():
    text = "Ivo Brandt said the Lanzo ferry lost 2 million euros, but the council said the loss was smaller."
    assert _claims(text) == [("The Lanzo ferry lost 2 million euros.", "Ivo Brandt")]


def test_without_a_comma_the_reading_is_open_and_nothing_is_split_off():
    text = "Ivo Brandt said the Lanzo ferry lost 2 million euros but the Varnes council kept it running."
    doc = load_nlp()(text)
    found = attribution.find(next(doc.sents))
    assert found is not None and found.second is None
    assert {doc[i].text for i in found.content} >= {"lost", "kept"}


def test_a_clause_the_speaker_added_is_theirs_too():
    expected = [("The Lanzo ferry lost 2 million euros.", "Ivo Brandt"), ("Fares would rise in June.", "Ivo Brandt")]
    assert _claims(ADDED_ON_SAID) == expected
    assert _claims(ADDED_ON_WHAT_WAS_SAID) == expected


def test_without_the_rule_the_added_clause_was_given_the_wrong_subject():
    for text in (ADDED_ON_SAID, ADDED_ON_WHAT_WAS_SAID):
        texts = _claims(text, {"reporting_conjunct"})
        assert ("The Lanzo ferry added that fares would rise in June.", "Ivo Brandt") in texts
        assert ("Fares would rise in June.", "Ivo Brandt") not in texts


def test_a_person_who_could_have_added_it_keeps_the_parses_reading():
    text = "Ivo Brandt said Ana Ruiz lost the Varnes council vote and added that she would appeal."
    texts = [t for t, _ in _claims(text)]
    assert "Ana Ruiz lost the Varnes council vote." in texts
    assert "Ana Ruiz added that she would appeal." in texts
