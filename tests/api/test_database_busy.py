"""On SQLite, a write that waits too long for another writer is answered 503 with Retry-After in the API's
error shape, never a 500; the same request succeeds once the other write is done."""

import sqlite3

import pytest
from django.db import connection

from claims.models import Article

TEXT = "The harbour authority of Florin said on Tuesday that 41 cranes were installed at the new port in 2023."


@pytest.fixture
def another_writer(transactional_db, reviewer_client):
    """A second connection to the same SQLite database holding its write lock, as a long ingest would
    (taken once the reviewer and their token exist)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single writer is what this is about")
    name = connection.settings_dict["NAME"]
    in_memory = connection.is_in_memory_db()
    other = sqlite3.connect(f"file:{name}?mode=memory&cache=shared" if in_memory and not str(name).startswith("file:")
                            else str(name), uri=in_memory, timeout=0.1, isolation_level=None)  # fmt: skip
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO claims_outlet (name, domain) VALUES ('Busy Outlet', NULL)")
    connection.settings_dict["OPTIONS"] = {**connection.settings_dict.get("OPTIONS", {}), "timeout": 1}
    connection.close()  # reconnect with the short busy timeout
    yield other
    other.rollback() if other.in_transaction else None
    other.close()


def test_a_write_blocked_by_another_writer_is_a_retryable_503(another_writer, reviewer_client):
    response = reviewer_client.post("/api/v1/articles/", {"text": TEXT, "language": "en"}, format="json")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "database_busy"
    assert "try again" in response.json()["error"]["message"]

    another_writer.execute("ROLLBACK")
    again = reviewer_client.post("/api/v1/articles/", {"text": TEXT, "language": "en"}, format="json")
    assert again.status_code == 202 and Article.objects.count() == 1
