"""On real PostgreSQL: two evidence writers for each other's claims, interleaved the way that deadlocked, both finish.

A fetch of claim A stores source S (an article of ours) and its evidence for A; at COMMIT PostgreSQL checks the
evidence's foreign keys with FOR KEY SHARE on A and S. Meanwhile a corroboration run (claim B's fetch offering B's
articles back) locks A, then asks for S. With FOR UPDATE locks the commit waited for A's lock and the corroboration
run for S's: a deadlock, and one of them failed (an extraction, when its fetches ran in its own thread).
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from claims.models import Article
from sources import selectors
from sources.fetchers.internal import article_document
from sources.models import Evidence
from sources.services import internal_corroborate_back, source_store
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.integration

SHARED = "The harbour authority of Port Velmor opened a second container terminal in March"


def _claim_in(article, text):
    claim = ClaimFactory(text=text)
    ClaimMentionFactory(claim=claim, article=article, sentence=text)
    return claim


def _someone_waits_for_a_lock(deadline: float) -> bool:
    """Whether another backend of this database is waiting for a row or transaction lock."""
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.05)
    return False


def test_a_fetch_committing_evidence_and_a_corroboration_run_do_not_deadlock(transactional_db):
    assert connection.vendor == "postgresql"
    first = ArticleFactory(url=None, raw_text=SHARED, cleaned_text=f"{SHARED}, the port said on Monday. Dock workers "
                           "had asked for the expansion for a decade, and the union welcomed the news.")  # fmt: skip
    second = ArticleFactory(url=None, raw_text=SHARED, cleaned_text="Shipping lines plan new routes to the north. "
                            f"{SHARED}, officials confirmed. Freight rates fell by a fifth over the summer.")  # fmt: skip
    claim_a = _claim_in(first, f"{SHARED}.")  # the fetch's claim, in the first article
    claim_b = _claim_in(second, f"{SHARED} this year.")  # whose fetch offers its article back to claim A
    first_as_found, second_doc = (article_document(selectors.with_text_head(Article.objects.filter(pk=a.pk)).get())
                                  for a in (first, second))  # fmt: skip
    query_b = selectors.claim_query(claim_id=claim_b.pk)

    stored, commit_now = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    corroborated: list[int] = []

    def fetch_of_a():  # stores the second article as a source with evidence for A, then commits when told
        try:
            with transaction.atomic():
                source = source_store(second_doc)
                Evidence.objects.create(claim=claim_a, source=source, passage=SHARED, passage_sha256="a" * 64)
                stored.set()
                assert commit_now.wait(timeout=30)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            stored.set()
            connections.close_all()

    def corroboration_from_b():  # locks A, then wants the second article's source
        try:
            assert stored.wait(timeout=30)
            corroborated.extend(internal_corroborate_back(query=query_b, documents=[first_as_found]))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=fetch_of_a), threading.Thread(target=corroboration_from_b)]
    for thread in threads:
        thread.start()
    # The corroboration run is now blocked on the source the fetch holds (the interleaving that deadlocked).
    waited = _someone_waits_for_a_lock(time.monotonic() + 60)
    commit_now.set()
    for thread in threads:
        thread.join(timeout=60)

    assert waited, "the corroboration run never reached the fetch's lock: the test did not interleave them"
    assert not errors, errors
    assert corroborated == [claim_a.pk]
    assert Evidence.objects.filter(claim=claim_a, passage_sha256="a" * 64).exists()  # the fetch's commit landed
    assert Evidence.objects.filter(claim=claim_a, fetcher="internal").exists()  # and so did the corroboration
