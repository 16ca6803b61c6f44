"""Editors work on a claim together: internal notes (who, when) and assignment, both in plain sight on the claim page."""

import pytest
from django.urls import reverse

from claims.models import ClaimNote
from claims.services.notes import claim_note_add
from factcheck.exceptions import InvalidInput
from tests.factories import ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db


def test_a_note_records_who_wrote_it_and_when_and_shows_on_the_claim_page(reviewer, reviewer_client):
    claim = ClaimMentionFactory().claim

    response = reviewer_client.post(reverse("admin:claims_claim_note", args=[claim.pk]),
                                    {"note": "Called the ministry; waiting for the data."}, follow=True)  # fmt: skip

    note = ClaimNote.objects.get(claim=claim)
    assert note.author == reviewer and note.created_at is not None
    html = response.content.decode()
    assert "Called the ministry; waiting for the data." in html and "rita-reviewer" in html
    assert "editors only, never public" in html


def test_an_empty_note_is_refused(reviewer):
    with pytest.raises(InvalidInput):
        claim_note_add(claim=ClaimFactory(), text="  ", actor=reviewer)
    assert not ClaimNote.objects.exists()


def test_the_assignee_is_chosen_in_plain_sight_and_saved(reviewer, editor, reviewer_client):
    claim = ClaimMentionFactory().claim
    page = reviewer_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    head = page[page.index('class="fc-claim-head"') : page.index('class="fc-workbench"')]
    assert 'id="fc-assignee"' in head and f'value="{editor.pk}"' in head  # at the top, not in a collapsed box

    reviewer_client.post(reverse("admin:claims_claim_assign", args=[claim.pk]), {"assignee": editor.pk})

    claim.refresh_from_db()
    assert claim.assignee == editor


def test_assigning_to_someone_who_cannot_review_is_refused(reviewer_client, db):
    from tests.factories import UserFactory

    claim = ClaimFactory()
    outsider = UserFactory(username="outsider", is_staff=True)
    response = reviewer_client.post(
        reverse("admin:claims_claim_assign", args=[claim.pk]), {"assignee": outsider.pk}, follow=True
    )
    assert any("Choose someone who can review claims." in str(m) for m in response.context["messages"])
    claim.refresh_from_db()
    assert claim.assignee is None
