"""A bare "the company", "the agency" … is the organisation the article said is of that kind, only when no other
organisation named before it could be meant (rule introduced_kind)."""

from __future__ import annotations

import datetime as dt

from claims.extraction import extract, rules

from .conftest import find_claim

PUBLISHED = dt.date(2022, 7, 14)
FERRY = (
    "Orvik Lines, a ferry company, opened a route to Lanzo in 2019. The route has four stops. Tickets cost 12 euros. "
    "The company carried 40,000 passengers in 2020."
)


def _claim(text: str, words: str):
    return find_claim(extract(text, published=PUBLISHED, language="en"), words)


def test_the_company_is_the_organisation_introduced_as_a_company():
    claim = _claim(FERRY, "40,000 passengers")
    assert claim.text == "Orvik Lines carried 40,000 passengers in 2020."
    assert claim.needs_context == []


def test_a_company_suffix_says_the_kind():
    text = "Brenn Corp opened a route to Lanzo in 2019. The route has four stops. The company sold 40 ferries in 2020."
    assert _claim(text, "40 ferries").text == "Brenn Corp sold 40 ferries in 2020."


def test_another_organisation_named_before_it_leaves_the_company_flagged():
    text = (
        "Orvik Lines, a ferry company, opened a route to Lanzo in 2019. Kessel Mills bought four ferries in 2018. "
        "Tickets cost 12 euros. The company carried 40,000 passengers in 2020."
    )
    claim = _claim(text, "40,000 passengers")
    assert claim.text == "The company carried 40,000 passengers in 2020."
    assert claim.needs_context == ['"the company" not introduced']


KESSEL = "Kessel Mills opened a route to Lanzo in 2019. Tickets cost 12 euros. The company sold 40 ferries in 2020."


def test_one_organisation_never_said_to_be_a_company_is_no_answer():
    claim = _claim(KESSEL, "40 ferries")
    assert claim.text == "The company sold 40 ferries in 2020."
    assert claim.needs_context == ['"the company" not introduced']


def test_switched_off_the_nearest_organisation_is_taken_for_the_company():
    with rules.disabled({"introduced_kind"}):
        assert _claim(KESSEL, "40 ferries").text == "Kessel Mills sold 40 ferries in 2020."


def test_switched_off_the_company_stays_flagged():
    with rules.disabled({"introduced_kind"}):
        claim = _claim(FERRY, "40,000 passengers")
    assert claim.text == "The company carried 40,000 passengers in 2020."
    assert claim.needs_context == ['"the company" not introduced']


def test_a_shorter_name_of_the_same_organisation_is_no_other_candidate():
    text = (
        "Brenn Corp opened a route to Lanzo in 2019. The route has four stops. Brenn's ferries carry 40 cars. "
        "The company sold 40 ferries in 2020."
    )
    assert _claim(text, "40 ferries").text == "Brenn Corp sold 40 ferries in 2020."
