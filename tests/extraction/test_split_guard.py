"""A decomposition is kept only when every part that is a clause is a whole one; otherwise the statement stays
whole, marked "not decomposed" (rule split_guard, off by default, faithfulness.sure_split)."""

from __future__ import annotations

import pytest

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim

GROUP = "The Lanzo ferry was late, the Tessaly bus left early and the Orvik train arrived, all carrying 300 people."
BRACKET = (
    "The Brenholt museum is a place of calm (and since 2019, the Orvik choir has sung there on Sundays), "
    "but it is closed in winter."
)


@pytest.fixture(autouse=True)
def split_guard_on():
    with rules.enabled({"split_guard"}):  # off by default (see rules/decomposition.py): measured, and switched on here
        yield


def test_an_all_that_stood_for_the_whole_group_keeps_the_statement_whole():
    claim = find_claim(extract(GROUP), "all carrying 300 people")
    assert claim.text == GROUP
    assert claim.decomposed is False
    with rules.disabled({"split_guard"}):
        assert "The Orvik train arrived, all carrying 300 people." in claims_text(extract(GROUP))


def test_a_part_cut_out_of_a_parenthesis_keeps_the_statement_whole():
    texts = claims_text(extract(BRACKET))
    assert BRACKET in texts
    assert not any(t.endswith("(.") or t.endswith("Sundays).") for t in texts)


def test_a_plain_coordination_is_still_split():
    texts = claims_text(extract("The Orvik choir was founded in 1921 and toured Canada in 1958."))
    assert texts == ["The Orvik choir was founded in 1921.", "The Orvik choir toured Canada in 1958."]


def test_a_relative_clause_the_parse_cut_short_is_not_split_off():
    text = "Every player of Orvik Quest has a stamina bar, which drains the more blows are parried."
    texts = claims_text(extract(text))
    assert "Every player of Orvik Quest has a stamina bar, which drains the more blows are parried." in texts
    assert not any(t.startswith("A stamina bar drains") for t in texts)


def test_instead_of_opening_a_clause_is_kept():
    text = "The Orvik mill has a 40-metre chimney, and instead of the boiler being heated by coal, it burns wood."
    assert any(t.startswith("Instead of the boiler being heated by coal") for t in claims_text(extract(text)))
