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
