"""A bare surname the tagger did not take for a person is the full name the article gave before it, only when one
person of the article has that surname and the word names nothing else there (rule introduced_surname)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

ONE_BRANDT = (
    "Lanzo police arrested Michael Brandt in March 2019. In an interview, Brandt confessed to the theft of 40 bikes."
)


def test_a_surname_after_the_one_person_of_that_name_is_the_full_name():
    texts = claims_text(extract(ONE_BRANDT))
    assert "In an interview, Michael Brandt confessed to the theft of 40 bikes." in texts


def test_a_surname_two_people_of_the_article_share_stays_as_written():
    texts = claims_text(
        extract(
            "Lanzo police arrested Michael Brandt and Anna Brandt in March 2019. In an interview, Brandt confessed "
            "to the theft of 40 bikes."
        )
    )
    assert "In an interview, Brandt confessed to the theft of 40 bikes." in texts
    assert not any("Michael Brandt confessed" in t or "Anna Brandt confessed" in t for t in texts)


def test_a_surname_that_also_names_a_firm_of_the_article_stays_as_written():
    texts = claims_text(
        extract(
            "Lanzo police arrested Michael Brandt in March 2019. Brandt Industries fired 40 workers in 2020. "
            "In an interview, Brandt confessed to the theft of 40 bikes."
        )
    )
    assert "In an interview, Brandt confessed to the theft of 40 bikes." in texts


def test_a_surname_named_only_after_it_stays_as_written():
    texts = claims_text(
        extract("In an interview, Brandt confessed to the theft of 40 bikes. Police arrested Michael Brandt in 2019.")
    )
    assert "In an interview, Brandt confessed to the theft of 40 bikes." in texts


def test_switched_off_the_surname_stays_as_written():
    with rules.disabled({"introduced_surname"}):
        texts = claims_text(extract(ONE_BRANDT))
    assert "In an interview, Brandt confessed to the theft of 40 bikes." in texts


def test_the_surname_of_a_name_with_a_generational_suffix_is_the_word_before_it():
    texts = claims_text(
        extract(
            "Lanzo police arrested Michael Brandt Jr in March 2019. In an interview, Brandt confessed to the theft "
            "of 40 bikes."
        )
    )
    assert "In an interview, Michael Brandt Jr confessed to the theft of 40 bikes." in texts
