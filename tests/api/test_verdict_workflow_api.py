"""Reviewers draft verdicts, editors publish them; refusals come back in the one error shape."""

import pytest

from claims import services
from claims.models import Claim, Verdict

from .conftest import make_claim, publish_over_api

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim_in_review(reviewer):
    claim = make_claim("Russia's GDP grew by 3.6% in 2023.")
    return services.claim_start_review(claim=claim, actor=reviewer)


def test_a_verdict_goes_from_draft_to_published_through_the_api(
    reviewer_client, editor_client, claim_in_review, anon_client
):
    created = reviewer_client.post(
        "/api/v1/verdicts/",
        {"claim": claim_in_review.pk, "rating": "Mostly true", "explanation": "Rosstat says 3.6%."},
        format="json",
    )
    assert created.status_code == 201, created.content
    verdict_id = created.json()["id"]
    assert created.json()["published_at"] is None
    assert created.json()["claimreview_url"] is None

    assert reviewer_client.post(f"/api/v1/verdicts/{verdict_id}/ready").status_code == 200
    published = publish_over_api(editor_client, verdict_id)

    assert published.status_code == 200
    assert published.json()["published_at"] is not None
    assert published.json()["public_url"].endswith(f"/claims/{claim_in_review.pk}/")
    assert published.json()["claimreview_url"].endswith(f"/api/v1/verdicts/{verdict_id}/claimreview")
    assert anon_client.get(f"/api/v1/verdicts/{verdict_id}/").json()["rating"] == {"name": "Mostly true", "value": 4}


def test_publishing_a_verdict_that_is_not_ready_is_a_409_with_a_message(
    reviewer_client, editor_client, claim_in_review
):
    created = reviewer_client.post(
        "/api/v1/verdicts/", {"claim": claim_in_review.pk, "rating": "False", "explanation": "No."}, format="json"
    )

    response = publish_over_api(editor_client, created.json()["id"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_transition"
    assert "in review cannot become published" in response.json()["error"]["message"]
    assert Verdict.objects.get().published_at is None


def test_a_verdict_for_a_claim_not_in_review_is_refused_with_409(reviewer_client, db):
    claim = make_claim("A new claim.")

    response = reviewer_client.post(
        "/api/v1/verdicts/", {"claim": claim.pk, "rating": "False", "explanation": "No."}, format="json"
    )

    assert response.status_code == 409
    assert not Verdict.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [
        ({"rating": "False", "explanation": "No."}, "claim"),
        ({"claim": "{claim}", "explanation": "No."}, "rating"),
        ({"claim": "{claim}", "rating": "Pants on fire", "explanation": "No."}, "rating"),
        ({"claim": 999999, "rating": "False", "explanation": "No."}, "claim"),
        ({"claim": "{claim}", "rating": "False"}, "explanation"),
        ({"claim": "{claim}", "rating": "False", "explanation": "No.", "sources": [424242]}, "sources"),
    ],
)
def test_bad_verdict_input_is_a_400_naming_the_field(reviewer_client, claim_in_review, body, field):
    body = {k: (claim_in_review.pk if v == "{claim}" else v) for k, v in body.items()}

    response = reviewer_client.post("/api/v1/verdicts/", body, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert field in error["fields"]
    assert error["message"].startswith(field)


def test_a_blank_explanation_is_refused_by_the_service_with_400(reviewer_client, claim_in_review):
    response = reviewer_client.post(
        "/api/v1/verdicts/", {"claim": claim_in_review.pk, "rating": "False", "explanation": "   "}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["message"] == "A verdict needs an explanation for readers."


def test_unpublishing_needs_a_reason(editor_client, reviewer, editor):
    from .conftest import publish

    verdict = publish(make_claim("Published."), reviewer=reviewer, editor=editor)

    response = editor_client.post(f"/api/v1/verdicts/{verdict.pk}/unpublish", {"reason": ""}, format="json")

    assert response.status_code == 400
    assert "reason" in response.json()["error"]["message"]
    assert Claim.objects.get(pk=verdict.claim_id).status == Claim.Status.PUBLISHED


def test_a_correction_is_republished_with_date_modified(editor_client, reviewer_client, reviewer, editor, anon_client):
    from .conftest import publish

    verdict = publish(make_claim("Published then corrected."), reviewer=reviewer, editor=editor)

    assert (
        editor_client.post(
            f"/api/v1/verdicts/{verdict.pk}/correct", {"reason": "Wrong year."}, format="json"
        ).status_code
        == 200
    )
    assert (
        reviewer_client.patch(
            f"/api/v1/verdicts/{verdict.pk}/", {"explanation": "Fixed year."}, format="json"
        ).status_code
        == 200
    )
    assert reviewer_client.post(f"/api/v1/verdicts/{verdict.pk}/ready").status_code == 200
    assert publish_over_api(editor_client, verdict.pk).status_code == 200

    review = anon_client.get(f"/api/v1/verdicts/{verdict.pk}/claimreview").json()
    verdict.refresh_from_db()
    assert verdict.corrected_at > verdict.first_published_at
    assert review["dateModified"] == verdict.corrected_at.isoformat(timespec="seconds")
    assert review["datePublished"] == verdict.first_published_at.isoformat(timespec="seconds")


def test_a_verdict_cannot_be_moved_to_another_claim(reviewer_client, reviewer):
    claim = services.claim_start_review(claim=make_claim("One."), actor=reviewer)
    other = make_claim("Two.", outlet_name="Other")
    verdict = services.verdict_save(claim=claim, rating=Verdict._meta.get_field("rating").related_model.objects.get(name="False"),
                                    explanation="x", actor=reviewer)  # fmt: skip

    response = reviewer_client.patch(f"/api/v1/verdicts/{verdict.pk}/", {"claim": other.pk}, format="json")

    assert response.status_code == 400
    assert Verdict.objects.get(pk=verdict.pk).claim_id == claim.pk


def test_malformed_json_is_a_400_in_the_error_shape(reviewer_client):
    response = reviewer_client.generic("POST", "/api/v1/verdicts/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_a_bad_cursor_is_a_404_in_the_error_shape(anon_client):
    response = anon_client.get("/api/v1/claims/?cursor=garbage")

    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Invalid cursor"


def test_an_unknown_api_path_is_a_404_in_the_error_shape(anon_client):
    response = anon_client.get("/api/v1/no-such-thing/42")

    assert response.status_code == 404
    assert response.json()["error"] == {
        "status": 404, "code": "not_found", "message": "There is no API endpoint at this address.",
    }  # fmt: skip


def test_a_path_id_beyond_the_bigint_range_is_a_404_not_a_database_error(anon_client):
    assert anon_client.get(f"/api/v1/claims/{2**70}/").status_code == 404
    assert anon_client.get(f"/api/v1/verdicts/{2**70}/claimreview").status_code == 404
    assert anon_client.get(f"/api/v1/claims/?outlet={2**70}").status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "created_after=0226-02-17T17:31:53-17:51",
        "created_after=0001-01-01T00:00:00%2B05:00",
        "created_before=not-a-date",
        "checkworthiness_min=1e400",
        "checkworthiness_max=-3",
        "checkworthiness_min=NaN",
    ],
)
def test_filter_values_the_database_cannot_hold_are_a_400(anon_client, query):
    response = anon_client.get(f"/api/v1/claims/?{query}")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_input"
