"""A claim extraction flagged as not reading alone, or not decomposed, says so in the queue and on its page, and
the queue filters by it."""

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_the_claim_page_says_what_context_is_missing(reviewer_client):
    claim = ClaimFactory(text="The letter arrived in Lanzo in 2021.", needs_context='"the letter" not introduced')
    html = reviewer_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "Needs context:" in html
    assert "&quot;the letter&quot; not introduced" in html


def test_the_claim_page_says_a_sentence_was_not_decomposed(reviewer_client):
    claim = ClaimFactory(text="The harbour froze and the ferries stopped.", decomposed=False)
    html = reviewer_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "Not decomposed:" in html
    assert "Needs context:" not in html


def test_the_queue_marks_flagged_claims_and_filters_them(reviewer_client):
    flagged = ClaimFactory(text="The letter arrived in Lanzo in 2021.", needs_context='"the letter" not introduced')
    clean = ClaimFactory(text="The Varnes ferry company carried 41,000 passengers in 2019.")
    queue = reverse("admin:claims_claim_changelist")
    html = reviewer_client.get(queue).content.decode()
    assert "fc-chip-warn" in html and "needs context" in html
    needs = reviewer_client.get(queue, {"context": "needs"}).content.decode()
    assert flagged.text in needs and clean.text not in needs
    alone = reviewer_client.get(queue, {"context": "alone"}).content.decode()
    assert clean.text in alone and flagged.text not in alone
