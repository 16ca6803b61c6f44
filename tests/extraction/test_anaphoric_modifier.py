"""A word that points back into the article ("a similar message", "the same", "other features", "neither player",
"the three") flags the claim "needs context" with the words to repair; its close cousin that says what it compares
with ("similar to", "the same as", "and other fees") reads alone and is not flagged (rule anaphoric_modifier)."""

from __future__ import annotations

import pytest

from .conftest import claim_with_rule_and_without, flags_of


def test_a_similar_message_is_flagged_as_pointing_back():
    flags = flags_of("Ana Ruiz sent a similar message to the Lanzo council in 2019.", "Lanzo council")
    assert '"similar message" refers to something earlier in the article' in flags


def test_similar_to_a_named_thing_is_not_flagged():
    flags = flags_of("The Orvik ferry is similar to the Lanzo ferry built in 1990.", "Lanzo ferry")
    assert flags == []


def test_the_same_as_a_subject_is_flagged():
    flags = flags_of("The same is true for the Orvik ferry built in 1990.", "Orvik ferry")
    assert '"the same" refers to something earlier in the article' in flags


def test_the_same_fare_as_a_named_ferry_is_not_flagged():
    flags = flags_of("The Orvik ferry charged the same fare of 12 euros as the Lanzo ferry in 2019.", "Lanzo ferry")
    assert flags == []


def test_other_features_as_the_subject_are_flagged():
    flags = flags_of("Other features include a 40 kWh battery.", "40 kWh")
    assert '"other features" refers to something earlier in the article' in flags


def test_other_fees_after_a_list_are_not_flagged():
    flags = flags_of("The Lanzo ferry charges a port tax of 12 euros and other fees.", "port tax")
    assert flags == []


def test_neither_player_is_flagged():
    flags = flags_of("Neither player scored in the 2019 final in Lanzo.", "2019 final")
    assert '"neither player" refers to something earlier in the article' in flags


def test_a_bare_the_three_is_flagged_and_the_three_sisters_of_a_name_are_not():
    assert '"the three" refers to something earlier in the article' in flags_of(
        "The three won 40 medals in Lanzo in 2019.", "40 medals"
    )
    assert flags_of("The three Orvik sisters won 40 medals in Lanzo in 2019.", "40 medals") == []


@pytest.mark.parametrize("text,needle", [("Ana Ruiz sent a similar message to the Lanzo council in 2019.", "Lanzo")])
def test_switched_off_the_claim_is_the_same_and_unflagged(text, needle):
    flagged, plain = claim_with_rule_and_without(text, needle, "anaphoric_modifier")
    assert plain.text == flagged.text
    assert plain.needs_context == []
