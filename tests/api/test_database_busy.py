"""On SQLite, a write that waits too long for another writer is answered 503 with Retry-After in the API's
error shape, never a 500; the same request succeeds once the other write is done."""

from claims.models import Article

TEXT = "The harbour authority of Florin said on Tuesday that 41 cranes were installed at the new port in 2023."


def test_a_write_blocked_by_another_writer_is_a_retryable_503(another_writer, reviewer_client):
    response = reviewer_client.post("/api/v1/articles/", {"text": TEXT, "language": "en"}, format="json")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "database_busy"
    assert "try again" in response.json()["error"]["message"]

    another_writer.execute("ROLLBACK")
    again = reviewer_client.post("/api/v1/articles/", {"text": TEXT, "language": "en"}, format="json")
    assert again.status_code == 202 and Article.objects.count() == 1
