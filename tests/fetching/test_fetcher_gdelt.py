"""News coverage from a local server speaking the GDELT DOC 2.0 API (artlist JSON), then the articles."""

from __future__ import annotations

import pytest
from werkzeug import Response

from sources.models import ClaimFetch, Evidence, Source
from tests.fetching.conftest import fixture_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def gdelt(httpserver, settings):
    settings.FACTCHECK_GDELT_URL = httpserver.url_for("/api/v2/doc/doc")
    base = httpserver.url_for("").rstrip("/")
    calls = []

    def doc(request):
        calls.append(request.args.to_dict())
        return Response(fixture_text("gdelt_artlist.json").replace("__BASE__", base), content_type="application/json")

    httpserver.expect_request("/api/v2/doc/doc").respond_with_handler(doc)
    httpserver.expect_request("/world/north-korea-recognises-dpr").respond_with_data(
        fixture_text("news_recognition.html"), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/world/ukraine-cuts-ties").respond_with_data(
        fixture_text("news_ties.html"), content_type="text/html; charset=utf-8"
    )
    return calls


def test_it_asks_for_an_article_list_in_json(claim, gdelt, fetch_now):
    fetch_now(claim, "gdelt")

    (call,) = gdelt
    assert call["mode"] == "artlist" and call["format"] == "json"
    assert '"north korea"' in call["query"].lower() or '"donetsk people\'s republic"' in call["query"].lower()


def test_the_listed_articles_are_fetched_and_stored_as_news_with_their_text(claim, gdelt, httpserver, fetch_now):
    fetch_now(claim, "gdelt")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="gdelt")
    assert (fetch.status, fetch.sources_found) == ("done", 2)
    source = Source.objects.get(url=httpserver.url_for("/world/north-korea-recognises-dpr"))
    assert source.kind == Source.Kind.NEWS and source.http_status == 200 and source.content_type == "text/html"
    assert "third country after Russia and Syria" in source.text
    assert "© Wire" not in source.text  # boilerplate dropped by trafilatura
    assert source.published_at.isoformat() == "2022-07-13T15:45:00+00:00"  # GDELT's seendate
    assert source.metadata["gdelt"]["sourcecountry"] == "United Kingdom"
    assert source.outlet.domain == "wire.example"


def test_a_passage_with_a_conflicting_number_is_suggested_as_refuting(db, gdelt, article, fetch_now):
    from tests.factories import ClaimFactory, ClaimMentionFactory

    claim = ClaimFactory(text="North Korea was the second country to recognise the Donetsk People's Republic.")
    ClaimMentionFactory(claim=claim, article=article)

    fetch_now(claim, "gdelt")

    evidence = Evidence.objects.filter(claim=claim, passage__contains="third country").get()
    assert evidence.stance == "refutes" and "different numbers" in evidence.stance_reason


def test_an_empty_answer_finds_nothing(claim, httpserver, settings, fetch_now):
    settings.FACTCHECK_GDELT_URL = httpserver.url_for("/api/v2/doc/doc")
    httpserver.expect_request("/api/v2/doc/doc").respond_with_json({})

    fetch_now(claim, "gdelt")

    assert ClaimFetch.objects.get(claim=claim, fetcher="gdelt").status == "done"
    assert not Source.objects.exists()


def test_a_query_gdelt_rejects_fails_with_its_message(claim, httpserver, settings, fetch_now):
    settings.FACTCHECK_GDELT_URL = httpserver.url_for("/api/v2/doc/doc")
    httpserver.expect_request("/api/v2/doc/doc").respond_with_data(
        "The specified phrase is too short.", content_type="text/html"
    )

    fetch_now(claim, "gdelt")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="gdelt")
    assert fetch.status == "failed" and "GDELT rejected the query" in fetch.error


def test_an_article_that_cannot_be_fetched_is_recorded_and_the_others_kept(claim, httpserver, settings, fetch_now):
    settings.FACTCHECK_GDELT_URL = httpserver.url_for("/api/v2/doc/doc")
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/api/v2/doc/doc").respond_with_data(
        fixture_text("gdelt_artlist.json").replace("__BASE__", base), content_type="application/json"
    )
    httpserver.expect_request("/world/north-korea-recognises-dpr").respond_with_data("gone", status=404)
    httpserver.expect_request("/world/ukraine-cuts-ties").respond_with_data(
        fixture_text("news_ties.html"), content_type="text/html"
    )

    fetch_now(claim, "gdelt")

    missing = Source.objects.get(url=httpserver.url_for("/world/north-korea-recognises-dpr"))
    assert "HTTP 404" in missing.fetch_error and missing.http_status == 404
    assert Evidence.objects.filter(source__url=httpserver.url_for("/world/ukraine-cuts-ties")).exists()
    assert ClaimFetch.objects.get(claim=claim, fetcher="gdelt").sources_found == 1
