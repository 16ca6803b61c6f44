"""What a fetch task does when a provider fails: retry (timeouts, 5xx, 429 + Retry-After) or fail at once."""

from __future__ import annotations

import time

import pytest
from django.utils import timezone
from werkzeug import Response

from sources.models import ClaimFetch, Evidence, Source
from sources.tasks import backoff_seconds
from tests.fetching.conftest import fixture_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def wikipedia_url(httpserver, settings):
    settings.FACTCHECK_WIKIPEDIA_URL = httpserver.url_for("/w/api.php")
    return settings.FACTCHECK_WIKIPEDIA_URL


def _fetch(claim, name="wikipedia"):
    return ClaimFetch.objects.get(claim=claim, fetcher=name)


def test_a_server_error_is_retried_then_recorded_as_failed(claim, httpserver, wikipedia_url, quick_retries, fetch_now):
    httpserver.expect_request("/w/api.php").respond_with_data("upstream down", status=500)

    fetch_now(claim, "wikipedia")

    fetch = _fetch(claim)
    assert fetch.status == "failed"
    assert "HTTP 500" in fetch.error and "gave up after 3 attempts" in fetch.error
    assert fetch.attempts == 3 and len(httpserver.log) == 3


def test_a_timeout_is_retried_and_a_later_success_is_kept(claim, httpserver, wikipedia_url, quick_retries, fetch_now):
    answers = iter(["slow", "search", "extract", "extract"])

    def api(request):
        answer = next(answers)
        if answer == "slow":
            time.sleep(1.0)
        if request.args.get("list") == "search":
            return Response(fixture_text("wikipedia_search.json"), content_type="application/json")
        return Response(
            fixture_text(f"wikipedia_extract_{request.args['pageids']}.json"), content_type="application/json"
        )

    httpserver.expect_request("/w/api.php").respond_with_handler(api)

    fetch_now(claim, "wikipedia")

    fetch = _fetch(claim)
    assert (fetch.status, fetch.attempts, fetch.sources_found) == ("done", 2, 2)


def test_429_is_retried_no_sooner_than_retry_after(claim, httpserver, wikipedia_url, quick_retries, fetch_now):
    answers = iter([Response("busy", status=429, headers={"Retry-After": "120"})])

    def api(request):
        try:
            return next(answers)
        except StopIteration:
            name = (
                "wikipedia_search.json"
                if request.args.get("list") == "search"
                else (f"wikipedia_extract_{request.args['pageids']}.json")
            )
            return Response(fixture_text(name), content_type="application/json")

    httpserver.expect_request("/w/api.php").respond_with_handler(api)
    before = timezone.now()

    fetch_now(claim, "wikipedia")

    fetch = _fetch(claim)
    assert fetch.status == "done" and fetch.attempts == 2
    # The retry was scheduled for Retry-After (the row records when it was due; eager tasks run at once).
    assert (fetch.requested_at - before).total_seconds() >= 120


def test_backoff_grows_exponentially_with_jitter_and_respects_retry_after(settings):
    settings.FACTCHECK_FETCH_BACKOFF_BASE = 10
    settings.FACTCHECK_FETCH_BACKOFF_MAX = 1000
    samples = {n: [backoff_seconds(n) for _ in range(200)] for n in range(4)}
    for n, values in samples.items():
        assert all(10 * 2**n / 2 <= v <= 10 * 2**n for v in values)
        assert len({round(v, 6) for v in values}) > 100  # jittered, not a fixed schedule
    assert all(backoff_seconds(0, retry_after=300) >= 300 for _ in range(20))
    assert backoff_seconds(20) <= 1000


@pytest.mark.parametrize("status", [400, 403, 404])
def test_other_client_errors_fail_at_once(claim, httpserver, wikipedia_url, quick_retries, status, fetch_now):
    httpserver.expect_request("/w/api.php").respond_with_data("no", status=status)

    fetch_now(claim, "wikipedia")

    fetch = _fetch(claim)
    assert fetch.status == "failed" and f"HTTP {status}" in fetch.error and "gave up" not in fetch.error
    assert fetch.attempts == 1 and len(httpserver.log) == 1


def test_malformed_json_fails_without_retrying(claim, httpserver, wikipedia_url, quick_retries, fetch_now):
    httpserver.expect_request("/w/api.php").respond_with_data(
        '{"batchcomplete": true, "query": {"sea', content_type="application/json"
    )

    fetch_now(claim, "wikipedia")

    fetch = _fetch(claim)
    assert fetch.status == "failed" and "did not return valid JSON" in fetch.error
    assert len(httpserver.log) == 1


def test_an_oversized_answer_fails_the_fetch(claim, httpserver, wikipedia_url, quick_retries, fetch_now):
    quick_retries.FACTCHECK_HTTP_MAX_BYTES = 4096
    httpserver.expect_request("/w/api.php").respond_with_data("{" + " " * 10_000 + "}", content_type="application/json")

    fetch_now(claim, "wikipedia")

    fetch = _fetch(claim)
    assert fetch.status == "failed" and "more than the limit of 4096" in fetch.error


def test_an_editor_url_redirecting_to_the_metadata_address_stores_the_refusal(claim, httpserver, editor, add_url):
    httpserver.expect_request("/story").respond_with_response(
        Response(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/iam"})
    )

    source = add_url(claim, httpserver.url_for("/story"), editor)

    source.refresh_from_db()
    assert "169.254.169.254" in source.fetch_error and "link-local" in source.fetch_error
    assert source.text == "" and not Evidence.objects.filter(source=source).exists()
    assert _fetch(claim, "url").status == "done"


def test_an_editor_url_serving_a_pdf_stores_the_refusal(claim, httpserver, editor, add_url):
    httpserver.expect_request("/report.pdf").respond_with_data(b"%PDF-1.7 binary", content_type="application/pdf")

    source = add_url(claim, httpserver.url_for("/report.pdf"), editor)

    source.refresh_from_db()
    assert "application/pdf" in source.fetch_error and source.text == ""
    assert Source.objects.count() == 1


def test_a_fetcher_without_its_api_key_fails_with_a_reason(claim, settings, fetch_now):
    settings.FACTCHECK_GOOGLE_API_KEY = ""

    fetch_now(claim, "google_factcheck")

    fetch = _fetch(claim, "google_factcheck")
    assert fetch.status == "failed" and "FACTCHECK_GOOGLE_API_KEY" in fetch.error
