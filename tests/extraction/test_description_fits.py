"""An opening 'this/these <noun>' is named by a fuller phrase a sentence before only when it fits (rule
description_fits): not a date or time ("This year" is a relative date, not "the recent years"), and not a phrase of
another number ("This ferry" is not "the old ferries")."""

from __future__ import annotations

from claims.extraction import extract

from .conftest import claim_with_rule_and_without, claims_text

TIME = "Lanzo built new piers in recent years. This year, the Lanzo council banned cars from the old harbour."
NUMBER = "The Lanzo council inspected the old ferries in May. This ferry carries 300 cars a day across the bay."


def test_this_year_is_not_named_by_an_earlier_phrase_about_years():
    assert "This year, the Lanzo council banned cars from the old harbour." in claims_text(extract(TIME))


def test_this_year_is_written_out_as_a_date_when_the_article_has_one():
    import datetime as dt

    claims = claims_text(extract(TIME, published=dt.date(2019, 6, 3)))
    assert "In 2019, the Lanzo council banned cars from the old harbour." in claims


def test_a_singular_noun_is_not_named_by_a_plural_phrase():
    assert "This ferry carries 300 cars a day across the bay." in claims_text(extract(NUMBER))


def test_a_phrase_of_the_same_number_still_names_it():
    text = "The Lanzo council inspected an old wooden ferry in May. This ferry carries 300 cars a day across the bay."
    assert "The old wooden ferry carries 300 cars a day across the bay." in claims_text(extract(text))


def test_without_the_rule_the_descriptions_garbled_the_claims():
    with_rule, without = claim_with_rule_and_without(TIME, "banned cars", "description_fits")
    assert with_rule.text == "This year, the Lanzo council banned cars from the old harbour."
    assert without.text == "The recent years, the Lanzo council banned cars from the old harbour."
    with_rule, without = claim_with_rule_and_without(NUMBER, "300 cars", "description_fits")
    assert without.text == "The old ferries carries 300 cars a day across the bay."
