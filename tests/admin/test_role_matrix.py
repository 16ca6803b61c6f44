"""Every role against every action: what the admin lets each person do, enforced, not just hidden."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import Claim, ClaimMatchSuggestion, Verdict
from claims.roles import ADMIN, EDITOR, REVIEWER
from tests.admin.conftest import logged_in
from tests.factories import ClaimFactory, UserFactory, VerdictFactory, rating

pytestmark = pytest.mark.django_db
Status = Claim.Status


def page(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def post_page(client, claim, **data):
    base = {"claim_type": claim.claim_type, "checkworthiness": claim.checkworthiness}
    verdict = Verdict.objects.filter(claim=claim).first()
    if verdict:
        base.update(rating=verdict.rating_id, explanation=verdict.explanation)
    return client.post(page(claim), {**base, **data})


def published_verdict():
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.PUBLISHED))
    Verdict.objects.filter(pk=verdict.pk).update(published_at="2026-01-01T00:00:00Z")
    return verdict.claim


# Each action: do it as `client`, return True when it took effect.


def open_queue(client):
    return client.get(reverse("admin:claims_claim_changelist")).status_code == 200


def start_review(client):
    claim = ClaimFactory()
    post_page(client, claim, _fc_op="start_review")
    return Claim.objects.get(pk=claim.pk).status == Status.IN_REVIEW


def draft_verdict(client):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    post_page(client, claim, rating=rating("False").pk, explanation="No such recognition.", _continue="1")
    return Verdict.objects.filter(claim=claim).exists()


def mark_ready(client):
    claim = VerdictFactory().claim
    post_page(client, claim, _fc_op="mark_ready")
    return Claim.objects.get(pk=claim.pk).status == Status.VERDICT_READY


def dismiss(client):
    claim = ClaimFactory()
    post_page(client, claim, _fc_op="dismiss")
    return Claim.objects.get(pk=claim.pk).status == Status.DISMISSED


def publish(client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY))
    post_page(client, verdict.claim, _fc_op="publish")  # the button, then the confirmation
    client.post(
        reverse("admin:claims_claim_publish", args=[verdict.claim_id]),
        {"confirm": "yes", f"version-{verdict.claim_id}": services.verdict_version(verdict=verdict)},
    )
    return Verdict.objects.get(pk=verdict.pk).published_at is not None


def bulk_publish(client):
    verdict = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY))
    client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "publish_verdicts", "_selected_action": [verdict.claim_id]},
        follow=True,
    )
    client.post(
        reverse("admin:claims_claim_publish_many"),
        {
            "confirm": "yes",
            "ids": [verdict.claim_id],
            f"version-{verdict.claim_id}": services.verdict_version(verdict=verdict),
        },
    )
    return Verdict.objects.get(pk=verdict.pk).published_at is not None


def unpublish(client):
    claim = published_verdict()
    post_page(client, claim, _fc_op="unpublish", _fc_reason="Wrong date.")
    return Verdict.objects.get(claim=claim).published_at is None


def correct(client):
    claim = published_verdict()
    post_page(client, claim, _fc_op="correct", _fc_reason="Wrong date.")
    return Claim.objects.get(pk=claim.pk).status == Status.IN_REVIEW


def decide_match(client):
    a, b = ClaimFactory(), ClaimFactory()
    suggestion = ClaimMatchSuggestion.objects.create(claim=a, candidate=b, score=0.8)
    post_page(client, a, _fc_match=f"{suggestion.pk}:rejected")
    return ClaimMatchSuggestion.objects.get(pk=suggestion.pk).decision == "rejected"


def see_webhook_secrets(client):
    return client.get(reverse("admin:claims_webhooksubscription_changelist")).status_code == 200


ACTIONS = [open_queue, start_review, draft_verdict, mark_ready, dismiss, decide_match, publish, bulk_publish,
           unpublish, correct, see_webhook_secrets]  # fmt: skip
EDITORIAL = {"publish", "bulk_publish", "unpublish", "correct", "see_webhook_secrets"}
ALLOWED = {
    REVIEWER: {a.__name__ for a in ACTIONS} - EDITORIAL,
    EDITOR: {a.__name__ for a in ACTIONS},
    ADMIN: {a.__name__ for a in ACTIONS},
    None: set(),  # staff account without a role
}


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.__name__)
@pytest.mark.parametrize("role", [REVIEWER, EDITOR, ADMIN, None], ids=lambda r: r or "no-role")
def test_each_role_can_do_exactly_its_actions(role, action):
    user = UserFactory(username=f"{role or 'nobody'}-{action.__name__}", roles=[role] if role else [])
    assert action(logged_in(user)) is (action.__name__ in ALLOWED[role])


def test_a_reviewer_sees_no_publish_button_nor_bulk_publish(reviewer_client):
    claim = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY)).claim
    html = reviewer_client.get(page(claim)).content.decode()
    assert 'value="publish"' not in html and 'value="send_back"' in html
    queue = reviewer_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "publish_verdicts" not in queue and "start_review" in queue


def test_a_reviewer_cannot_open_the_publish_confirmation(reviewer_client):
    claim = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY)).claim
    assert reviewer_client.get(reverse("admin:claims_claim_publish", args=[claim.pk])).status_code == 403


def test_an_editor_sees_the_publish_button_on_a_ready_verdict(editor_client):
    claim = VerdictFactory(claim=ClaimFactory(status=Status.VERDICT_READY)).claim
    assert 'value="publish"' in editor_client.get(page(claim)).content.decode()
