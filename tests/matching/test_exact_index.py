"""Exact search (numpy): the true top-k, filters respected, and a cache that follows the table."""

import numpy as np
import pytest

from claims.matching import embeddings
from claims.matching.index import ExactSearch, NumpyIndex, index_for
from claims.models import Claim, ClaimEmbedding
from tests.factories import ClaimFactory


def _random_unit(n, seed=0):
    vectors = np.random.default_rng(seed).standard_normal((n, 384)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_exact_search_returns_the_true_top_k_in_order():
    matrix, query = _random_unit(2000), _random_unit(1, seed=1)[0]
    ids = np.arange(100, 2100)
    hits = ExactSearch(ids, matrix).search(query, 10)
    expected = np.argsort(-(matrix @ query))[:10]
    assert [h.claim_id for h in hits] == list(ids[expected])
    assert [h.score for h in hits] == pytest.approx(list((matrix @ query)[expected]), abs=1e-6)


def test_exact_search_honours_the_allowed_mask_and_small_stores():
    matrix = _random_unit(5)
    search = ExactSearch(np.arange(5), matrix)
    allowed = np.array([True, False, True, False, False])
    assert {h.claim_id for h in search.search(matrix[1], 10, allowed=allowed)} == {0, 2}
    assert ExactSearch(np.zeros(0), np.zeros((0, 384))).search(matrix[0], 3) == []


def _store(vector) -> Claim:
    claim = ClaimFactory()
    ClaimEmbedding.objects.create(claim=claim, vector=embeddings.to_bytes(vector), model_name="t", text_sha256="x")
    return claim


def test_the_database_backend_here_is_exact_numpy_search(db):
    assert isinstance(index_for(), NumpyIndex)


def test_the_cached_matrix_follows_inserts_and_deletes(db):
    vectors = _random_unit(3)
    index = NumpyIndex()
    first = _store(vectors[0])
    assert [h.claim_id for h in index.search(vectors[1], 5)] == [first.pk]
    second = _store(vectors[1])
    assert index.search(vectors[1], 1)[0].claim_id == second.pk
    second.delete()
    assert [h.claim_id for h in index.search(vectors[1], 5)] == [first.pk]


def test_exclude_and_among_restrict_the_results(db):
    vectors = _random_unit(4)
    claims = [_store(v) for v in vectors]
    index = NumpyIndex()
    assert claims[0].pk not in {h.claim_id for h in index.search(vectors[0], 5, exclude={claims[0].pk})}
    among = Claim.objects.filter(pk__in=[claims[2].pk, claims[3].pk])
    assert {h.claim_id for h in index.search(vectors[0], 5, among=among)} == {claims[2].pk, claims[3].pk}
