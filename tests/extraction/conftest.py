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
