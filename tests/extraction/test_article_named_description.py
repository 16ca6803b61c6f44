"""A bare "the <noun>" takes the name the article gave it before, only when exactly one name fits."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction import extract, rules

from .conftest import find_claim

PUBLISHED = dt.date(2022, 7, 14)


def _claim(text: str, words: str):
    return find_claim(extract(text, published=PUBLISHED, language="en"), words)


def test_the_harbour_takes_the_name_given_paragraphs_before():
    text = (
        "Lanzo opened the Varnes harbour in 1990.\n\nThe island has 4,000 inhabitants.\n\n"
        "Ferries to Tessaly left from the harbour until 2015."
    )
    claim = _claim(text, "Ferries to Tessaly")
    assert claim.text == "Ferries to Tessaly left from the Varnes harbour until 2015."
    assert claim.needs_context == []


def test_the_ministry_takes_the_full_name_of_the_ministry():
    text = "The Ministry of Fisheries of Lanzo banned trawling in 2019. The ministry fined 40 boats in 2020."
    claim = _claim(text, "fined 40 boats")
    assert claim.text == "The Ministry of Fisheries of Lanzo fined 40 boats in 2020."


@pytest.mark.parametrize(
    "text",
    [
        "Aid reached the Rukban camp in 2018. A camp in Jordan closed in 2017. Food reached the camp in May 2019.",
        "Aid reached the Rukban camp in 2018. The Azraq camp opened in 2014. Food reached the camp in May 2019.",
    ],
    ids=["another description before it", "two names before it"],
)
def test_another_description_or_name_of_the_noun_before_it_leaves_the_noun_flagged(text):
    claim = _claim(text, "Food reached")
    assert claim.text == "Food reached the camp in May 2019."
    assert claim.needs_context == ['"the camp" not introduced']


def test_a_government_named_for_its_leader_gives_the_government_its_name():
    text = "The Ruiz administration imposed a wool tax on Lanzo in 2018. The administration lifted the tax in 2020."
    claim = _claim(text, "in 2020")
    assert claim.text.startswith("The Ruiz administration lifted")


def test_switched_off_the_harbour_stays_flagged():
    with rules.disabled({"article_named_description"}):
        claim = _claim(
            "Lanzo opened the Varnes harbour in 1990. Ferries to Tessaly left from the harbour until 2015.",
            "Ferries to Tessaly",
        )
    assert claim.text == "Ferries to Tessaly left from the harbour until 2015."
    assert claim.needs_context == ['"the harbour" not introduced']


def test_a_number_or_an_ordinal_before_the_noun_is_no_name():
    text = "Lanzo drew the first geological map of Tessaly in 1990. Ferries carried the map to Orvik in 1995."
    claim = _claim(text, "Ferries carried")
    assert claim.text == "Ferries carried the map to Orvik in 1995."
    assert claim.needs_context == ['"the map" not introduced']
