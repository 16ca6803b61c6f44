"""POST /api/v1/claims/match: the closest claims with score, status and published verdict; the public sees published ones only."""

import pytest
from rest_framework.test import APIClient

from claims.links import public_claim_url
from tests.factories import UserFactory

KNOWN = "North Korea recognised the Donetsk People's Republic as an independent state."
DRAFT = "Syria recognised the Donetsk People's Republic as an independent state."
URL = "/api/v1/claims/match"


@pytest.fixture(autouse=True)
def thresholds(settings):
    settings.FACTCHECK_MATCH_SAME = 0.88
    settings.FACTCHECK_MATCH_SUGGEST = 0.70


@pytest.fixture
def stored(new_claim, publish):
    checked, _ = new_claim(KNOWN)
    verdict = publish(checked)
    unchecked, _ = new_claim(DRAFT)
    return checked, verdict, unchecked


def test_anyone_learns_that_a_claim_was_checked_and_how_it_was_rated(stored):
    checked, verdict, unchecked = stored
    response = APIClient().post(
        URL,
        {"text": "North Korea has recognized the Donetsk People's Republic as an independent state."},
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert body["checked"] is True
    assert [r["id"] for r in body["results"]] == [checked.pk]  # the unpublished claim stays hidden
    best = body["results"][0]
    assert best["status"] == "published" and best["match"] == "same" and best["score"] >= 0.88
    assert best["verdict"]["rating"]["name"] == "True"
    assert best["public_url"] == public_claim_url(checked.pk)


def test_staff_see_unpublished_claims_too_but_never_an_unpublished_verdict(stored, reviewer):
    checked, _verdict, unchecked = stored
    client = APIClient()
    client.force_authenticate(reviewer)
    response = client.post(URL, {"text": "Syria recognized the Donetsk People's Republic.", "limit": 5}, format="json")

    results = response.json()["results"]
    assert [r["id"] for r in results] == [unchecked.pk, checked.pk]
    assert results[0]["status"] == "new" and results[0]["verdict"] is None
    assert results[0]["score"] > results[1]["score"]
    assert response.json()["checked"] is False  # the same claim has no published verdict


def test_an_account_without_a_role_sees_what_the_public_sees(stored):
    checked, _verdict, _unchecked = stored
    client = APIClient()
    client.force_authenticate(UserFactory(username="no-role", is_staff=False))
    results = client.post(URL, {"text": DRAFT}, format="json").json()["results"]
    assert [r["id"] for r in results] == [checked.pk]


def test_an_unrelated_text_gets_results_marked_as_related_only(stored):
    response = APIClient().post(URL, {"text": "Ohio's unemployment rate fell to 4 percent."}, format="json")
    assert response.json()["checked"] is False
    assert all(r["match"] == "related" for r in response.json()["results"])


def test_an_empty_store_answers_an_empty_list(db):
    response = APIClient().post(URL, {"text": "Anything at all."}, format="json")
    assert response.status_code == 200 and response.json() == {"results": [], "checked": False}


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 2001}, "text"),
        ({"text": "fine", "limit": 0}, "limit"),
        ({"text": "fine", "limit": 51}, "limit"),
        ({"text": ["not", "a", "string"]}, "text"),
    ],
)
def test_bad_input_is_a_400_in_the_one_error_shape(db, body, field):
    response = APIClient().post(URL, body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and field in error["fields"] and error["message"].startswith(field)


def test_a_body_that_is_not_json_is_a_400(db):
    response = APIClient().post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400 and "error" in response.json()


def test_other_methods_are_refused(db):
    assert APIClient().get(URL).status_code == 405
