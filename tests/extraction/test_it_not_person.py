""" "It" never stands for a person: not for a description of one ("the old man"), nor for a name the article gives a
person (rule it_not_person)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim

MAN = "The old man bought the Lanzo ferry in 1990. It sailed 40 times a day in 1995."


def test_it_after_a_person_description_stays_and_is_flagged():
    claim = find_claim(extract(MAN), "40 times")
    assert claim.text == "It sailed 40 times a day in 1995."
    assert 'pronoun "It"' in claim.needs_context
    with rules.disabled({"it_not_person"}):
        assert "The old man sailed 40 times a day in 1995." in claims_text(extract(MAN))


def test_it_after_a_thing_subject_still_resolves():
    text = "The Lanzo ferry entered service in 1990. It sailed 40 times a day in 1995."
    assert "The Lanzo ferry sailed 40 times a day in 1995." in claims_text(extract(text))


def test_a_persons_surname_is_a_person_whatever_the_tagger_called_it():
    from claims.extraction.decontextualisation.people import names_person

    words = frozenset({"sarah lind", "lind"})
    assert names_person("Lind", words)
    assert names_person("his mother", words)
    assert not names_person("the Lanzo ferry", words)
