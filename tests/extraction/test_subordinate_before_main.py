"""Rule subordinate_before_main: the opening subordinate clause of a sentence is no claim on its own when the
sentence goes on with its main clause, even where the parse hung the subordinator on a word that is no verb."""

from __future__ import annotations

from claims.extraction import fragments
from claims.extraction.parsing import load_nlp

from .conftest import texts_with_rules_off

OPENING = (
    "While the very young, the elderly, and the infirm are most at risk, when smog in Lanzo gets thick, everyone "
    "can suffer."
)


def test_the_opening_clause_alone_is_no_claim_and_the_main_clause_stands():
    assert texts_with_rules_off(OPENING) == ["When smog in Lanzo gets thick, everyone can suffer."]


def test_without_the_rule_the_opening_clause_was_a_claim():
    assert "While the very young, the elderly, and the infirm are most at risk." in texts_with_rules_off(
        OPENING, {"subordinate_before_main"}
    )


def test_a_condition_with_its_main_clause_is_a_claim():
    text = "Ana Ruiz said that if the Lanzo ferry stops in May, 300 workers will lose their jobs."
    assert texts_with_rules_off(text) == ["If the Lanzo ferry stops in May, 300 workers will lose their jobs."]
    doc = load_nlp()(text)
    words = [t for t in doc if t.i >= next(t.i for t in doc if t.lower_ == "if") and not t.is_punct]
    assert not fragments._before_main_clause(words)


def test_what_was_said_is_the_main_clause_of_a_quotation():
    doc = load_nlp()('"If the Lanzo ferry stops in May, 300 workers will lose their jobs," Ana Ruiz said.')
    comma = next(t.i for t in doc if t.text == ",")
    opening = [t for t in doc if 0 < t.i < comma and not t.is_punct]
    assert fragments._before_main_clause(opening)
    whole = [t for t in doc if 0 < t.i < comma + 8 and not t.is_punct]
    assert not fragments._before_main_clause(whole)
