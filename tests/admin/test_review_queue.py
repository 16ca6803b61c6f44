"""The review queue: open work first, most check-worthy first; filters and search that editors use all day."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    ClaimMentionFactory,
    EvidenceFactory,
    OutletFactory,
    VerdictFactory,
)

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:claims_claim_changelist")
Status = Claim.Status


def shown(client, query="") -> list[int]:
    response = client.get(QUEUE + query)
    assert response.status_code == 200
    return [claim.pk for claim in response.context["cl"].result_list]


def test_open_claims_come_first_by_check_worthiness_then_recency(reviewer_client):
    low = ClaimFactory(checkworthiness=0.2)
    high_old = ClaimFactory(checkworthiness=0.9)
    high_new = ClaimFactory(checkworthiness=0.9)
    ClaimFactory(checkworthiness=0.95, status=Status.DISMISSED)
    ClaimFactory(checkworthiness=0.99, status=Status.PUBLISHED)
    assert shown(reviewer_client) == [high_new.pk, high_old.pk, low.pk]


def test_status_filter_shows_everything_on_request(reviewer_client):
    dismissed = ClaimFactory(status=Status.DISMISSED)
    ClaimFactory()
    assert shown(reviewer_client, "?status=dismissed") == [dismissed.pk]
    assert len(shown(reviewer_client, "?status=all")) == 2


def test_has_evidence_filter(reviewer_client):
    with_evidence = EvidenceFactory().claim
    without = ClaimFactory()
    assert shown(reviewer_client, "?evidence=yes") == [with_evidence.pk]
    assert shown(reviewer_client, "?evidence=no") == [without.pk]


def test_assigned_to_me_filter(reviewer, reviewer_client, editor):
    mine = ClaimFactory(assignee=reviewer)
    ClaimFactory(assignee=editor)
    nobody = ClaimFactory()
    assert shown(reviewer_client, "?assigned=me") == [mine.pk]
    assert shown(reviewer_client, "?assigned=nobody") == [nobody.pk]


def test_outlet_filter_without_duplicate_rows(reviewer_client):
    tass = OutletFactory(name="TASS")
    claim = ClaimFactory()
    ClaimMentionFactory(claim=claim, article=ArticleFactory(outlet=tass))
    ClaimMentionFactory(claim=claim, article=ArticleFactory(outlet=tass))
    ClaimMentionFactory(claim=ClaimFactory())
    assert shown(reviewer_client, f"?outlet={tass.pk}") == [claim.pk]


def test_search_finds_claim_text_speaker_and_article_title(reviewer_client):
    by_text = ClaimFactory(text="Syria recognised the DPR on 29 June.")
    by_speaker = ClaimMentionFactory(speaker="Natalya Nikonorova").claim
    by_title = ClaimMentionFactory(article=ArticleFactory(title="Pushilin thanks Pyongyang")).claim
    ClaimFactory()
    assert shown(reviewer_client, "?q=syria") == [by_text.pk]
    assert shown(reviewer_client, "?q=nikonorova") == [by_speaker.pk]
    assert shown(reviewer_client, "?q=pyongyang") == [by_title.pk]


def _queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_page(reviewer_client, reviewer):
    def add_claims(n):
        for _ in range(n):
            mention = ClaimMentionFactory(claim=ClaimFactory(assignee=reviewer))
            EvidenceFactory(claim=mention.claim)

    add_claims(2)
    few = _queue_queries(reviewer_client)
    add_claims(20)
    many = _queue_queries(reviewer_client)
    assert few == many, f"{few} queries for 2 claims, {many} for 22"


def test_the_queue_shows_article_outlet_evidence_and_assignee(reviewer, reviewer_client):
    mention = ClaimMentionFactory(
        claim=ClaimFactory(assignee=reviewer),
        article=ArticleFactory(title="DPR recognition", outlet=OutletFactory(name="Tass")),
    )
    ClaimMentionFactory(claim=mention.claim)
    EvidenceFactory(claim=mention.claim)
    html = reviewer_client.get(QUEUE).content.decode()
    assert "DPR recognition" in html and "Tass" in html and "+1 more" in html
    assert "rita-reviewer" in html


def test_quick_views_count_my_work_and_what_waits_for_publication(reviewer, reviewer_client):
    ClaimFactory(assignee=reviewer, status=Status.IN_REVIEW)
    ClaimFactory(assignee=reviewer, status=Status.PUBLISHED)  # not open: not counted
    ClaimFactory(), ClaimFactory()
    VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY))
    views = {v["label"]: v for v in reviewer_client.get(QUEUE).context["quick_views"]}
    assert views["My open claims"]["count"] == 1
    assert views["New, unassigned"]["count"] == 2
    assert views["Ready to publish"]["count"] == 1
    assert shown(reviewer_client, "?" + views["Ready to publish"]["query"]) == [
        Claim.objects.get(status=Status.VERDICT_READY).pk
    ]
