"""Four-eyes (FACTCHECK_FOUR_EYES, off by default): whoever drafted a verdict, or its correction, cannot also
publish it; another editor can. The same rule holds in the service, the API and the admin, whose
confirmation page says who drafted the verdict."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from claims import services
from claims.models import Verdict
from claims.roles import EDITOR
from factcheck.exceptions import NotAllowed
from tests.admin.conftest import logged_in
from tests.core.test_settings_parsing import _load_settings
from tests.factories import ClaimFactory, UserFactory, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor(db):
    return UserFactory(username="pat-publisher", roles=[EDITOR])


def drafted_and_ready(author) -> Verdict:
    claim = ClaimFactory()
    services.claim_start_review(claim=claim, actor=author)
    verdict = services.verdict_save(
        claim=claim, rating=rating("False"), explanation="No such law passed.", actor=author
    )
    services.claim_mark_verdict_ready(claim=claim, actor=author)
    return verdict


def test_without_the_setting_an_editor_may_publish_what_they_drafted(editor):
    verdict = drafted_and_ready(editor)

    services.verdict_publish(claim=verdict.claim, actor=editor)

    assert Verdict.objects.get(pk=verdict.pk).published_at is not None


def test_with_the_setting_the_drafter_cannot_publish_but_another_editor_can(settings, editor, second_editor):
    settings.FACTCHECK_FOUR_EYES = True
    verdict = drafted_and_ready(editor)

    with pytest.raises(NotAllowed, match="Four-eyes rule: you drafted this verdict"):
        services.verdict_publish(claim=verdict.claim, actor=editor)
    assert Verdict.objects.get(pk=verdict.pk).published_at is None
    assert verdict.claim.__class__.objects.get(pk=verdict.claim_id).status == "verdict_ready"

    services.verdict_publish(claim=verdict.claim, actor=second_editor)
    assert Verdict.objects.get(pk=verdict.pk).published_at is not None


def test_with_the_setting_the_drafter_of_a_correction_cannot_publish_it(settings, reviewer, editor, second_editor):
    settings.FACTCHECK_FOUR_EYES = True
    verdict = drafted_and_ready(reviewer)
    services.verdict_publish(claim=verdict.claim, actor=editor)
    services.claim_reopen_for_correction(claim=verdict.claim, actor=second_editor, reason="Wrong law.")
    services.verdict_save(claim=verdict.claim, rating=rating("Mostly false"), explanation="A draft bill only.",
                          actor=editor)  # fmt: skip
    services.claim_mark_verdict_ready(claim=verdict.claim, actor=editor)

    with pytest.raises(NotAllowed):
        services.verdict_publish(claim=verdict.claim, actor=editor)
    services.verdict_publish(claim=verdict.claim, actor=second_editor)
    assert Verdict.objects.get(pk=verdict.pk).explanation == "A draft bill only."


def test_over_the_api_the_drafter_gets_a_403_in_the_error_shape(settings, editor):
    settings.FACTCHECK_FOUR_EYES = True
    verdict = drafted_and_ready(editor)
    client = APIClient()
    client.force_authenticate(editor)
    etag = client.get(f"/api/v1/verdicts/{verdict.pk}/")["ETag"]

    response = client.post(f"/api/v1/verdicts/{verdict.pk}/publish", HTTP_IF_MATCH=etag)

    assert response.status_code == 403
    assert "Four-eyes rule" in response.json()["error"]["message"]
    assert Verdict.objects.get(pk=verdict.pk).published_at is None


def test_in_the_admin_the_confirmation_names_the_drafter_and_refuses_them(settings, editor, second_editor):
    settings.FACTCHECK_FOUR_EYES = True
    verdict = drafted_and_ready(editor)
    url = reverse("admin:claims_claim_publish", args=[verdict.claim_id])
    client = logged_in(editor)

    page = client.get(url).content.decode()
    assert "Drafted by <strong>ed-editor</strong>" in page
    assert "another editor must publish it" in page
    assert "Yes, publish this verdict" not in page and "Back to the claim" in page  # no button pressed in vain
    assert "Yes, publish this verdict" in logged_in(second_editor).get(url).content.decode()
    version = services.verdict_version(verdict=verdict)
    response = client.post(url, {"confirm": "yes", f"version-{verdict.claim_id}": version}, follow=True)

    assert any("Four-eyes rule" in str(m) for m in response.context["messages"])
    assert Verdict.objects.get(pk=verdict.pk).published_at is None
    logged_in(second_editor).post(url, {"confirm": "yes", f"version-{verdict.claim_id}": version})
    assert Verdict.objects.get(pk=verdict.pk).published_at is not None


def test_an_unparseable_four_eyes_setting_stops_start_up():
    result = _load_settings("factcheck.settings.local", FACTCHECK_FOUR_EYES="sometimes")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "FACTCHECK_FOUR_EYES" in result.stderr


def test_on_the_claim_page_the_drafter_gets_no_publish_button_and_another_editor_does(settings, editor, second_editor):
    settings.FACTCHECK_FOUR_EYES = True
    verdict = drafted_and_ready(editor)
    url = reverse("admin:claims_claim_change", args=[verdict.claim_id])

    assert 'value="publish"' not in logged_in(editor).get(url).content.decode()
    assert 'value="publish"' in logged_in(second_editor).get(url).content.decode()
