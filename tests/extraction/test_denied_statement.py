"""What a speaker denies is not the speaker's statement: the sentence stays in its own words, flagged (rule
denied_statement, claims/extraction/faithfulness.lost_in_report)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.faithfulness import lost_in_report
from claims.extraction.parsing import load_nlp

from .conftest import find_claim

DENIES = "The Orvik bank denies that it sold the Lanzo mill to Tessaly in 2019."


def test_the_denying_verb_is_what_a_claim_of_the_statement_alone_would_lose():
    doc = load_nlp()(DENIES)
    verb = next(t for t in doc if t.lemma_ == "deny")
    content = [t.i for t in doc if t.i > verb.i + 1]
    assert lost_in_report(verb, content) == ["denies"]


def test_a_plain_verb_of_saying_loses_nothing():
    doc = load_nlp()("The Orvik bank says that it sold the Lanzo mill to Tessaly in 2019.")
    verb = next(t for t in doc if t.lemma_ == "say")
    assert lost_in_report(verb, [t.i for t in doc if t.i > verb.i + 1]) == []


def test_a_denied_statement_is_kept_in_the_sentences_words_without_a_speaker():
    claim = find_claim(extract(DENIES), "Lanzo mill")
    assert claim.text == DENIES
    assert claim.speaker == ""
    assert any('"denies"' in gap for gap in claim.needs_context)


def test_a_trailing_denial_is_kept_whole_too():
    text = "Ana Ruiz sold the Lanzo mill in 2019, the Orvik bank denied."
    claim = find_claim(extract(text), "Lanzo mill")
    assert claim.text == text


def test_without_the_rule_the_denied_statement_became_the_speakers_claim():
    with rules.disabled({"denied_statement"}):
        claim = find_claim(extract(DENIES), "Lanzo mill")
    assert claim.text == "The Orvik bank sold the Lanzo mill to Tessaly in 2019."
