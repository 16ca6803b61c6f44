"""A phrase lifted from the start of a sentence and written inside another claim (for a pronoun, as the description
of an appositive) loses the capital only its sentence's start gave it: "Ferries leave the harbour at Varnes hourly",
not "The harbour". Names, acronyms and "I" keep theirs."""

from __future__ import annotations

from claims.extraction import extract
from claims.extraction.lexicon import opening_capital, phrase_text
from claims.extraction.parsing import load_nlp

from .conftest import claims_text


def test_a_determiner_written_for_a_pronoun_is_lower_cased():
    text = "The harbour at Varnes is small. Ferries leave it hourly."
    assert "Ferries leave the harbour at Varnes hourly." in claims_text(extract(text))


def test_a_possessive_owner_written_mid_sentence_is_lower_cased():
    text = "The Lanzo rowers won 40 races in 2019. After the 2020 season, their coach retired."
    assert "After the 2020 season, the Lanzo rowers' coach retired." in claims_text(extract(text))


def test_an_opening_adjective_written_after_an_adverb_is_lower_cased():
    text = "So-called night ferries have run in Norway for years. Now they run in Portugal too."
    claims = claims_text(extract(text))
    assert any(c.startswith("Now so-called night ferries run in Portugal") for c in claims), claims


def test_an_appositive_description_that_opened_the_sentence_is_lower_cased():
    text = "His mother, Queen Mara of Orvik, visited Lanzo in 2019."
    assert "Queen Mara of Orvik is his mother." in claims_text(extract(text))


def test_a_name_keeps_its_capital():
    doc = load_nlp()("Orvik Lines runs the ferry. The ferry leaves at noon. I saw it.")
    assert phrase_text(doc[0:2]) == "Orvik Lines"
    assert phrase_text(doc[6:8]) == "the ferry"
    assert not opening_capital(doc[12])  # "I"


def test_an_acronym_keeps_its_capitals():
    doc = load_nlp()("NATO troops arrived on Monday.")
    assert phrase_text(doc[0:2]) == "NATO troops"


def test_a_word_inside_a_sentence_is_written_as_it_is():
    doc = load_nlp()("Ferries leave the harbour hourly.")
    assert phrase_text(doc[2:4]) == "the harbour"
    assert not opening_capital(doc[2])


def test_an_adjective_made_from_a_name_keeps_its_capital():
    doc = load_nlp()("Nordic ferries are slow. Ferries from Lanzo are fast.")
    assert phrase_text(doc[0:2]) == "Nordic ferries"
