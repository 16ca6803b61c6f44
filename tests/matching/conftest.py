"""Fixtures for claim matching: claims stored and matched the way extraction stores them."""

from __future__ import annotations

import pytest

from claims import services
from claims.matching import index as matching_index
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, rating


@pytest.fixture(autouse=True)
def fresh_index_cache():
    """Each test database starts empty: forget backends cached for an earlier one."""
    matching_index.forget_indexes()
    yield
    matching_index.forget_indexes()


@pytest.fixture
def new_claim(db):
    """Store a claim with one mention in its own article, as extraction does, then match it."""

    def make(text: str, *, match: bool = True, article=None, **fields):
        claim = ClaimFactory(text=text, normalized_text=text.lower().rstrip("."), **fields)
        ClaimMentionFactory(claim=claim, article=article or ArticleFactory(), sentence=text)
        outcome = services.claim_match(claim_id=claim.pk) if match else None
        return claim, outcome

    return make


@pytest.fixture
def publish(reviewer, editor):
    """Take a claim through review to a published verdict."""

    def run(claim, explanation="KCNA reported the recognition on 13 July 2022."):
        services.claim_start_review(claim=claim, actor=reviewer)
        services.verdict_save(claim=claim, rating=rating("True"), explanation=explanation, actor=reviewer)
        services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
        return services.verdict_publish(claim=claim, actor=editor)

    return run
