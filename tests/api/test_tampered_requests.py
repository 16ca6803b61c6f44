"""What an anonymous client can send and still get a 4xx in the one error shape, never a 500:
a tampered pagination cursor on every list, deeply nested JSON, an over-long body."""

import base64
import json
from urllib.parse import urlencode

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import make_claim, publish

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/articles/", "/api/v1/claims/", "/api/v1/verdicts/", "/api/v1/evidence/", "/api/v1/sources/",
         "/api/v1/claimreviews/"]  # fmt: skip


def _cursor(raw: str) -> str:
    return base64.b64encode(raw.encode()).decode()


TAMPERED = {
    "position not a number": _cursor("o=0&r=0&p=abc"),
    "position beyond a bigint": _cursor("p=99999999999999999999999999"),
    "negative offset": _cursor("o=-5&p=3"),
    "huge offset": _cursor("o=99999999999999999999&p=3"),
    "position with a NUL": _cursor("p=1%00"),
    "not base64": "!!!",
    "reverse not a flag": _cursor("r=maybe&p=3"),
}


@pytest.fixture
def two_published(reviewer, editor):
    for text in ("Rain fell in Leeds on Tuesday.", "Snow fell in Oslo on Monday."):
        publish(make_claim(text), reviewer=reviewer, editor=editor)


def _is_error(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    error = response.json()["error"]
    assert error["status"] == status and error["message"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("cursor", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_tampered_cursor_is_a_404_in_the_error_shape(two_published, path, cursor):
    response = APIClient().get(f"{path}?{urlencode({'cursor': cursor})}")

    _is_error(response, 404)
    assert response.json()["error"]["message"] == "Invalid cursor"


@pytest.mark.parametrize("path", LISTS)
def test_a_genuine_cursor_still_pages_through_every_list(two_published, path):
    client = APIClient()
    first = client.get(path, {"page_size": 1}).json()
    assert first["next"], path

    second = client.get(first["next"])

    assert second.status_code == 200
    assert len(second.json()["results"] if "results" in second.json() else second.json()["dataFeedElement"]) == 1


def test_deeply_nested_json_on_claim_match_is_a_400(db):
    body = "[" * 10_000 + "]" * 10_000

    response = APIClient().post("/api/v1/claims/match", body, content_type="application/json")

    _is_error(response, 400)
    assert response.json()["error"]["code"] == "parse_error"


def test_deeply_nested_json_on_article_ingest_is_a_400(reviewer):
    client = APIClient()
    client.force_authenticate(reviewer)
    body = '{"text": ' + "[" * 10_000 + "]" * 10_000 + "}"

    response = client.post("/api/v1/articles/", body, content_type="application/json")

    _is_error(response, 400)


def test_a_body_over_the_upload_limit_is_a_413_in_the_error_shape(reviewer, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client = APIClient()
    client.force_authenticate(reviewer)

    response = client.post(
        "/api/v1/articles/", json.dumps({"text": "Rain fell. " * 2_000}), content_type="application/json"
    )

    _is_error(response, 413)
    assert response.json()["error"]["code"] == "request_too_large"


def test_the_documented_html_limit_fits_in_a_request(settings):
    from claims.api.serializers import MAX_HTML_CHARS

    # The largest accepted html field, written as plain JSON, fits the upload limit.
    assert MAX_HTML_CHARS + 100 <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_html_one_character_over_the_documented_limit_reaches_the_field_check(reviewer):
    from claims.api.serializers import MAX_HTML_CHARS

    client = APIClient()
    client.force_authenticate(reviewer)
    body = json.dumps({"html": "<p>" + "a" * (MAX_HTML_CHARS - 2) + "</p>"})

    response = client.post("/api/v1/articles/", body, content_type="application/json")

    _is_error(response, 400)  # the field's own limit answers, not the body limit
    assert "html" in response.json()["error"]["fields"]
