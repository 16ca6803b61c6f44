import datetime as dt

import pytest

from claims.extraction.dates import anchor

THURSDAY = dt.date(2022, 7, 14)  # Thursday 14 July 2022
AUGUST_17 = dt.date(2022, 8, 17)


@pytest.mark.parametrize(
    "expression,published,expected",
    [
        ("on Wednesday", THURSDAY, (dt.date(2022, 7, 13), "day")),
        ("Monday", THURSDAY, (dt.date(2022, 7, 11), "day")),
        ("today", THURSDAY, (THURSDAY, "day")),
        ("on July 12", THURSDAY, (dt.date(2022, 7, 12), "day")),
        ("last month", AUGUST_17, (dt.date(2022, 7, 1), "month")),
        ("In July", AUGUST_17, (dt.date(2022, 7, 1), "month")),
        ("back in February", THURSDAY, (dt.date(2022, 2, 1), "month")),
        ("since 2014", THURSDAY, (dt.date(2014, 1, 1), "year")),
        ("October 16, 1898", None, (dt.date(1898, 10, 16), "day")),
    ],
)
def test_it_anchors_date_expressions_against_the_publication_date(expression, published, expected):
    assert anchor(expression, published) == expected


def test_years_ago_counts_back_from_the_publication_date():
    date, precision = anchor("77 years ago", AUGUST_17)
    assert (date.year, precision) == (1945, "year")


@pytest.mark.parametrize("expression", ["two days", "a long time", "several years", ""])
def test_durations_are_not_dates(expression):
    assert anchor(expression, THURSDAY) is None


@pytest.mark.parametrize("expression", ["on Wednesday", "last month", "June 29"])
def test_relative_dates_are_not_guessed_without_a_publication_date(expression):
    assert anchor(expression, None) is None


def test_on_wednesday_in_an_article_of_thursday_14_july_2022_is_the_13th(seed_000_result):
    claim = next(c for c in seed_000_result.claims if "became the second" in c.text)
    assert claim.date == dt.date(2022, 7, 13)
    assert "on 13 July 2022 became the second" in claim.text  # written out, so that the claim reads alone
