"""Publishing over the API quotes the version the editor read (If-Match with the verdict's ETag): a verdict
changed since is refused with 412, a publish that names no version with 428, both in the one error shape.
The admin's confirmation page goes through the same service rule (tests/admin/test_workflow_actions.py)."""

import pytest

from claims import services
from claims.models import Verdict
from tests.factories import rating

from .conftest import make_claim, publish, publish_over_api

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_verdict(reviewer):
    claim = make_claim("The harbour bridge toll fell by a third in 2029.")
    services.claim_start_review(claim=claim, actor=reviewer)
    verdict = services.verdict_save(claim=claim, rating=rating("False"), explanation="The toll rose.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    return verdict


def test_publishing_with_the_etag_just_read_publishes(editor_client, ready_verdict):
    response = publish_over_api(editor_client, ready_verdict.pk)

    assert response.status_code == 200, response.content
    assert Verdict.objects.get(pk=ready_verdict.pk).published_at is not None
    assert response["ETag"].startswith(f'"{ready_verdict.pk}.')


def test_a_verdict_edited_after_the_editor_read_it_is_refused_with_412(editor_client, reviewer_client, ready_verdict):
    etag = editor_client.get(f"/api/v1/verdicts/{ready_verdict.pk}/")["ETag"]
    services.claim_send_back(claim=ready_verdict.claim, actor=ready_verdict.reviewer)
    edited = reviewer_client.patch(f"/api/v1/verdicts/{ready_verdict.pk}/", {"explanation": "Now it says it fell."},
                                   format="json")  # fmt: skip
    assert edited.status_code == 200 and edited["ETag"] != etag
    services.claim_mark_verdict_ready(claim=ready_verdict.claim, actor=ready_verdict.reviewer)

    response = editor_client.post(f"/api/v1/verdicts/{ready_verdict.pk}/publish", HTTP_IF_MATCH=etag)

    assert response.status_code == 412
    assert response.json()["error"]["code"] == "stale_version"
    assert "changed after you reviewed it" in response.json()["error"]["message"]
    assert Verdict.objects.get(pk=ready_verdict.pk).published_at is None
    assert publish_over_api(editor_client, ready_verdict.pk).status_code == 200  # read again, then it goes


@pytest.mark.parametrize("header", [None, "", "*", '"1.2", "1.3"'])
def test_a_publish_that_names_no_single_version_is_refused_with_428(editor_client, ready_verdict, header):
    extra = {} if header is None else {"HTTP_IF_MATCH": header}

    response = editor_client.post(f"/api/v1/verdicts/{ready_verdict.pk}/publish", **extra)

    assert response.status_code == 428
    assert response.json()["error"] == {
        "status": 428, "code": "version_required", "message": response.json()["error"]["message"],
    }  # fmt: skip
    assert "If-Match" in response.json()["error"]["message"]
    assert Verdict.objects.get(pk=ready_verdict.pk).published_at is None


def test_a_correction_draft_saved_after_the_read_makes_the_etag_stale(editor_client, reviewer_client, reviewer, editor):
    verdict = publish(make_claim("Ferry crossings tripled in 2030."), reviewer=reviewer, editor=editor)
    editor_client.post(f"/api/v1/verdicts/{verdict.pk}/correct", {"reason": "The year."}, format="json")
    reviewer_client.post(f"/api/v1/verdicts/{verdict.pk}/ready")
    etag = editor_client.get(f"/api/v1/verdicts/{verdict.pk}/")["ETag"]
    services.claim_send_back(claim=verdict.claim, actor=reviewer)
    reviewer_client.patch(f"/api/v1/verdicts/{verdict.pk}/", {"explanation": "They doubled."}, format="json")
    services.claim_mark_verdict_ready(claim=verdict.claim, actor=reviewer)

    assert editor_client.post(f"/api/v1/verdicts/{verdict.pk}/publish", HTTP_IF_MATCH=etag).status_code == 412
    assert publish_over_api(editor_client, verdict.pk).status_code == 200
    assert Verdict.objects.get(pk=verdict.pk).explanation == "They doubled."


def test_the_public_gets_no_etag(anon_client, editor_client, published_verdict):
    public = anon_client.get(f"/api/v1/verdicts/{published_verdict.pk}/")
    staff = editor_client.get(f"/api/v1/verdicts/{published_verdict.pk}/")

    assert public.status_code == 200 and "ETag" not in public
    assert staff["ETag"] == f'"{services.verdict_version(verdict=published_verdict)}"'
