"""An API key sent to a provider never lands where reviewers or log readers see it: not in a fetch's error, not
in the worker's log, whatever the failure."""

import logging

import pytest

from factcheck.redaction import redact
from sources.models import ClaimFetch

pytestmark = pytest.mark.django_db
KEY = "AIzaSyD-made-up-key-0123456789abcdef"


@pytest.fixture
def keyed_api(httpserver, settings):
    settings.FACTCHECK_GOOGLE_FACTCHECK_URL = httpserver.url_for("/v1alpha1/claims:search")
    settings.FACTCHECK_GOOGLE_API_KEY = KEY
    return httpserver


@pytest.mark.parametrize("answer", [("not json", 200), ("busy", 503), ("no", 403)], ids=["malformed", "5xx", "4xx"])
def test_a_failed_provider_call_records_no_key(claim, keyed_api, fetch_now, quick_retries, caplog, answer):
    body, status = answer
    keyed_api.expect_request("/v1alpha1/claims:search").respond_with_data(
        body, status=status, content_type="application/json"
    )
    caplog.set_level(logging.INFO)

    fetch_now(claim, "google_factcheck")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="google_factcheck")
    assert fetch.status == "failed" and "claims:search" in fetch.error  # the error still says what failed
    assert KEY not in fetch.error
    assert KEY not in caplog.text


def test_redaction_hides_secret_query_parameters_and_configured_keys(settings):
    settings.FACTCHECK_LLM_API_KEY = "sk-made-up-llm-key-42"

    text = redact("GET https://api.example/v1?q=rain&key=abc123&api_key=zz&access_token=t0k then sk-made-up-llm-key-42")

    assert "abc123" not in text and "zz" not in text and "t0k" not in text and "sk-made-up-llm-key-42" not in text
    assert "q=rain" in text and "key=[redacted]" in text


def test_the_log_handler_redacts_messages_and_tracebacks(settings):
    import sys

    from factcheck.redaction import RedactSecretsFilter

    settings.FACTCHECK_GOOGLE_API_KEY = KEY
    try:
        raise ValueError(f"failed on https://x.example/search?{KEY}")
    except ValueError:
        record = logging.LogRecord(
            "t", logging.ERROR, __file__, 1, "calling %s", (f"https://x.example/?key={KEY}",), sys.exc_info()
        )

    assert RedactSecretsFilter().filter(record)
    formatted = logging.Formatter().format(record)

    assert KEY not in formatted
    assert "calling https://x.example/?key=[redacted]" in formatted and "ValueError: failed on" in formatted
    assert "redact_secrets" in settings.LOGGING["handlers"]["console"]["filters"]
