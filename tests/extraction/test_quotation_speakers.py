"""A quotation is someone's words: a quoted sentence that names no one takes the speaker quoted just before it
(rule quotation_continued), and one whose speaker cannot be found is no claim (rule unattributed_quotation)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import find_claim

CONTINUED = (
    '"We carried 41,000 passengers in 2019," Ana Ruiz said. "The Tessaly line lost 12 crossings to storms in 2020. '
    'It reopened in March 2021."'
)
NEXT_PARAGRAPH = (
    '"The Varnes ferry carried 41,000 passengers in 2019," Ana Ruiz said.\n\n"It lost 12 crossings in 2020."'
)
OPEN_PARAGRAPH = 'Ana Ruiz said on Monday: "Our ferries are too old. The fleet carried 41,000 passengers in 2019.\n\n"The Tessaly line lost 12 crossings to storms in 2020."'
UNNAMED = 'The Brenholt mill closed in 1994. Workers gathered at the gate. "The owners sold the looms to Tessaly."'


def test_a_quoted_sentence_after_a_named_quotation_is_the_same_speakers():
    claim = find_claim(extract(CONTINUED), "12 crossings")
    assert claim.text == "The Tessaly line lost 12 crossings to storms in 2020."
    assert claim.speaker == "Ana Ruiz"
    assert claim.is_direct_quote


def test_the_sentence_that_closes_the_continued_quotation_is_hers_too():
    claim = find_claim(extract(CONTINUED), "reopened in March 2021")
    assert claim.speaker == "Ana Ruiz"


def test_a_paragraph_that_is_only_a_quotation_goes_on_quoting_the_last_paragraphs_speaker():
    claim = find_claim(extract(NEXT_PARAGRAPH), "12 crossings")
    assert claim.speaker == "Ana Ruiz"


def test_a_quotation_opened_after_said_and_left_open_at_the_paragraph_end_is_the_speakers():
    result = extract(OPEN_PARAGRAPH)
    assert find_claim(result, "41,000 passengers").speaker == "Ana Ruiz"
    assert find_claim(result, "12 crossings").speaker == "Ana Ruiz"


def test_without_the_rule_the_continued_quotation_had_no_speaker():
    with rules.disabled({"quotation_continued", "unattributed_quotation"}):
        claim = find_claim(extract(NEXT_PARAGRAPH), "12 crossings")
    assert claim.text == "It lost 12 crossings in 2020."
    assert claim.speaker == ""


def test_a_quotation_nobody_is_named_for_gives_no_claim():
    result = extract(UNNAMED)
    assert find_claim(result, "Brenholt mill closed in 1994") is not None
    assert find_claim(result, "sold the looms") is None


def test_without_the_rule_the_unnamed_quotation_was_the_articles_own_claim():
    with rules.disabled({"unattributed_quotation"}):
        claim = find_claim(extract(UNNAMED), "sold the looms")
    assert claim.speaker == ""


def test_a_stray_quotation_mark_inside_a_sentence_does_not_silence_the_paragraph_after_it():
    text = 'A ferry came in called "Orvik ("North Star"). Ana Ruiz bought the Orvik ferry for 2 million euros in 2019.'
    claim = find_claim(extract(text), "2 million euros")
    assert claim is not None
    assert claim.speaker == ""
