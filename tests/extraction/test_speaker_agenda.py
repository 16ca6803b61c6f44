"""What the speaker is going to, can or must do is a plan, a boast or a demand, not a record: no claim, as a "we
will" promise is none; the same words in the past, or said of someone else, are claims (speaker_agenda)."""

from __future__ import annotations

import pytest

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim, rules_alone

AGENDA = [
    "We are going to cut the wool tax by 5 percent in 2025.",
    "We can win 40 seats in the Lanzo council.",
    "We need 300 more buses in Lanzo.",
    "We have to close the Orvik mill by 2030.",
    "We've got to close the Orvik mill by 2030.",
]


@pytest.mark.parametrize("text", AGENDA)
def test_a_plan_a_boast_or_a_demand_of_the_speaker_is_not_a_claim(text):
    with rules_alone():  # the model may keep it (gate.py)
        assert claims_text(extract(text)) == []


def test_the_same_words_in_the_past_are_a_record():
    assert find_claim(extract("We needed 40 buses in Lanzo in 2019."), "40 buses") is not None
    assert find_claim(extract("We could have closed the Orvik mill in 2019."), "Orvik mill") is not None


def test_what_someone_else_can_do_is_a_claim():
    claim = find_claim(extract("The Lanzo council can borrow 40 million euros."), "40 million")
    assert claim.text == "The Lanzo council can borrow 40 million euros."


def test_switched_off_a_going_to_plan_with_a_figure_is_a_claim():
    with rules.disabled({"speaker_agenda"}):
        assert claims_text(extract(AGENDA[0])) == [AGENDA[0]]
