"""The Wikipedia fetcher against a local server speaking the MediaWiki API (search + TextExtracts)."""

from __future__ import annotations

import json

import pytest
from werkzeug import Response

from sources.models import ClaimFetch, Evidence, Source
from tests.fetching.conftest import fixture_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def mediawiki(httpserver, settings):
    settings.FACTCHECK_WIKIPEDIA_URL = httpserver.url_for("/w/api.php")
    calls = []

    def api(request):
        args = request.args.to_dict()
        calls.append(args)
        assert args["format"] == "json" and args["formatversion"] == "2"
        if args.get("list") == "search":
            return Response(fixture_text("wikipedia_search.json"), content_type="application/json; charset=utf-8")
        return Response(fixture_text(f"wikipedia_extract_{args['pageids']}.json"), content_type="application/json")

    httpserver.expect_request("/w/api.php").respond_with_handler(api)
    return calls


def test_it_stores_the_pages_found_as_reference_sources_with_ranked_passages(claim, mediawiki, fetch_now):
    fetch_now(claim, "wikipedia")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="wikipedia")
    assert (fetch.status, fetch.sources_found, fetch.error) == ("done", 2, "")
    source = Source.objects.get(url="https://en.wikipedia.org/wiki/Donetsk_People%27s_Republic")
    assert source.kind == Source.Kind.REFERENCE and source.title == "Donetsk People's Republic"
    assert source.outlet.name == "Wikipedia"
    assert "13 July 2022" in source.text and len(source.text_sha256) == 64 and source.fetched_at
    best = Evidence.objects.filter(claim=claim, source=source).order_by("-relevance").first()
    assert "North Korea recognised the Donetsk People's Republic on 13 July 2022" in best.passage
    assert best.stance == "supports" and "same date" in best.stance_reason
    assert not Evidence.objects.filter(passage__contains="coal mining").exists()  # irrelevant passage left out


def test_it_searches_with_the_claims_keywords_and_asks_for_plain_text_extracts(claim, mediawiki, fetch_now):
    fetch_now(claim, "wikipedia")

    search, *extracts = mediawiki
    assert search["action"] == "query" and search["list"] == "search"
    assert "north korea" in search["srsearch"].lower() and "donetsk" in search["srsearch"].lower()
    assert [e["pageids"] for e in extracts] == ["40305843", "1417961"]
    assert all(e["prop"] == "extracts|info" and e["explaintext"] == "1" for e in extracts)


def test_a_second_run_adds_nothing_twice(claim, mediawiki, fetch_now):
    fetch_now(claim, "wikipedia")
    counts = Source.objects.count(), Evidence.objects.count()

    fetch_now(claim, "wikipedia", force=True)

    assert (Source.objects.count(), Evidence.objects.count()) == counts
    assert ClaimFetch.objects.get(claim=claim, fetcher="wikipedia").attempts == 2


def test_an_api_error_object_fails_the_fetch_with_its_message(claim, httpserver, settings, fetch_now):
    settings.FACTCHECK_WIKIPEDIA_URL = httpserver.url_for("/w/api.php")
    error = {"error": {"code": "srsearch-text-disabled", "info": "text search is disabled"}, "servedby": "mw1"}
    httpserver.expect_request("/w/api.php").respond_with_data(json.dumps(error), content_type="application/json")

    fetch_now(claim, "wikipedia")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="wikipedia")
    assert fetch.status == "failed" and "srsearch-text-disabled" in fetch.error
    assert len(httpserver.log) == 1  # not retried
