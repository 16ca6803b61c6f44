"""A spoken opener set off by a comma ("Look, …", "You know, …", "Let me say this, …") is no part of the statement:
the claim is the clause after it. An aside of opinion ("I think, …") still makes the line a view (discourse_opener)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim


def test_an_imperative_opener_is_dropped_and_the_statement_after_it_is_the_claim():
    texts = claims_text(extract("Look, the Varnes ferry company carried 41,000 passengers in 2019."))
    assert texts == ["The Varnes ferry company carried 41,000 passengers in 2019."]


def test_a_let_me_opener_is_dropped():
    claim = find_claim(extract("Let me say this, the Orvik mill closed 300 jobs in 2018."), "300 jobs")
    assert claim.text == "The Orvik mill closed 300 jobs in 2018."


def test_an_aside_to_the_listener_is_dropped_from_the_claim():
    claim = find_claim(extract("Well, you know, the Tessaly harbour tax rose by 12 percent in 2020."), "12 percent")
    assert claim.text == "The Tessaly harbour tax rose by 12 percent in 2020."


def test_an_aside_of_opinion_keeps_the_line_a_view():
    with rules.disabled({"checkworthy_sentence"}):  # the rules alone: the model may keep it (checkworthy_sentence)
        assert claims_text(extract("I think, the Tessaly harbour tax rose by 12 percent in 2020.")) == []
    assert claims_text(extract("The Tessaly harbour tax rose by 12 percent in 2020.")) != []


def test_a_clause_joined_by_and_is_not_taken_for_an_opener():
    claim = find_claim(extract("Close the Lanzo pier, and the Orvik ferry loses 40 crossings a week."), "40 crossings")
    assert claim is not None
    assert not claim.text.startswith("And")


def test_switched_off_the_opener_stays_and_look_reads_as_a_view():
    with rules.disabled({"discourse_opener", "checkworthy_sentence"}):
        assert claims_text(extract("Look, the Varnes ferry company carried 41,000 passengers in 2019.")) == []


def test_an_imperative_that_a_relative_clause_hangs_on_is_kept():
    texts = claims_text(extract("Consider Lanzo, where the wool tax rose by 40 percent in 2019."))
    assert not any(text.startswith("Where") for text in texts)
    assert claims_text(extract("Look, the wool tax rose by 40 percent in 2019.")) == [
        "The wool tax rose by 40 percent in 2019."
    ]
