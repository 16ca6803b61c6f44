"""A bare 'the <noun>' is named by the article's one earlier introduction of that noun (rule introduced_description):
an indefinite 'a <modifiers> <noun>' whose modifiers tell which ("a 9-year-old deaf boy" -> "the 9-year-old deaf
boy"), or 'a <noun> called/dubbed/known as <name>, a <noun> they call <name>' ("the rover Kessel"). Only when it is
the noun's one mention before, not used in the plural before it, with modifiers that say which (not "a new deal",
not "a seventh session", not "an undisclosed number of …"); otherwise it stays, flagged."""

from __future__ import annotations

import pytest

from claims.extraction import extract

from .conftest import claim_with_rule_and_without, claims_text, flags_of

BOY = (
    "Lanzo police found a 9-year-old deaf boy near the harbour in May 2019. The harbour has 40 berths. "
    "Ferries leave it hourly. In June 2019 the council gave a medal to the boy."
)
ROVER = (
    "The team built a rover dubbed Kessel in 2019. Kessel weighs 40 kilograms. In 2021 the rover drove 12 kilometres "
    "on Mars."
)
SIMULATION = (
    "Scientists have created a detailed model of the sea, a simulation they call Orvik5. It covers 40 million square "
    "kilometres. The model runs on 300 computers. In 2021 the simulation tracked 12 billion particles."
)


def test_the_noun_takes_the_words_of_its_one_indefinite_introduction():
    assert "In June 2019 the council gave a medal to the 9-year-old deaf boy." in claims_text(extract(BOY))


def test_the_rewritten_claim_is_not_flagged_for_the_noun():
    assert not any("the boy" in flag for flag in flags_of(BOY, "medal"))


def test_the_noun_takes_the_name_the_article_called_it():
    assert "In 2021 the rover Kessel drove 12 kilometres on Mars." in claims_text(extract(ROVER))


def test_a_name_given_by_they_call_names_it_too():
    assert "In 2021 the simulation Orvik5 tracked 12 billion particles." in claims_text(extract(SIMULATION))


TWO_MENTIONS = (
    "Lanzo police found a 9-year-old deaf boy near the harbour in May 2019. A second boy was found in June. "
    "The harbour has 40 berths. Ferries leave it hourly. In July 2019 the council gave a medal to the boy.",
    "In July 2019 the council gave a medal to the boy.",
)
USED_IN_THE_PLURAL = (
    "Two deaf boys swam in the bay in 2018. Lanzo police found a 9-year-old deaf boy near the harbour in May "
    "2019. The harbour has 40 berths. Ferries leave it hourly. In June 2019 the council gave a medal to the boy.",
    "In June 2019 the council gave a medal to the boy.",
)
VAGUE_MODIFIERS = (
    "Orvik Lines signed a new deal in May 2019. Its ferries carry 300 cars. The harbour has 40 berths. "
    "Ana Ruiz signed the deal for 12 million euros.",
    "Ana Ruiz signed the deal for 12 million euros.",
)


@pytest.mark.parametrize(
    ("text", "as_written"),
    [TWO_MENTIONS, USED_IN_THE_PLURAL, VAGUE_MODIFIERS],
    ids=["two earlier mentions", "the noun used in the plural", "modifiers that do not say which"],
)
def test_the_noun_stays_as_written_when_the_introduction_is_not_sure(text, as_written):
    assert as_written in claims_text(extract(text))


def test_an_ordinal_introduction_leaves_it_as_written():
    text = (
        "Lanzo shares rose for a seventh straight session in May 2019. The harbour has 40 berths. Ferries leave it "
        "hourly. Orvik Lines lost 4% later in the session."
    )
    assert not any("seventh straight session" in claim for claim in claims_text(extract(text))[1:])


def test_without_the_rule_the_noun_stays_bare_and_flagged():
    with_rule, without = claim_with_rule_and_without(BOY, "medal", "introduced_description")
    assert with_rule.text == "In June 2019 the council gave a medal to the 9-year-old deaf boy."
    assert without.text == "In June 2019 the council gave a medal to the boy."
    assert '"the boy" not introduced' in without.needs_context
