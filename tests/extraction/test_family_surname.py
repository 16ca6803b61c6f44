"""A bare surname becomes a full name only when the whole article gives that surname to one person: not when two
full names share it (even if the second comes later), nor when the article names a family ("the Kellers") or first
names sharing it ("Maria and Tom Keller") (rule family_surname)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

LATER_SECOND_KELLER = (
    "Maria Keller opened the Lanzo bakery in 1990. Mayor Keller hired 12 bakers in 1995. "
    "Tom Keller sold the bakery in 2001."
)
FAMILY = (
    "Maria Keller opened the Lanzo bakery in 1990. Mayor Keller hired 12 bakers in 1995. "
    "The Kellers sold the bakery in 2001."
)


def test_a_surname_a_later_full_name_shares_stays_as_written():
    texts = claims_text(extract(LATER_SECOND_KELLER))
    assert "Mayor Keller hired 12 bakers in 1995." in texts
    with rules.disabled({"family_surname"}):
        assert "Mayor Maria Keller hired 12 bakers in 1995." in claims_text(extract(LATER_SECOND_KELLER))


def test_a_surname_the_article_gives_a_family_stays_as_written():
    texts = claims_text(extract(FAMILY))
    assert "Mayor Keller hired 12 bakers in 1995." in texts
    assert "Mayor Maria Keller hired 12 bakers in 1995." not in texts


def test_first_names_sharing_a_surname_count_as_two_people():
    from claims.extraction.entities import DocumentEntities

    known = DocumentEntities("The council thanked Maria and Tom Keller in 2001.")
    assert known.shared_surname("Keller")
    assert not known.shared_surname("Lind")


def test_a_surname_one_person_has_in_the_whole_article_is_still_the_full_name():
    text = "Maria Keller opened the Lanzo bakery in 1990. Keller hired 12 bakers in 1995. Tom Baxter sold it in 2001."
    assert "Maria Keller hired 12 bakers in 1995." in claims_text(extract(text))


def test_a_full_name_after_another_full_name_shares_no_surname_with_it():
    from claims.extraction.entities import DocumentEntities

    known = DocumentEntities("The council thanked Sarah Lind and Tom Keller in 2001.")
    assert not known.shared_surname("Keller")


def test_a_short_and_a_long_first_name_are_one_person():
    from claims.extraction.entities import DocumentEntities

    known = DocumentEntities("")
    known.expect_people(["Tim Keller", "Timothy Keller", "hosting Keller"])
    assert not known.shared_surname("Keller")
    known.expect_people(["Maria Keller"])
    assert known.shared_surname("Keller")


def test_a_middle_initial_is_no_first_name():
    from claims.extraction.entities import DocumentEntities

    known = DocumentEntities("")
    known.expect_people(["Pat Keller", "Pat W. Keller"])
    assert not known.shared_surname("Keller")


def test_an_opening_verb_the_tagger_takes_into_a_name_is_no_second_first_name():
    text = (
        "Tom Keller opened the Lanzo bakery in 1990. Keller hired 12 bakers in 1996. "
        "Hosting Keller in 1995, Marc Benioff praised the bakery."
    )
    assert "Tom Keller hired 12 bakers in 1996." in claims_text(extract(text))
