"""A named person's present stance on a proposition or an action is a claim (what someone wants or believes is on
the record); a liking is not, nor an unnamed group's view (rule named_stance)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text


def test_a_named_persons_wish_to_act_is_a_claim():
    text = "Governor Ana Ruiz wants to repeal the Lanzo wool tax."
    assert claims_text(extract(text)) == [text]
    with rules.disabled({"named_stance"}):
        assert claims_text(extract(text)) == []


def test_a_named_persons_belief_that_is_a_claim_but_a_liking_or_experts_view_is_not():
    assert claims_text(extract("Ana Ruiz believes that the wool tax costs Lanzo 300 jobs.")) == [
        "Ana Ruiz believes that the wool tax costs Lanzo 300 jobs."
    ]
    assert claims_text(extract("Ana Ruiz likes the harbour.")) == []
    assert claims_text(extract("Ana Ruiz loves to sail to Tessaly.")) == []
    assert claims_text(extract("Experts think the wool tax is too high.")) == []
