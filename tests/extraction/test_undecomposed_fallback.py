"""A factual sentence no decomposition rule understands still gives a claim, marked "not decomposed"."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim


def test_a_sentence_whose_clauses_are_too_short_alone_is_kept_whole_and_marked():
    result = extract("The harbour froze and the ferries stopped.")
    claim = find_claim(result, "The harbour froze and the ferries stopped")
    assert claim is not None
    assert claim.decomposed is False


def test_without_the_fallback_the_sentence_is_lost():
    with rules.disabled({"undecomposed_fallback"}):
        assert claims_text(extract("The harbour froze and the ferries stopped.")) == []


def test_a_decomposed_sentence_is_not_marked():
    result = extract("The Orvik choir was founded in 1921 and toured Canada in 1958.")
    assert result.claims and all(c.decomposed for c in result.claims)


def test_a_question_is_not_kept_whole():
    assert claims_text(extract("Did the harbour freeze and did the ferries stop in 2019?")) == []
