from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = "000_69d7ea15770052b5.txt"
SEED_004 = "004_fc362640fd15afc9.txt"


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


SEED_ENTITIES = [str(SEEDS / "entities.json")]


@pytest.fixture(scope="session")
def seed_000_result():
    from django.test import override_settings

    from claims.extraction import extract

    with override_settings(FACTCHECK_GAZETTEER_EXTRA=SEED_ENTITIES):  # the seeds' names load with the seeds
        return extract(seed_text(SEED_000))


@pytest.fixture(scope="session")
def seed_004_result():
    from django.test import override_settings

    from claims.extraction import extract

    with override_settings(FACTCHECK_GAZETTEER_EXTRA=SEED_ENTITIES):
        return extract(seed_text(SEED_004), published=dt.date(2022, 8, 17))


def claims_text(result) -> list[str]:
    return [claim.text for claim in result.claims]


def find_claim(result, *needles: str):
    """The first claim whose text contains every needle (case-insensitive), or None."""
    for claim in result.claims:
        if all(n.lower() in claim.text.lower() for n in needles):
            return claim
    return None


def flags_of(text: str, needle: str) -> list[str]:
    """The "needs context" reasons of the claim of `text` that contains `needle` (which must exist)."""
    from claims.extraction import extract

    claim = find_claim(extract(text), needle)
    assert claim is not None
    return claim.needs_context


def claim_with_rule_and_without(text: str, needle: str, rule: str):
    """The claim of `text` containing `needle`, extracted with the rule on and then switched off."""
    from claims.extraction import extract, rules

    with_rule = find_claim(extract(text), needle)
    with rules.disabled({rule}):
        without = find_claim(extract(text), needle)
    return with_rule, without


def texts_with_rules_off(text: str, off=frozenset()) -> list[str]:
    """The claim texts of `text`, extracted with the rules in `off` switched off (none by default)."""
    from claims.extraction import extract, rules

    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


def made_up_model(intercept: float, **feature_weights: float):
    """A check-worthiness model that weighs only the named general features (checkworthiness.FEATURES), no embedding:
    a statement scores sigmoid(intercept + the weights of the features it has), whatever else its words are."""
    import numpy as np

    from claims.extraction import checkworthiness

    weights = np.zeros(len(checkworthiness.FEATURES))
    for name, weight in feature_weights.items():
        weights[checkworthiness.FEATURES.index(name)] = weight
    return checkworthiness.Model(
        mean=np.zeros(len(weights)),
        scale=np.ones(len(weights)),
        feature_weights=weights,
        embedding_weights=np.zeros(384),
        intercept=intercept,
        slope=1.0,
        offset=0.0,
        embedding_average=0.0,
    )


def rules_alone():
    """The hand rules alone: none of the check-worthiness gate's rules (claims/extraction/gate.py), through which the
    model keeps a sentence the rules left or turned down."""
    from claims.extraction import gate, rules

    return rules.disabled(gate.RULES)


@pytest.fixture
def figures_model():
    """A made-up check-worthiness model, in use for the test, that scores a statement with a figure 0.9 and one
    without 0.1, whatever its wording."""
    from claims.extraction import checkworthiness

    model = made_up_model(-2.2, number=4.4)
    with checkworthiness.using(model):
        yield model


@pytest.fixture
def keen_model():
    """A made-up check-worthiness model, in use for the test, that scores every statement 0.9."""
    from claims.extraction import checkworthiness

    with checkworthiness.using(made_up_model(2.2)):
        yield
