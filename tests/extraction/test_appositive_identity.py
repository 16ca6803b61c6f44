"""An appositive becomes "X is Y" only when the apposition is an identity (rule appositive_identity): not a list of
things, not a number that disagrees, not a bare singular noun, no side cut through a clause or a bracket. Else the
sentence keeps the appositive in its own words."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text


def test_a_list_after_a_name_stays_in_the_sentence():
    text = "The singer left Orvik Records, her former record label and a couple of big names, in 2019."
    assert claims_text(extract(text)) == [text]


def test_a_plural_description_of_one_name_stays_in_the_sentence():
    text = "The Varnes Toolkit, its core components, was released in 2010."
    assert claims_text(extract(text)) == [text]


def test_a_bare_singular_noun_stays_in_the_sentence():
    text = "Ivo Brandt, media mogul, bought the Lanzo ferry in 2019."
    assert claims_text(extract(text)) == [text]


def test_a_bare_role_of_something_is_still_an_identity():
    claims = claims_text(extract("Ivo Brandt, president of the Lanzo council, voted for the ferry plan in 2019."))
    assert "Ivo Brandt is president of the Lanzo council." in claims
    assert "Ivo Brandt voted for the ferry plan in 2019." in claims


def test_two_roles_of_one_person_are_still_an_identity():
    text = "Ivo Brandt, chief executive and founder of Orvik Lines, sold the Lanzo ferry in 2019."
    assert "Ivo Brandt is chief executive and founder of Orvik Lines." in claims_text(extract(text))


def test_names_and_a_plural_description_agree():
    text = "The band's members, Ivo Brandt and Mara Kessel, toured Portugal in 2019."
    assert "Ivo Brandt and Mara Kessel are the band's members." in claims_text(extract(text))


def test_a_description_with_its_article_is_still_an_identity():
    text = "Ivo Brandt, a Danish engineer, designed the Hesper bridge in 1962."
    assert "Ivo Brandt is a Danish engineer." in claims_text(extract(text))


def test_without_the_rule_a_bare_noun_and_a_disagreeing_number_were_written_as_identities():
    with rules.disabled({"appositive_identity"}):
        assert "Ivo Brandt is media mogul." in claims_text(
            extract("Ivo Brandt, media mogul, bought the Lanzo ferry in 2019.")
        )
        claims = claims_text(extract("The Varnes Toolkit, its core components, was released in 2010."))
        assert "The Varnes Toolkit is Varnes Toolkit's core components." in claims
