"""A phrase whose "no" negates its clause ("at no time", "in no way") survives every rewrite: a claim that lost it
is replaced by the sentence in its own words (rule negative_phrase, faithfulness.lost_modality)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.faithfulness import lost_modality
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

AT_NO_TIME = (
    "Ivo Brandt said that at no time was he aware of the plan and knowingly took part in the sale of the Lanzo mill."
)


def test_the_checker_names_the_no_of_a_fronted_phrase_for_a_later_conjunct():
    doc = load_nlp()("At no time was Ivo Brandt aware of or knowingly took part in the sale.")
    ids = [t.i for t in doc]
    lost = lost_modality(doc, [t.i for t in doc if t.i >= 9], "Ivo Brandt knowingly took part in the sale.", ids)
    assert lost == ["no"]


def test_the_checker_names_the_no_of_a_phrase_on_the_verb():
    doc = load_nlp()("In no way did the Orvik bank hide the loss in 2019.")
    ids = [t.i for t in doc]
    assert lost_modality(doc, ids, "The Orvik bank did hide the loss in 2019.", ids) == ["no"]
    assert lost_modality(doc, ids, "In no way did the Orvik bank hide the loss in 2019.", ids) == []


def test_a_claim_that_lost_at_no_time_becomes_the_sentence_in_its_own_words():
    texts = claims_text(extract(AT_NO_TIME))
    assert "At no time was he aware of the plan and knowingly took part in the sale of the Lanzo mill." in texts
    assert "He knowingly took part in the sale of the Lanzo mill." not in texts


def test_without_the_rule_the_claim_said_the_opposite():
    with rules.disabled({"negative_phrase"}):
        texts = claims_text(extract(AT_NO_TIME))
    assert "He knowingly took part in the sale of the Lanzo mill." in texts
