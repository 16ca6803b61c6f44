"""Earlier fact-checks from a local server speaking Google Fact Check Tools `claims:search`."""

from __future__ import annotations

import pytest
from werkzeug import Response

from sources.models import ClaimFetch, Evidence, Source
from tests.fetching.conftest import fixture_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def factcheck_api(httpserver, settings):
    settings.FACTCHECK_GOOGLE_FACTCHECK_URL = httpserver.url_for("/v1alpha1/claims:search")
    settings.FACTCHECK_GOOGLE_API_KEY = "test-key-123"
    calls = []

    def search(request):
        calls.append(request.args.to_dict())
        return Response(fixture_text("google_claims_search.json"), content_type="application/json; charset=UTF-8")

    httpserver.expect_request("/v1alpha1/claims:search").respond_with_handler(search)
    return calls


def test_each_review_becomes_a_fact_check_source_with_publisher_and_rating(claim, factcheck_api, fetch_now):
    fetch_now(claim, "google_factcheck")

    assert ClaimFetch.objects.get(claim=claim, fetcher="google_factcheck").sources_found == 2
    source = Source.objects.get(url="https://factcheck.example/2022/07/north-korea-dpr-first")
    assert source.kind == Source.Kind.FACT_CHECK
    assert source.metadata["publisher"] == "Example Fact Check"
    assert source.metadata["publisher_site"] == "factcheck.example"
    assert source.metadata["textual_rating"] == "False"
    assert source.metadata["claimant"] == "Social media posts"
    assert source.outlet.domain == "factcheck.example"
    assert source.published_at.isoformat() == "2022-07-18T10:00:00+00:00"


def test_the_textual_rating_drives_the_stance_suggestion(claim, factcheck_api, fetch_now):
    fetch_now(claim, "google_factcheck")

    refuting = Evidence.objects.get(source__url="https://factcheck.example/2022/07/north-korea-dpr-first")
    supporting = Evidence.objects.get(source__url="https://checker.example/dprk-recognition")
    assert refuting.stance == "refutes" and "'False'" in refuting.stance_reason
    assert supporting.stance == "supports" and "'True'" in supporting.stance_reason
    assert refuting.published_after_claim  # reviewed on 18 July, the claim dates from 13 July


def test_it_sends_the_key_and_a_keyword_query(claim, factcheck_api, fetch_now):
    fetch_now(claim, "google_factcheck")

    (call,) = factcheck_api
    assert call["key"] == "test-key-123" and call["languageCode"] == "en"
    assert "north korea" in call["query"].lower()


def test_an_answer_without_claims_finds_nothing(claim, httpserver, settings, fetch_now):
    settings.FACTCHECK_GOOGLE_FACTCHECK_URL = httpserver.url_for("/v1alpha1/claims:search")
    settings.FACTCHECK_GOOGLE_API_KEY = "k"
    httpserver.expect_request("/v1alpha1/claims:search").respond_with_json({})

    fetch_now(claim, "google_factcheck")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="google_factcheck")
    assert (fetch.status, fetch.sources_found) == ("done", 0)


def test_an_invalid_key_fails_without_retrying(claim, httpserver, settings, fetch_now):
    settings.FACTCHECK_GOOGLE_FACTCHECK_URL = httpserver.url_for("/v1alpha1/claims:search")
    settings.FACTCHECK_GOOGLE_API_KEY = "wrong"
    error = {
        "error": {
            "code": 400,
            "message": "API key not valid. Please pass a valid API key.",
            "status": "INVALID_ARGUMENT",
        }
    }
    httpserver.expect_request("/v1alpha1/claims:search").respond_with_json(error, status=400)

    fetch_now(claim, "google_factcheck")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="google_factcheck")
    assert fetch.status == "failed" and "HTTP 400" in fetch.error and len(httpserver.log) == 1
