"""A first-person ranking or comparison is checkable without a figure or a name: "we run more ferries than the
northern islands", "we have the largest wool fleet in the region" (first_person_comparison); a judgement ("the
best team") is not."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim


def test_a_comparison_with_than_is_a_claim_needing_context():
    claim = find_claim(extract("We run more ferries than the northern islands."), "more ferries")
    assert claim.text == "We run more ferries than the northern islands."
    assert claim.needs_context == ['first person "We"']


def test_a_superlative_ranking_is_a_claim():
    assert claims_text(extract("We have the largest wool fleet in the region.")) == [
        "We have the largest wool fleet in the region."
    ]


def test_a_superlative_judgement_is_not():
    assert claims_text(extract("We have the best team in the region.")) == []


def test_switched_off_a_comparison_without_a_figure_is_no_claim():
    with rules.disabled({"first_person_comparison"}):
        assert claims_text(extract("We run more ferries than the northern islands.")) == []
