"""History keeps who did what and why: the claim's workflow and every version of its verdict."""

import pytest
from django.urls import reverse

from claims.models import Claim, Verdict
from tests.admin.test_workflow_actions import press
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db


def test_the_claim_history_shows_each_step_with_its_reason_and_author(editor, editor_client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Claim.Status.PUBLISHED))
    Verdict.objects.filter(pk=verdict.pk).update(published_at="2026-01-01T00:00:00Z")
    press(editor_client, verdict.claim, "correct", _fc_reason="The date was 13 July.")
    html = editor_client.get(reverse("admin:claims_claim_history", args=[verdict.claim_id])).content.decode()
    assert "Correction: The date was 13 July." in html and "ed-editor" in html


def test_the_verdict_history_keeps_every_published_wording_in_full(editor, editor_client, reviewer_client):
    from claims import services

    long_second = "Second wording, " + "with the whole timetable archive cited day by day. " * 4
    verdict = VerdictFactory(claim=ClaimFactory(status=Claim.Status.VERDICT_READY), explanation="First wording.")
    services.verdict_publish(claim=verdict.claim, actor=editor)
    press(editor_client, verdict.claim, "correct", _fc_reason="Clearer wording.")
    press(reviewer_client, verdict.claim, "", explanation=long_second, _continue="1")
    verdict.refresh_from_db()
    assert verdict.explanation == "First wording."  # the draft is the correction's; readers keep the first
    assert verdict.correction.explanation == long_second.strip()
    press(reviewer_client, verdict.claim, "mark_ready")
    services.verdict_publish(claim=verdict.claim, actor=editor)

    page = reviewer_client.get(reverse("admin:claims_claim_change", args=[verdict.claim_id])).content.decode()
    history_url = reverse("admin:claims_verdict_history", args=[verdict.pk])
    assert history_url in page
    response = reviewer_client.get(history_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "First wording." in html and long_second.strip() in html
    assert "Version 2" in html and "Correction: Clearer wording." in html
    assert "Correction published: Clearer wording." in html


def test_every_change_in_the_history_shows_old_and_new_text_whole(reviewer, reviewer_client):
    from claims import services
    from tests.factories import rating

    claim = ClaimFactory(status=Claim.Status.IN_REVIEW)
    shared = "The ministry's statement of 13 July, read against the agency's own archive, shows that "
    first, second = shared + "the ferry carried 900 people.", shared + "the ferry carried 1,900 people that day."
    services.verdict_save(claim=claim, rating=rating("True"), explanation=first, actor=reviewer)
    services.verdict_save(claim=claim, rating=rating("True"), explanation=second, actor=reviewer)

    html = reviewer_client.get(reverse("admin:claims_verdict_history", args=[claim.verdict.pk])).content.decode()

    assert first.replace("'", "&#x27;") in html and second.replace("'", "&#x27;") in html
    assert "chars]" not in html  # no "The m[40 chars]…" cut in the middle of what changed
