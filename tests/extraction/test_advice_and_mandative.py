"""Advice is no fact: the speaker's own "I recommend …" is no claim (rule first_person_advice), and what someone
"suggested/insisted/urged that" be done is never written as a fact of its own (rule mandative_complement)."""

from __future__ import annotations

import pytest

from claims.extraction import extract, gate, rules
from claims.extraction.attribution import mandative
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

RECORD = "The Varnes ferry carried 41,000 passengers in 2019."


@pytest.mark.parametrize(
    "advice",
    [
        "I recommend booking the Varnes ferry 40 days ahead of the summer season.",
        "We would urge travellers to book the Varnes ferry 40 days ahead of the summer season.",
        "We recommend that readers consult the Orvik harbour office for the current ferry prices.",
        "I suggest checking the Orvik harbour office for the current ferry prices.",
    ],
)
def test_the_speakers_own_advice_is_no_claim_and_the_model_may_not_keep_it(advice):
    assert claims_text(extract(f"{RECORD} {advice}")) == [RECORD]
    assert gate.never_a_claim(list(load_nlp()(advice)))


def test_a_recommendation_made_in_the_past_is_a_record():
    texts = claims_text(extract("I recommended the Varnes ferry contract to the Lanzo council in 2019."))
    assert texts == ["I recommended the Varnes ferry contract to the Lanzo council in 2019."]


def test_a_finding_put_forward_is_not_advice():
    sentence = "We suggest that the Orvik glacier loses 12 metres of ice a year, twice the earlier estimate."
    assert not gate.never_a_claim(list(load_nlp()(sentence)))
    assert claims_text(extract(sentence))


def test_switched_off_the_advice_is_kept_by_the_rules():
    with rules.disabled({"first_person_advice"}):
        assert not gate.never_a_claim(list(load_nlp()("I recommend booking the Varnes ferry 40 days ahead.")))


def test_a_present_form_after_a_past_suggestion_is_advice_not_a_fact():
    sentence = "Officials suggested that residents stay indoors in Lanzo on Monday."
    assert claims_text(extract(sentence)) == [sentence]  # what the officials did, in the article's words
    with rules.disabled({"mandative_complement"}):
        assert claims_text(extract(sentence)) == ["Residents stay indoors in Lanzo on Monday."]


@pytest.mark.parametrize(
    "sentence, wanted",
    [
        ("The Varnes harbour board suggested that ferry fares be cut by a third in 2021.", "ferry fares be cut"),
        ("The Lanzo mayor insisted that the council vote again on the harbour plan in May.", "the council vote"),
    ],
)
def test_a_clause_in_the_subjunctive_is_not_written_as_a_fact(sentence, wanted):
    texts = claims_text(extract(sentence))
    assert not any(text.lower().startswith(wanted.lower()) for text in texts)
    assert claims_text(extract(sentence.replace(" be cut", " were cut").replace(" vote again", " voted again")))


@pytest.mark.parametrize(
    "sentence, claim",
    [
        (
            "The Lanzo audit suggests that the harbour fund lost 12 million dollars in 2018.",
            "The harbour fund lost 12 million dollars in 2018.",
        ),
        (
            "The Lanzo mayor insisted that the harbour fund had lost 12 million dollars in 2018.",
            "The harbour fund had lost 12 million dollars in 2018.",
        ),
    ],
)
def test_a_reported_fact_is_still_split_from_its_speaker(sentence, claim):
    assert claim in claims_text(extract(sentence))


def test_the_subjunctive_is_read_off_the_verb_forms():
    nlp = load_nlp()
    doc = nlp("The board suggested that fares be cut.")
    verb, clause = doc[2], doc[6]
    assert (verb.lemma_, clause.lemma_) == ("suggest", "cut")
    assert mandative(verb, clause)
    doc = nlp("The board said that fares were cut.")
    assert not mandative(doc[2], doc[6])  # not a verb that takes a demand
