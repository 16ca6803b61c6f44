"""A bare surname is written as the full name only when one person of the article has it: after Maria and Tom
Keller, "Keller" stays as written (rule unique_surname)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

TWO_KELLERS = (
    "Maria Keller opened the Lanzo bakery in 1990. Tom Keller sold it in 2001. Keller hired 12 bakers in 1995."
)


def test_a_surname_two_people_share_stays_as_written():
    texts = claims_text(extract(TWO_KELLERS))
    assert "Keller hired 12 bakers in 1995." in texts
    assert "Tom Keller hired 12 bakers in 1995." not in texts


def test_without_the_rule_the_surname_goes_to_the_last_person_of_that_name():
    with rules.disabled({"unique_surname"}):
        assert "Tom Keller hired 12 bakers in 1995." in claims_text(extract(TWO_KELLERS))


def test_a_surname_one_person_has_is_still_the_full_name():
    texts = claims_text(extract("Maria Keller opened the Lanzo bakery in 1990. Keller hired 12 bakers in 1995."))
    assert "Maria Keller hired 12 bakers in 1995." in texts
