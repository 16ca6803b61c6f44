"""On real PostgreSQL: the same claim stored twice at once, matched at once, ends up as one claim."""

import threading

import pytest
from django.db import connection

from claims import services
from claims.models import Claim, ClaimMention
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

TEXTS = [
    "North Korea recognised the Donetsk People's Republic as an independent state.",
    "North Korea has recognized the Donetsk People's Republic as an independent state.",
]


@pytest.mark.integration
def test_two_copies_matched_concurrently_converge_on_the_older_claim(transactional_db, settings):

    assert connection.vendor == "postgresql"
    settings.FACTCHECK_MATCH_SAME, settings.FACTCHECK_MATCH_SUGGEST = 0.85, 0.65
    claims = []
    for text in TEXTS:
        claim = ClaimFactory(text=text, normalized_text=text.lower())
        ClaimMentionFactory(claim=claim, article=ArticleFactory(), sentence=text)
        services.claim_embed(claim=claim)  # both are stored before either is matched
        claims.append(claim)
    outcomes, errors = {}, []
    barrier = threading.Barrier(2)

    def match(claim_id):
        try:
            barrier.wait(timeout=10)
            outcomes[claim_id] = services.claim_match(claim_id=claim_id)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            from django.db import connections

            connections.close_all()

    threads = [threading.Thread(target=match, args=(c.pk,)) for c in claims]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    older = min(c.pk for c in claims)
    assert list(Claim.objects.values_list("pk", flat=True)) == [older]
    assert ClaimMention.objects.filter(claim_id=older).count() == 2
    assert all(outcome.claim_id == older or outcome.gone for outcome in outcomes.values())
