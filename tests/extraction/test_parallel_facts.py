"""Claims split out of one coordinated statement rank together: the name a piece carries does not put one fact
below its twin (rule parallel_facts_rank)."""

from __future__ import annotations

import datetime as dt

from claims.extraction import extract, rules
from claims.extraction.parallel_facts import REASON, parallel

from .conftest import find_claim

PUBLISHED = dt.date(2022, 7, 14)
TWINS = "In March, Lanzo recognised the Orvik Republic and the Varnes Republic as independent states."


def _result(text: str):
    return extract(text, published=PUBLISHED, language="en")


def test_the_conjuncts_of_one_statement_share_the_highest_score():
    result = _result(TWINS)
    orvik, varnes = find_claim(result, "Orvik Republic"), find_claim(result, "Varnes Republic")
    assert orvik is not None and varnes is not None and orvik is not varnes
    assert orvik.checkworthiness == varnes.checkworthiness
    raised = orvik if orvik.signals[0][0] == REASON else varnes
    assert raised.signals[0][0] == REASON and raised.signals[0][1] > 0


def test_switched_off_each_conjunct_keeps_its_own_score():
    with rules.disabled({"parallel_facts_rank"}):
        result = _result(TWINS)
    orvik, varnes = find_claim(result, "Orvik Republic"), find_claim(result, "Varnes Republic")
    assert orvik is not None and varnes is not None
    assert orvik.checkworthiness != varnes.checkworthiness
    assert REASON not in [words for words, _ in orvik.signals + varnes.signals]


def test_two_different_statements_of_one_sentence_keep_their_own_scores():
    result = _result("The Varnes ferry carried 41,000 passengers in 2019 and the harbour of Lanzo froze in 2020.")
    ferry, harbour = find_claim(result, "41,000 passengers"), find_claim(result, "harbour of Lanzo froze")
    assert ferry is not None and harbour is not None
    assert ferry.checkworthiness > harbour.checkworthiness
    assert REASON not in [words for words, _ in harbour.signals]


def test_parallel_means_one_differing_window_with_most_words_shared():
    assert parallel(
        "Lanzo recognised the Orvik Republic (OR) in the north as a state.",
        "Lanzo recognised Varnes Republic (VR) in the north as a state.",
    )
    assert not parallel("Lanzo recognised Orvik in 2021.", "Tessaly cut its ties with Varnes after the vote.")
    assert not parallel("Lanzo recognised Orvik.", "Lanzo recognised Orvik.")
