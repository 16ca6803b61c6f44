"""Rule quote_end_boundary: a sentence ends after a quotation's closing marks when a sentence-opening word follows; the
quoted words are no longer glued to the next sentence."""

from __future__ import annotations

from claims.extraction import quote_boundaries, rules
from claims.extraction.parsing import load_nlp

from .conftest import texts_with_rules_off

NESTED = (
    "\"I told the crew: 'We finish the Lanzo bridge by May if it kills us!'\" Not long after that, Ana Ruiz bought a "
    "house in Varnes."
)


def test_the_next_sentence_is_a_claim_of_its_own():
    assert "Not long after that, Ana Ruiz bought a house in Varnes." in texts_with_rules_off(NESTED)
    assert not any("kills us" in t and "Varnes" in t for t in texts_with_rules_off(NESTED))


def test_without_the_rule_the_quotation_ran_into_the_next_sentence():
    texts = texts_with_rules_off(NESTED, {"quote_end_boundary"})
    assert any("kills us" in t and "bought a house in Varnes" in t for t in texts)


def test_the_parser_is_told_where_the_sentence_starts():
    doc = load_nlp()(NESTED)
    starts = [s[0].text for s in doc.sents]
    assert starts == ['"', "Not"]
    with rules.disabled({"quote_end_boundary"}):
        assert [s[0].text for s in load_nlp()(NESTED).sents] == ['"']


def test_a_name_or_pronoun_after_the_marks_may_begin_the_speaker_and_is_never_marked():
    for text, marked in (
        ('"The Lanzo bridge will reopen by May!" Ana Ruiz told the Varnes council in 2019.', None),
        ('"The Lanzo bridge will reopen by May!" She told the Varnes council in 2019.', None),
        ('"The Lanzo bridge will reopen by May!" But the Varnes council voted against it in 2019.', "But"),
    ):
        doc = load_nlp()(text)
        bang = next(t for t in doc if t.text == "!")
        after = quote_boundaries._after_closed_quotation(doc, bang)
        assert (after.text if after is not None else None) == marked


def test_an_apostrophe_opens_nothing():
    doc = load_nlp()("The council's plan failed. The mayor's office blamed the Varnes ferry company.")
    assert [s[0].text for s in doc.sents] == ["The", "The"]
