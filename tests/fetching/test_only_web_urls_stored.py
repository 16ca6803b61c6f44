"""Only http(s) URLs become sources or article addresses: a `javascript:` or other URL in provider data is dropped
(the rest of the answer is kept), and a service asked to store one refuses."""

from __future__ import annotations

import json

import pytest
from werkzeug import Response

from claims import services as claim_services
from factcheck.exceptions import InvalidInput
from sources import http
from sources.fetchers.base import FoundDocument
from sources.models import ClaimFetch, Source
from sources.services import source_store
from tests.fetching.conftest import fixture_text

pytestmark = pytest.mark.django_db

HOSTILE = ["javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>",
           "vbscript:msgbox(1)", "ftp://files.example/review", "https:///no-host", "java\tscript:alert(1)"]  # fmt: skip


def test_only_http_and_https_urls_with_a_host_are_web_urls():
    assert http.is_web_url("https://factcheck.example/review?id=3")
    assert http.is_web_url("HTTP://factcheck.example/")
    for url in HOSTILE + ["", "//factcheck.example/x", "https://fact check.example/"]:
        assert not http.is_web_url(url), url


@pytest.fixture
def search_answer_with_a_script_url(httpserver, settings):
    settings.FACTCHECK_GOOGLE_FACTCHECK_URL = httpserver.url_for("/v1alpha1/claims:search")
    settings.FACTCHECK_GOOGLE_API_KEY = "test-key-123"
    answer = json.loads(fixture_text("google_claims_search.json"))
    answer["claims"][0]["claimReview"][0]["url"] = "javascript:alert(document.cookie)//https://factcheck.example/"
    httpserver.expect_request("/v1alpha1/claims:search").respond_with_response(
        Response(json.dumps(answer), content_type="application/json")
    )


def test_a_review_with_a_script_url_is_dropped_and_the_others_are_kept(
    claim, search_answer_with_a_script_url, fetch_now
):
    fetch_now(claim, "google_factcheck")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="google_factcheck")
    assert fetch.status == "done" and fetch.sources_found == 1
    assert list(Source.objects.values_list("url", flat=True)) == ["https://checker.example/dprk-recognition"]


@pytest.mark.parametrize("url", HOSTILE)
def test_storing_a_source_under_a_non_web_url_is_refused(url):
    document = FoundDocument(url=url, title="A review", text="Rated false.", kind=Source.Kind.FACT_CHECK)

    with pytest.raises(InvalidInput, match="http"):
        source_store(document)

    assert not Source.objects.exists()


def test_an_article_given_with_a_script_url_as_its_address_is_refused():
    with pytest.raises(InvalidInput, match="http"):
        claim_services.article_ingest(text="The council met on Monday.", url="javascript:alert(1)")


def test_the_models_validate_their_urls_as_http_or_https_only():
    from django.core.exceptions import ValidationError

    from claims.models import Article, WebhookSubscription

    for model in (Source, Article, WebhookSubscription):
        field = model._meta.get_field("url")
        with pytest.raises(ValidationError):
            field.clean("javascript:alert(1)", None)
        assert field.clean("https://factcheck.example/a", None) == "https://factcheck.example/a"
