"""Rule disjoined_verbs: verbs coordinated by "or" are not split, since neither alternative is asserted alone. Also, a
sentence-opening "And" coordinates nothing inside the sentence (decomposition.clause.coordinated)."""

from __future__ import annotations

from claims.extraction.decomposition.clause import coordinated
from claims.extraction.parsing import load_nlp

from .conftest import texts_with_rules_off

EITHER = "The Lanzo council will raise ferry fares or cut 40 crossings in 2024."


def test_alternatives_stay_in_one_claim():
    assert texts_with_rules_off(EITHER) == [EITHER]


def test_without_the_rule_each_alternative_was_asserted():
    assert texts_with_rules_off(EITHER, {"disjoined_verbs"}) == [
        "The Lanzo council will raise ferry fares.",
        "The Lanzo council will cut 40 crossings in 2024.",
    ]


def test_verbs_joined_by_and_are_still_split():
    text = "The Lanzo council raised fares in 2019 and cut 40 crossings in 2020."
    assert texts_with_rules_off(text) == [
        "The Lanzo council raised fares in 2019.",
        "The Lanzo council cut 40 crossings in 2020.",
    ]


def test_an_opening_and_coordinates_no_verb_inside_the_sentence():
    doc = load_nlp()("And the Lanzo council raised fares in 2019 and cut 40 crossings in 2020.")
    raised = next(t for t in doc if t.text == "raised")
    assert coordinated(raised)
    lone = load_nlp()("And the Lanzo council raised fares in 2019.")
    assert not coordinated(next(t for t in lone if t.text == "raised"))


def test_a_misparsed_participle_after_an_opening_and_borrows_no_subject():
    text = (
        "And the Lanzo Ferry Act, under debate in the Varnes council in 2023, would impose fines and a travel ban "
        "on officials deemed responsible for the delays."
    )
    texts = texts_with_rules_off(text)
    assert any(
        t.startswith("The Lanzo Ferry Act, under debate in the Varnes council in 2023, would impose") for t in texts
    )
    assert not any(t.startswith("The Lanzo Ferry Act deemed") for t in texts)
