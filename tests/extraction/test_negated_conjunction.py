"""Verbs joined by "and" under one negation are denied together: "cannot sell the mill and keep his seat" is no
claim that he cannot sell the mill (rule negated_conjunction); "or" denies each, and still splits."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

TOGETHER = "Ivo Brandt cannot sell the Lanzo mill and keep his seat on the council."


def test_a_negation_over_and_keeps_the_statement_whole():
    texts = claims_text(extract(TOGETHER))
    assert texts == ["Ivo Brandt cannot sell the Lanzo mill and keep his seat on the council."]


def test_without_the_rule_each_verb_was_denied_alone():
    with rules.disabled({"negated_conjunction"}):
        texts = claims_text(extract(TOGETHER))
    assert "Ivo Brandt cannot sell the Lanzo mill." in texts


def test_a_negation_over_or_still_splits():
    texts = claims_text(extract("Ana Ruiz did not sign the Lanzo deal or attend the meeting in 2019."))
    assert "Ana Ruiz did not sign the Lanzo deal." in texts
    assert "Ana Ruiz did not attend the meeting in 2019." in texts


def test_coordinated_verbs_without_a_negation_still_split():
    texts = claims_text(extract("The Orvik choir was founded in 1921 and toured Canada in 1958."))
    assert texts == ["The Orvik choir was founded in 1921.", "The Orvik choir toured Canada in 1958."]
