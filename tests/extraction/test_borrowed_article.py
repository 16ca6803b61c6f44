"""An "a"/"an" a noun-coordination split lends from the first conjunct fits the conjunct it is lent to (rule
borrowed_article): no article before a plural, "a" or "an" as the conjunct's number is read."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

FOUND = "Police in Lanzo found a handgun, three rifles and two shotguns in 2019."


def test_a_plural_conjunct_takes_no_borrowed_a():
    claims = claims_text(extract(FOUND))
    assert "Police in Lanzo found a handgun." in claims
    assert "Police in Lanzo found three rifles." in claims


def test_without_the_rule_the_plural_borrowed_the_a():
    with rules.disabled({"borrowed_article"}):
        assert "Police in Lanzo found a three rifles." in claims_text(extract(FOUND))


def test_a_borrowed_article_agrees_with_the_number_it_now_stands_before():
    scores = "The striker posted an elite 9.2 passing grade and 91.4 shooting grade in 2019."
    assert "The striker posted a 91.4 shooting grade in 2019." in claims_text(extract(scores))
    eights = "The striker posted a 9.2 passing grade and 8.1 shooting grade in 2019."
    assert "The striker posted an 8.1 shooting grade in 2019." in claims_text(extract(eights))


def test_a_singular_conjunct_still_borrows_the_article():
    claims = claims_text(extract("The council bought a bus and tram for the Lanzo line in 2019."))
    assert "The council bought a tram for the Lanzo line in 2019." in claims
