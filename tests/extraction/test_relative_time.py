"""Relative time the publication date settles is written out as dates; what it does not settle stays and is flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction import extract, rules

from .conftest import find_claim

THURSDAY = dt.date(2022, 7, 14)


def _claim(text: str, words: str, published: dt.date | None = THURSDAY):
    return find_claim(extract(text, published=published, language="en"), words)


def test_a_weekday_glued_to_the_name_before_it_is_written_out():
    claim = _claim("Ana Ruiz asked for a lower fine in a letter posted on Twitter Tuesday.", "lower fine")
    assert claim.text == "Ana Ruiz asked for a lower fine in a letter posted on Twitter on 12 July 2022."
    assert claim.needs_context == []


def test_as_of_today_becomes_as_of_the_date_without_a_second_preposition():
    claim = _claim("The Lanzo ferry pass covers 12 routes as of today.", "12 routes")
    assert claim.text == "The Lanzo ferry pass covers 12 routes as of 14 July 2022."


def test_last_week_is_the_calendar_week_before_the_publication_week():
    claim = _claim("The Varnes ferry company cancelled 40 crossings last week.", "40 crossings")
    assert claim.text == "The Varnes ferry company cancelled 40 crossings in the week of 4 July 2022."
    assert claim.needs_context == []


def test_the_past_week_is_the_week_before_the_publication_date():
    claim = _claim("Varnes bonds have lost 12 percent of their value in the past week.", "12 percent")
    assert claim.text == "Varnes bonds have lost 12 percent of their value in the week before 14 July 2022."


def test_earlier_this_month_and_days_ago_are_anchored_to_the_publication_date():
    month = _claim("The Lanzo council approved a 40 million euro budget earlier this month.", "40 million")
    assert month.text == "The Lanzo council approved a 40 million euro budget earlier in July 2022."
    ago = _claim("Ivo Brandt resigned from the Orvik board three days ago.", "Orvik board")
    assert ago.text == "Ivo Brandt resigned from the Orvik board three days before 14 July 2022."


def test_a_weekday_inside_a_name_is_not_a_date():
    claim = _claim("Shoppers in Lanzo spent 40 million euros on Black Friday.", "40 million euros")
    assert claim.text == "Shoppers in Lanzo spent 40 million euros on Black Friday."


def test_without_a_publication_date_the_week_stays_and_is_flagged():
    claim = _claim("The Varnes ferry company cancelled 40 crossings last week.", "40 crossings", published=None)
    assert claim.text == "The Varnes ferry company cancelled 40 crossings last week."
    assert claim.needs_context == ['relative date "last week"']


def test_right_now_is_flagged_as_relative_time():
    claim = _claim("Right now, Ivo Brandt holds the Lanzo record with 40 goals.", "40 goals")
    assert 'relative date "Right now"' in claim.needs_context


def test_switched_off_the_week_stays_as_written_and_flagged():
    with rules.disabled({"relative_weeks"}):
        claim = _claim("The Varnes ferry company cancelled 40 crossings last week.", "40 crossings")
    assert claim.text == "The Varnes ferry company cancelled 40 crossings last week."
    assert claim.needs_context == ['relative date "last week"']


def test_a_possessive_today_is_not_written_as_a_date():
    claim = _claim("Today's teenagers in Lanzo spend 3 hours a day on phones.", "3 hours")
    assert claim.text == "Today's teenagers in Lanzo spend 3 hours a day on phones."
    assert claim.needs_context == ['relative date "Today"']


def test_a_weekday_after_a_particle_keeps_its_on():
    claim = _claim("A fire broke out Tuesday afternoon on the Varnes ferry with 300 passengers.", "300 passengers")
    assert claim.text == "A fire broke out on 12 July 2022 (afternoon) on the Varnes ferry with 300 passengers."


WEEKDAY_TENSES = [
    ("The Varnes council approved the ferry budget on Monday.", "on 11 July 2022"),
    ("The Varnes ferry budget was approved on Monday.", "on 11 July 2022"),
    ("The Varnes council has approved the ferry budget on Monday.", "on 11 July 2022"),
    ("The Varnes council will vote on the ferry budget on Monday.", "on 18 July 2022"),
    ("The Varnes council is expected to vote on the ferry budget on Monday.", "on 18 July 2022"),
    ("The Varnes council plans to vote on the ferry budget on Monday.", "on 18 July 2022"),
    ("The Varnes council vote on the ferry budget is scheduled for Monday.", "for 18 July 2022"),
    # a verb without a tense of its own takes the tense of the finite verb it depends on
    ("Varnes ferry bonds have weakened, hitting a low of 80 cents on the ferry budget on Monday.", "on 11 July 2022"),
    ("The Varnes council voted to cut the ferry budget to 2 million on Monday.", "on 11 July 2022"),
]


@pytest.mark.parametrize(("text", "written"), WEEKDAY_TENSES)
def test_a_bare_weekday_is_dated_by_the_tense_of_its_clause(text, written):
    claim = _claim(text, "ferry budget")
    assert written in claim.text
    assert "Monday" not in claim.text


def test_a_weekday_in_a_clause_whose_tense_does_not_say_which_week_stays_and_is_flagged():
    claim = _claim("The Varnes council's vote on the ferry budget is on Monday.", "ferry budget")
    assert claim.text == "The Varnes council's vote on the ferry budget is on Monday."
    assert any("Monday" in gap for gap in claim.needs_context)
    with rules.disabled({"weekday_tense"}):  # the old reading took every bare weekday for the last one
        assert "on 11 July 2022" in _claim("The Varnes council's vote on the ferry budget is on Monday.", "budget").text


def test_a_weekday_a_schedule_was_set_for_in_the_past_is_not_guessed():
    claim = _claim("The Varnes council vote on the ferry budget was scheduled for Monday.", "ferry budget")
    assert "Monday" in claim.text


def test_a_relative_year_after_the_articles_own_preposition_takes_no_second_one():
    claim = _claim("The Varnes ferry tender could be pushed into next year.", "ferry tender")
    assert claim.text == "The Varnes ferry tender could be pushed into 2023."
    assert _claim("The Varnes council moved the ferry vote to next month.", "ferry vote").text == (
        "The Varnes council moved the ferry vote to August 2022."
    )


def test_a_weekday_that_modifies_a_noun_is_left_and_flagged_not_given_an_on():
    claim = _claim("Vektra's Monday announcement raised the number of Norland ferry operators to 14.", "operators")
    assert claim.text == "Vektra's Monday announcement raised the number of Norland ferry operators to 14."
    assert any("Monday" in gap for gap in claim.needs_context)


def test_the_tense_of_a_verbless_line_is_not_known():
    from claims.extraction.parsing import load_nlp
    from claims.extraction.relative_time import statement_future

    doc = load_nlp()("The big Varnes ferry race on Monday.")
    monday = next(t for t in doc if t.text == "Monday")
    assert statement_future(monday) is None
    assert statement_future(load_nlp()("The Varnes ferry race will start on Monday.")[6]) is True


def test_a_future_weekday_that_is_the_publication_day_is_that_day():
    claim = _claim("The Varnes council will announce the ferry budget later on Thursday.", "ferry budget")
    assert claim.text == "The Varnes council will announce the ferry budget later on 14 July 2022."
