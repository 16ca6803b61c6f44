"""The queue's paging and counting on PostgreSQL, where they differ from Django's stock behaviour."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.admin import QueuePaginator
from claims.models import Claim, ClaimMention
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
QUEUE = reverse("admin:claims_claim_changelist")


@pytest.fixture
def many_claims(db):
    if connection.vendor != "postgresql":
        pytest.fail("These tests need PostgreSQL: set DATABASE_URL=postgres://...")
    rng = random.Random(7)
    Claim.objects.bulk_create(
        Claim(text=f"Claim {i} about the DPR", normalized_text=f"claim {i}", checkworthiness=round(rng.random(), 2))
        for i in range(6_000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")
    return Claim.objects.count()


def expected_order(queryset):
    return list(queryset.order_by("-checkworthiness", "-created_at", "-pk").values_list("pk", flat=True))


def test_pages_follow_the_database_order_in_both_paths(reviewer_client, many_claims):
    everything = expected_order(Claim.objects.all())
    assert [c.pk for c in reviewer_client.get(QUEUE + "?p=2").context["cl"].result_list] == everything[50:100]
    # few matches: the sparse path orders them in Python, the same way
    sparse = expected_order(Claim.objects.filter(text__icontains="Claim 59"))
    shown = [c.pk for c in reviewer_client.get(QUEUE + "?q=Claim+59").context["cl"].result_list]
    assert len(sparse) == 111 and shown == sparse[:50]  # Claim 59, 590-599, 5900-5999


def test_a_big_list_is_counted_from_the_planner_not_by_a_full_count(reviewer_client, many_claims, monkeypatch):
    monkeypatch.setattr(QueuePaginator, "ESTIMATE_ABOVE", 1_000)
    with CaptureQueriesContext(connection) as queries:
        response = reviewer_client.get(QUEUE + "?status=all")
    paginator = response.context["cl"].paginator
    assert paginator.is_estimate and abs(paginator.count - many_claims) < many_claims * 0.2
    counts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(")]
    assert any("LIMIT 1001" in sql for sql in counts)  # the list's own count: bounded
    assert all(" LIMIT " in sql for sql in counts), counts  # and the quick views' counts too: never the whole table


def test_a_short_list_is_counted_exactly(reviewer_client, many_claims):
    response = reviewer_client.get(QUEUE + "?q=Claim+5999")
    assert response.context["cl"].result_count == 1 and not response.context["cl"].paginator.is_estimate


def test_search_by_speaker_and_title_uses_the_trigram_indexes(reviewer_client, many_claims):
    claim = Claim.objects.order_by("pk").first()
    ClaimMention.objects.create(
        claim=claim,
        article=ArticleFactory(title="Pyongyang and Donetsk"),
        sentence="s",
        start=0,
        end=1,
        speaker="Pushilin",
    )
    assert [c.pk for c in reviewer_client.get(QUEUE + "?q=pushilin").context["cl"].result_list] == [claim.pk]
    assert [c.pk for c in reviewer_client.get(QUEUE + "?q=PYONGYANG").context["cl"].result_list] == [claim.pk]
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_upper_trgm'")
        assert {row[0] for row in cursor.fetchall()} == {
            "claim_text_upper_trgm", "mention_speaker_upper_trgm", "article_title_upper_trgm"
        }  # fmt: skip
