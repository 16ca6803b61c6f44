"""After a sentence whose subject reports what someone said of something else, a later it/they is not taken for the
speaker (rule reported_subject): "Orvik Motors says the wagon will go 500 km. It has …" may be the wagon."""

from __future__ import annotations

from claims.extraction import extract

from .conftest import claim_with_rule_and_without, claims_text

REPORTED = "Orvik Motors says the new wagon will go 500 km on one charge. It has a 90 kWh battery."


def test_it_after_a_report_stays_a_pronoun_flagged():
    claim = next(c for c in extract(REPORTED).claims if "90 kWh" in c.text)
    assert claim.text == "It has a 90 kWh battery."
    assert 'pronoun "It"' in claim.needs_context


def test_what_was_reported_is_still_a_claim():
    assert "The new wagon will go 500 km on one charge." in claims_text(extract(REPORTED))


def test_it_after_a_plain_statement_is_still_its_subject():
    text = "Orvik Motors built the new wagon plant in Lanzo in 2019. It employs 900 people there."
    assert "Orvik Motors employs 900 people there." in claims_text(extract(text))


def test_it_after_a_report_on_a_person_is_still_the_speaker():
    text = "The Lanzo Herald's report says Ivo Brandt will return to the club. It names 12 other players."
    assert "The Lanzo Herald's report names 12 other players." in claims_text(extract(text))


def test_it_after_a_report_on_a_person_the_tagger_calls_a_firm_is_still_the_speaker():
    text = (
        "Mr. Ivo Brandt left the Lanzo club in 2017. The Orvik Herald's report says Brandt will return to the club. "
        "It names 12 other players."
    )
    assert "The Orvik Herald's report names 12 other players." in claims_text(extract(text))


def test_they_after_a_report_on_one_thing_is_still_the_speakers():
    text = "The Lanzo ferry workers say the old ferry will sail again in June. They voted for a strike in 2019."
    assert "The Lanzo ferry workers voted for a strike in 2019." in claims_text(extract(text))


def test_without_the_rule_the_speaker_took_the_battery():
    with_rule, without = claim_with_rule_and_without(REPORTED, "90 kWh", "reported_subject")
    assert with_rule.text == "It has a 90 kWh battery."
    assert without.text == "Orvik Motors has a 90 kWh battery."
