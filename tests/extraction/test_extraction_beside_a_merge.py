"""On real PostgreSQL: an article extracted while another worker merges away the claim it repeats stores its
mention on the claim the merge kept, instead of deadlocking with the merge (two articles sharing a claim,
extracted at once, once left one extraction waiting for a retry that never came)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections, transaction

from claims import services
from claims.models import Article, Claim, ClaimMention
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

SHARED = "The harbour board approved a budget of 40 million euros for the new ferry terminal in March 2024."
FIRST = f"{SHARED} The terminal is to open in 2027, the board said in its annual report."
SECOND = f"Dockworkers at the port went on strike for two days in May 2024. {SHARED}"


def _other_backend_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.integration
def test_an_extraction_waits_for_a_merge_of_its_claim_and_mentions_the_claim_kept(transactional_db):
    assert connection.vendor == "postgresql"
    first = ArticleFactory(cleaned_text=FIRST, extraction_status=Article.ExtractionStatus.PENDING)
    shared = next(c for c in services.article_extract(article_id=first.pk) if "harbour board approved" in c.text)
    twin = ClaimFactory(text=shared.text, normalized_text=shared.normalized_text)  # the same claim, stored twice
    ClaimMentionFactory(claim=twin, article=ArticleFactory(), sentence=SHARED)
    second = ArticleFactory(cleaned_text=SECOND, extraction_status=Article.ExtractionStatus.PENDING)
    errors: list[BaseException] = []
    extraction_waited = threading.Event()

    def merge_while_the_extraction_runs():
        try:
            with transaction.atomic():  # as matching's merge does: both claims locked, then mentions moved
                list(Claim.objects.select_for_update().filter(pk__in=[shared.pk, twin.pk]).order_by("pk"))
                deadline = time.monotonic() + 60
                while not _other_backend_waits_for_a_lock() and time.monotonic() < deadline:
                    time.sleep(0.05)
                if time.monotonic() < deadline:
                    extraction_waited.set()
                services.claim_merge(source=Claim.objects.get(pk=shared.pk), target=twin, reason="test")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    def extract_the_second_article():
        try:
            services.article_extract(article_id=second.pk)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=merge_while_the_extraction_runs),
        threading.Thread(target=extract_the_second_article),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert extraction_waited.is_set()  # the two really met: the extraction waited on the merge's lock
    assert not Claim.objects.filter(pk=shared.pk).exists()
    assert set(ClaimMention.objects.filter(article__in=[first, second], sentence__contains="harbour board").values_list(
        "claim_id", flat=True
    )) == {twin.pk}  # fmt: skip
    second.refresh_from_db()
    assert second.extraction_status == Article.ExtractionStatus.DONE
