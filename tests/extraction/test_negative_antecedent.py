"""A pronoun never stands for a noun phrase that names nothing ("no healthy strikers", "none of the ferries"):
rule negative_antecedent. The pronoun stays, flagged, instead of a claim that says the opposite."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decontextualisation.subjects import negative_quantity
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

SAME_SENTENCE = "The Orvik team had no healthy strikers left, so they fielded two defenders up front in the 2019 final."
NEXT_SENTENCE = "No Lanzo ferries were running in May 2019. They were inspected by the port authority."


def test_they_is_not_the_nearest_subject_when_it_names_nothing():
    found = extract(SAME_SENTENCE).claims
    fielded = next(c for c in found if "fielded two defenders" in c.text)
    assert fielded.text == "They fielded two defenders up front in the 2019 final."
    assert 'pronoun "they"' in fielded.needs_context


def test_they_is_not_the_previous_subject_when_it_names_nothing():
    claims = claims_text(extract(NEXT_SENTENCE))
    assert "They were inspected by the port authority." in claims
    assert "No Lanzo ferries were running in May 2019." in claims


def test_a_subject_that_names_something_is_still_the_antecedent():
    text = "The Lanzo ferries were old. They were inspected by the port authority in May 2019."
    assert "The Lanzo ferries were inspected by the port authority in May 2019." in claims_text(extract(text))


def test_without_the_rule_the_claim_said_the_opposite():
    with rules.disabled({"negative_antecedent"}):
        claims = claims_text(extract(SAME_SENTENCE))
    assert "No healthy strikers fielded two defenders up front in the 2019 final." in claims


def test_negative_quantities_are_told_from_other_noun_phrases():
    doc = load_nlp()("No ferries ran. None of the buses ran. Neither bridge opened. The trams ran.")
    subjects = {t.text: negative_quantity(t) for t in doc if t.dep_ == "nsubj"}
    assert subjects == {"ferries": True, "None": True, "bridge": True, "trams": False}
