"""An editor rewrites a claim's text; the text the machine extracted stays on record and on the page."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import Claim
from claims.services import editing
from factcheck.exceptions import InvalidTransition, NotAllowed
from tests.factories import ClaimFactory, ClaimMentionFactory, UserFactory

pytestmark = pytest.mark.django_db

MACHINE = "The ministry said that prices of bread rose 40 percent last year in the capital."
EDITOR = "Bread prices in the capital rose 40 percent last year."


def test_rewriting_keeps_the_extracted_text_and_updates_the_matching_form(reviewer):
    claim = ClaimMentionFactory(claim=ClaimFactory(text=MACHINE)).claim

    edited = editing.claim_edit_text(claim=claim, text=f"  {EDITOR} ", actor=reviewer)

    edited.refresh_from_db()
    assert edited.text == EDITOR
    assert edited.extracted_text == MACHINE
    assert edited.normalized_text == "bread prices in the capital rose 40 percent last year"
    assert edited.history.first().history_change_reason == "Text edited"


def test_a_second_rewrite_keeps_the_first_machine_text(reviewer):
    claim = ClaimFactory(text=MACHINE)
    editing.claim_edit_text(claim=claim, text=EDITOR, actor=reviewer)
    editing.claim_edit_text(claim=claim, text="Bread cost 40 percent more in the capital last year.", actor=reviewer)

    claim.refresh_from_db()
    assert claim.extracted_text == MACHINE
    assert claim.text.startswith("Bread cost")


def test_a_published_claim_is_not_rewritten_without_a_correction(reviewer):
    claim = ClaimFactory(text=MACHINE, status=Claim.Status.PUBLISHED)

    with pytest.raises(InvalidTransition, match="open a correction"):
        editing.claim_edit_text(claim=claim, text=EDITOR, actor=reviewer)
    claim.refresh_from_db()
    assert claim.text == MACHINE


def test_someone_without_a_role_cannot_rewrite(db):
    claim = ClaimFactory(text=MACHINE)
    with pytest.raises(NotAllowed):
        editing.claim_edit_text(claim=claim, text=EDITOR, actor=UserFactory(username="nobody-here"))
    claim.refresh_from_db()
    assert claim.text == MACHINE


def test_the_admin_page_saves_the_text_and_the_claim_page_shows_both(reviewer_client):
    claim = ClaimMentionFactory(claim=ClaimFactory(text=MACHINE)).claim

    response = reviewer_client.post(
        reverse("admin:claims_claim_edit_text", args=[claim.pk]), {"text": EDITOR}, follow=True
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "the extracted text stays on record" in html
    assert f'<blockquote class="fc-claim">{EDITOR}</blockquote>' in html
    assert "Extracted as:" in html and "The ministry said that prices of bread rose" in html


def test_an_empty_text_is_an_error_on_the_page_not_a_500(reviewer_client):
    claim = ClaimFactory(text=MACHINE)

    response = reviewer_client.post(reverse("admin:claims_claim_edit_text", args=[claim.pk]), {"text": "   "})

    assert response.status_code == 200
    assert "A claim needs its text." in response.content.decode()
    claim.refresh_from_db()
    assert claim.text == MACHINE


def test_a_rewritten_claim_is_embedded_again_for_matching(reviewer, django_capture_on_commit_callbacks):
    from claims.matching.decide import matching_text
    from claims.models import ClaimEmbedding
    from claims.services import claim_embed, text_sha256

    claim = ClaimFactory(text=MACHINE)
    claim_embed(claim=claim)
    with django_capture_on_commit_callbacks(execute=True):
        editing.claim_edit_text(claim=claim, text=EDITOR, actor=reviewer)

    assert ClaimEmbedding.objects.get(claim=claim).text_sha256 == text_sha256(matching_text(EDITOR))


def test_a_claim_under_correction_keeps_its_public_text(reviewer, editor):
    from tests.api.conftest import make_claim, publish

    claim = make_claim(MACHINE)
    publish(claim, reviewer=reviewer, editor=editor)
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason="The figure was wrong.")

    with pytest.raises(InvalidTransition, match="claimReviewed"):
        editing.claim_edit_text(claim=claim, text=EDITOR, actor=reviewer)

    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert claim.text == MACHINE  # what readers of the published fact-check still get
