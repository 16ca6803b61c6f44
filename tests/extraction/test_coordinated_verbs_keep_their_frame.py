"""A split at coordinated verbs keeps what frames them: a hedge before the first verb goes with the second (rule
borrowed_hedge); a condition after the last one keeps them together (rule trailing_condition); a participle after a
passive with its agent is not split off (rule participle_after_agent)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

HEDGED = "The Lanzo duo reportedly saw an oxygen bar in Varnes and decided to open an oxygen bar in Tessaly."
CONDITION = (
    "The two Lanzo ferry firms continue to negotiate and could sign a deal within weeks, if both sides give way."
)
AGENT = "A photo of the Lanzo meeting was denied by Ana Ruiz in 2021, hinting that it was a fake."


def test_the_hedge_goes_with_the_second_verb():
    texts = claims_text(extract(HEDGED))
    assert "The Lanzo duo reportedly decided to open an oxygen bar in Tessaly." in texts
    assert "The Lanzo duo reportedly saw an oxygen bar in Varnes." in texts
    with rules.disabled({"borrowed_hedge"}):
        assert "The Lanzo duo decided to open an oxygen bar in Tessaly." in claims_text(extract(HEDGED))


def test_a_condition_after_the_last_verb_keeps_the_verbs_together():
    assert claims_text(extract(CONDITION)) == [CONDITION]
    with rules.disabled({"trailing_condition"}):
        assert CONDITION not in claims_text(extract(CONDITION))


def test_plain_coordinated_verbs_are_split_as_before():
    texts = claims_text(extract("The Lanzo ferry firm cut 40 jobs in 2020 and sold two ferries in 2021."))
    assert texts == ["The Lanzo ferry firm cut 40 jobs in 2020.", "The Lanzo ferry firm sold two ferries in 2021."]


def test_a_participle_after_an_agentive_passive_stays_in_its_sentence():
    texts = claims_text(extract(AGENT))
    assert texts == [AGENT]
    with rules.disabled({"participle_after_agent"}):
        assert any("hinted that it was a fake" in t for t in claims_text(extract(AGENT)))
