"""A date of a month without its year gets the publication's year where that is sure (rule month_year)."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction import extract, rules

from .conftest import claims_text

PUBLISHED = dt.date(2022, 7, 14)


def _claims(text: str) -> list[str]:
    return claims_text(extract(text, published=PUBLISHED, language="en"))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The Lanzo council voted on July 2 to close the Orvik mill.", "on July 2, 2022 to close"),
        ("In March, Lanzo recognised the Orvik Republic.", "In March 2022, Lanzo recognised"),
        ("The Orvik bridge reopened on 3 June after repairs.", "on 3 June 2022 after repairs"),
        ("The Varnes ferry will resume its service on 3 September.", "on 3 September 2022"),
        ("The Orvik mill has cut 40 jobs since April.", "since April 2022"),
    ],
)
def test_a_date_the_publication_settles_gets_its_year(text, written):
    claims = _claims(text)
    assert any(written in claim for claim in claims), claims


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The Lanzo council will vote on the Orvik budget in March.", "in March."),  # future, month already past
        ("The Orvik mill reopened its gates on 3 September.", "on 3 September."),  # past, month still to come
        ("Ana Ruiz was born on May 5 in the town of Lanzo.", "on May 5 in"),  # a personal date
        ("The Orvik mill shuts its gates every November.", "every November."),  # recurring
        ("Ana Ruiz joined the Lanzo council in 2015. In March, Ana Ruiz left the Lanzo council.", "In March, Ana"),
    ],
)
def test_a_date_another_year_could_own_stays_as_written(text, kept):
    claims = _claims(text)
    assert any(kept in claim for claim in claims), claims
    assert not any("2022" in claim for claim in claims), claims


def test_switched_off_the_date_stays_as_written():
    text = "The Lanzo council voted on July 2 to close the Orvik mill."
    with rules.disabled({"month_year"}):
        claims = _claims(text)
    assert any("on July 2 to close" in claim for claim in claims), claims
    assert not any("2022" in claim for claim in claims)


def test_without_a_publication_date_nothing_is_written():
    claims = claims_text(extract("The Lanzo council voted on July 2 to close the Orvik mill.", language="en"))
    assert any("on July 2 to close" in claim for claim in claims), claims
