"""The queue's check-worthiness bars and the claim page's relevance bars are drawn with classes (admin.css), not
style attributes, which the Content-Security-Policy refuses."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_queue_and_the_claim_page_draw_their_bars_with_classes(editor_client, seed_claim):
    queue = editor_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    page = editor_client.get(reverse("admin:claims_claim_change", args=[seed_claim.pk])).content.decode()

    assert "fc-worth fc-worth-high fc-bar-18" in queue  # check-worthiness 0.91
    assert "fc-relevance fc-bar-19" in page and "fc-relevance fc-bar-12" in page  # relevance 0.93 and 0.61
    assert "style=" not in queue.split('id="result_list"')[1].split("</table>")[0]
    assert 'style="width' not in page
