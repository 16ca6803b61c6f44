"""He/she/his/her inside a clause whose subject, or the subject of a clause above it, is the name of another person
is not resolved to the person named before: "In his speech, Lind said …" is most likely Lind's speech
(rule own_sentence_subject)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim

SPEECH = "Tom Baxter founded the Lanzo rowing club in 1950. In his speech in 1990, Lind praised 40 rowers."


def test_a_possessive_before_another_persons_name_as_subject_stays_and_is_flagged():
    claim = find_claim(extract(SPEECH), "40 rowers")
    assert claim.text == "In his speech in 1990, Lind praised 40 rowers."
    assert 'pronoun "his"' in claim.needs_context
    with rules.disabled({"own_sentence_subject"}):
        assert "In Tom Baxter's speech in 1990, Lind praised 40 rowers." in claims_text(extract(SPEECH))


def test_the_reported_he_of_a_speaker_is_still_the_speaker():
    text = "Tom Baxter founded the Lanzo rowing club in 1950. In his speech in 1990, Lind said he sold 40 boats."
    assert "Lind sold 40 boats." in claims_text(extract(text))


def test_a_pronoun_whose_clause_has_the_same_person_as_subject_still_resolves():
    text = "Tom Baxter founded the Lanzo rowing club in 1950. In 1961 Baxter sold his boathouse for 2 million euros."
    assert "In 1961 Tom Baxter sold Tom Baxter's boathouse for 2 million euros." not in claims_text(extract(text))
    texts = claims_text(extract("Tom Baxter founded the Lanzo rowing club in 1950. He sold 40 boats in 1961."))
    assert "Tom Baxter sold 40 boats in 1961." in texts
