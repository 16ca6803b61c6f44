"""A colon inside what someone says does not cut the statement: "X says A: B" reports "A: B", not only B
(rule colon_in_complement)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import find_claim

TEXT = "The report says the Lanzo harbour is 12 metres deep: deeper than any port in Norland."


def test_the_whole_reported_clause_is_the_claim():
    claim = find_claim(extract(TEXT), "12 metres deep")
    assert claim.text == "The Lanzo harbour is 12 metres deep: deeper than any port in Norland."
    assert claim.speaker == "the report"


def test_without_the_rule_the_words_after_the_colon_were_taken_for_the_statement():
    with rules.disabled({"colon_in_complement"}):
        claim = find_claim(extract(TEXT), "12 metres deep")
    assert claim.speaker == ""
