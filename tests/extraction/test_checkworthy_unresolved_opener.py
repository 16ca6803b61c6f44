"""A declarative sentence that opens with a pronoun nothing resolved is kept, in its own words and flagged "needs
context", when the check-worthiness model scores it at or above gate.KEEP_UNRESOLVED, a stricter line than the one
for a sentence that reads alone (rule checkworthy_unresolved_opener); below it, or with the rule off, it stays no
claim (rule drop_unresolved)."""

from __future__ import annotations

import math

import pytest

from claims.extraction import checkworthiness, extract, gate, rules

from .conftest import claims_text, made_up_model

OPENS_WITH_IT = "It sold the harbour cranes to Lanzo Shipping."
OPENS_WITH_THAT = "That was the year the Orvik mill closed."


def logit(p: float) -> float:
    return math.log(p / (1 - p))


@pytest.fixture
def names_model():
    """A made-up model that scores a statement naming someone 0.9 and one naming nobody 0.1."""
    with checkworthiness.using(made_up_model(-2.2, names=4.4)):
        yield


def model_scoring(p: float):
    """A made-up model that scores every statement `p`."""
    return checkworthiness.using(made_up_model(logit(p)))


def test_a_sentence_opening_with_an_unresolved_it_that_the_model_scores_high_is_kept_in_its_words_and_flagged(
    names_model,
):
    claims = extract(OPENS_WITH_IT).claims
    assert [c.text for c in claims] == [OPENS_WITH_IT]
    assert isinstance(claims[0], gate.GatedUnresolved)
    assert claims[0].decomposed is False
    assert claims[0].checkworthiness == pytest.approx(0.9, abs=1e-3)
    assert 'pronoun "It"' in claims[0].needs_context


def test_a_sentence_opening_with_a_demonstrative_is_kept_the_same_way(names_model):
    claims = extract(OPENS_WITH_THAT).claims
    assert [c.text for c in claims] == [OPENS_WITH_THAT]
    assert 'demonstrative "That"' in claims[0].needs_context


def test_it_is_kept_at_or_above_its_own_line_and_not_below_it():
    assert gate.KEEP_UNRESOLVED >= gate.KEEP
    with model_scoring(gate.KEEP_UNRESOLVED + 0.01):
        assert claims_text(extract(OPENS_WITH_IT)) == [OPENS_WITH_IT]
    with model_scoring(gate.KEEP_UNRESOLVED - 0.01):
        assert claims_text(extract(OPENS_WITH_IT)) == []


def test_one_with_a_second_gap_is_no_claim(names_model):
    # "a similar offer": what it is similar to is in the article too; one look would not make it a claim
    assert claims_text(extract("It came two days after Ana Ruiz made a similar offer to Lanzo Shipping.")) == []
    assert claims_text(extract("It came two days after Ana Ruiz made an offer to Lanzo Shipping.")) == [
        "It came two days after Ana Ruiz made an offer to Lanzo Shipping."
    ]


def test_one_the_model_scores_low_stays_no_claim(names_model):
    assert claims_text(extract("It was a quiet summer in the valley.")) == []
    assert claims_text(extract(OPENS_WITH_IT)) == [OPENS_WITH_IT]


def test_a_promise_opening_with_it_is_the_refused_rules_to_keep(names_model):
    promise = "It will sell the harbour cranes to Lanzo Shipping."
    with rules.disabled({gate.REFUSED_RULE}):
        assert claims_text(extract(promise)) == []
        assert claims_text(extract(OPENS_WITH_IT)) == [OPENS_WITH_IT]
    assert isinstance(extract(promise).claims[0], gate.GatedRefused)


def test_with_the_rule_off_the_unresolved_opener_is_dropped(names_model):
    with rules.disabled({gate.UNRESOLVED_RULE}):
        assert claims_text(extract(OPENS_WITH_IT)) == []
        assert claims_text(extract("Ana Ruiz sold the harbour cranes to Lanzo Shipping.")) == [
            "Ana Ruiz sold the harbour cranes to Lanzo Shipping."
        ]


def test_a_pronoun_the_pipeline_resolves_is_written_out_not_gated(names_model):
    claims = extract("The Orvik council met in May 2021. " + OPENS_WITH_IT).claims
    resolved = [c for c in claims if "harbour cranes" in c.text]
    assert [c.text for c in resolved] == ["The Orvik council sold the harbour cranes to Lanzo Shipping."]
    assert not isinstance(resolved[0], gate.GatedSentence)
