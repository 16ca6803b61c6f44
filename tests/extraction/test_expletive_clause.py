"""An "it" that holds the place of a clause or of a cleft's focus stands for nothing in the article: pronoun
resolution leaves it alone (rule expletive_clause, claims/extraction/decontextualisation/expletives.py)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decontextualisation import expletives
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

CLEFT = "The Lanzo council voted on the budget in May 2019. It was Ivo Brandt who signed the budget."


def _it(text: str):
    return next(t for t in load_nlp()(text) if t.lower_ == "it")


def test_a_cleft_it_is_a_placeholder():
    assert expletives.placeholder_it(_it("It was Ivo Brandt who signed the budget."))


def test_an_it_before_a_that_clause_on_a_linking_verb_is_a_placeholder():
    assert expletives.placeholder_it(_it("It is becoming clear that the crew ignored the warning."))
    assert expletives.placeholder_it(_it("It is not that the Lanzo ferry was late."))


def test_an_it_that_is_the_subject_of_its_predicate_is_a_referent():
    assert not expletives.placeholder_it(_it("It is a ferry that carries 300 cars."))
    assert not expletives.placeholder_it(_it("It became the largest port in Norland in 2019."))


def test_a_cleft_gives_no_claim_that_makes_the_previous_subject_the_focus():
    texts = claims_text(extract(CLEFT))
    assert "The Lanzo council voted on the budget in May 2019." in texts
    assert not any("council was Ivo Brandt" in text for text in texts)


def test_without_the_rule_the_cleft_it_became_the_previous_subject():
    # organisation_it also stops this one ("the budget" is named between the council and the "it")
    with rules.disabled({"expletive_clause", "organisation_it"}):
        texts = claims_text(extract(CLEFT))
    assert "The Lanzo council was Ivo Brandt who signed the budget." in texts
