"""Nearest-neighbour search over stored claim embeddings.

Two backends answer the same question ("the k claims closest to this vector"):

- `PgvectorIndex`: PostgreSQL with the `vector` extension; an HNSW index (approximate, sub-linear).
  Filters (exclude ids, "only these claims") run inside the index scan with pgvector 0.8's
  iterative scan, so a selective filter still returns k rows.
- `NumpyIndex`: everywhere else (SQLite by default, PostgreSQL without pgvector). Exact search:
  one matrix-vector product over every stored embedding. The matrix is loaded once and reloaded
  only when the table changes (a cheap count/max query per search), so repeated searches cost
  the product alone.

`index_for()` picks the backend for a database.
"""

from __future__ import annotations

import threading
from collections.abc import Collection

import numpy as np
from django.db import connections, transaction
from django.db.models import Count, Max, QuerySet

from . import pgvector_schema
from .decide import Hit
from .embeddings import DIMENSIONS, from_bytes
from .pgvector_schema import vector_literal

# pgvector's default is 40. Measured by bench/matching.py (recall@10 against exact float32 search; the halfvec
# index of pgvector_schema, held in shared_buffers): real sentence embeddings, 10k stored: 0.985 at 40, 0.998 at
# 100, 1.000 at 200; harder synthetic vectors, 1M stored: 0.80 at 100 (p50 5-10 ms), 0.93 at 200 (10-16 ms),
# 0.949 at 250 (11.5 ms), 0.966 at 300 (13.5 ms), 0.982 at 400 (18-26 ms). 300 is the least that keeps
# recall >= 0.95 at 1M; a missed match is a claim checked twice, so recall is worth the milliseconds here.
DEFAULT_EF_SEARCH = 300


class ExactSearch:
    """Exact top-k by dot product over an in-memory matrix of normalised vectors."""

    def __init__(self, ids: np.ndarray, matrix: np.ndarray):
        self.ids = np.asarray(ids, dtype=np.int64)
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32).reshape(len(self.ids), DIMENSIONS)

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, vector: np.ndarray, k: int, *, allowed: np.ndarray | None = None) -> list[Hit]:
        """The k best rows; `allowed` is a boolean mask over rows (None: all rows)."""
        if not len(self.ids) or k <= 0:
            return []
        scores = self.matrix @ np.asarray(vector, dtype=np.float32)
        if allowed is not None:
            scores = np.where(allowed, scores, -np.inf)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [Hit(int(self.ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]


class NumpyIndex:
    """Exact search over the portable column, cached in memory until the table changes."""

    def __init__(self, using: str = "default"):
        self.using = using
        self._lock = threading.Lock()
        self._signature = None
        self._search = ExactSearch(np.zeros(0), np.zeros((0, DIMENSIONS)))

    def _rows(self):
        from claims.models import ClaimEmbedding

        return ClaimEmbedding.objects.using(self.using)

    def _current(self) -> ExactSearch:
        signature = tuple(self._rows().aggregate(n=Count("pk"), last=Max("pk"), changed=Max("updated_at")).values())
        with self._lock:
            if signature != self._signature:
                rows = list(self._rows().values_list("claim_id", "vector"))
                ids = np.fromiter((claim_id for claim_id, _ in rows), dtype=np.int64, count=len(rows))
                matrix = np.empty((len(rows), DIMENSIONS), dtype=np.float32)
                for i, (_, data) in enumerate(rows):
                    matrix[i] = from_bytes(data)
                self._search, self._signature = ExactSearch(ids, matrix), signature
            return self._search

    def add(self, claim_id: int, vector: np.ndarray) -> None:
        """Nothing to do: the next search sees the changed table and reloads."""

    def search(
        self, vector: np.ndarray, k: int, *, exclude: Collection[int] = (), among: QuerySet | None = None
    ) -> list[Hit]:
        search = self._current()
        allowed = None
        if exclude:
            allowed = ~np.isin(search.ids, np.fromiter(exclude, dtype=np.int64))
        if among is not None:
            wanted = np.fromiter(among.using(self.using).values_list("pk", flat=True), dtype=np.int64)
            inside = np.isin(search.ids, wanted)
            allowed = inside if allowed is None else allowed & inside
        return search.search(vector, k, allowed=allowed)


class PgvectorIndex:
    """HNSW search in PostgreSQL (pgvector). Scores are cosine similarities, like the exact backend's."""

    def __init__(self, using: str = "default", *, ef_search: int = DEFAULT_EF_SEARCH):
        self.using = using
        self.ef_search = ef_search

    @property
    def connection(self):
        return connections[self.using]

    def add(self, claim_id: int, vector: np.ndarray) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {pgvector_schema.TABLE} SET {pgvector_schema.COLUMN} = %s::vector WHERE claim_id = %s",
                [vector_literal(vector), claim_id],
            )

    def search(
        self, vector: np.ndarray, k: int, *, exclude: Collection[int] = (), among: QuerySet | None = None
    ) -> list[Hit]:
        if k <= 0:
            return []
        literal = vector_literal(vector)
        where, params = [f"{pgvector_schema.COLUMN} IS NOT NULL"], []
        if exclude:
            where.append("NOT (claim_id = ANY(%s))")
            params.append(list(exclude))
        if among is not None:
            sql, among_params = among.values("pk").query.get_compiler(self.using).as_sql()
            where.append(f"claim_id IN ({sql})")
            params.extend(among_params)
        # Ordered by the indexed (half-precision) distance, so that the HNSW index answers; scored with the
        # full-precision column, so that scores equal the exact backend's.
        query = (
            f"SELECT claim_id, {pgvector_schema.COLUMN} <=> %s::vector AS distance FROM {pgvector_schema.TABLE} "
            f"WHERE {' AND '.join(where)} ORDER BY {pgvector_schema.order_by_sql()} LIMIT %s"
        )
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            # Both settings last until the end of this transaction only.
            cursor.execute(
                "SELECT set_config('hnsw.ef_search', %s, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)",
                [str(max(self.ef_search, k))],
            )
            cursor.execute(query, [literal, *params, literal, k])
            rows = cursor.fetchall()
        # relaxed_order, and the half-precision ordering, may return neighbours slightly out of order.
        hits = [Hit(int(claim_id), 1.0 - float(distance)) for claim_id, distance in rows]
        return sorted(hits, key=lambda h: (-h.score, h.claim_id))


_indexes: dict[tuple[str, str], NumpyIndex | PgvectorIndex] = {}
_indexes_lock = threading.Lock()


def index_for(using: str = "default") -> NumpyIndex | PgvectorIndex:
    """The search backend for a database: pgvector when its column exists there, exact numpy search otherwise."""
    connection = connections[using]
    key = (using, str(connection.settings_dict.get("NAME")))
    index = _indexes.get(key)
    if index is None:
        with _indexes_lock:
            index = _indexes.get(key)
            if index is None:
                index = PgvectorIndex(using) if pgvector_schema.column_present(connection) else NumpyIndex(using)
                _indexes[key] = index
    return index


def forget_indexes() -> None:
    """Drop the cached backends (after a schema change, or between test databases)."""
    with _indexes_lock:
        _indexes.clear()
