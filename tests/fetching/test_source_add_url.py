"""source_add_url: an editor adds a page to a claim; it is validated at once and fetched in the background."""

from __future__ import annotations

import pytest

from factcheck.exceptions import InvalidInput, NotAllowed
from sources.models import ClaimFetch, Evidence, Source, SourceRequest

pytestmark = pytest.mark.django_db

PAGE = (
    "<html><head><title>Pyongyang recognises DPR</title></head><body><article>"
    "<p>North Korea recognised the Donetsk People's Republic on 13 July 2022, state media said.</p>"
    "<p>Unrelated paragraph about the weather in Seoul, which was warm and humid all week long.</p>"
    "</article></body></html>"
)


def test_the_page_is_fetched_and_its_best_passage_kept(claim, httpserver, editor, add_url):
    httpserver.expect_request("/story").respond_with_data(PAGE, content_type="text/html")

    source = add_url(claim, httpserver.url_for("/story") + "?utm_source=newsletter", editor)

    source.refresh_from_db()
    assert source.url == httpserver.url_for("/story")  # canonical: tracking parameter gone
    assert source.title == "Pyongyang recognises DPR" and "13 July 2022" in source.text
    assert SourceRequest.objects.get(claim=claim, source=source).requested_by == editor
    assert ClaimFetch.objects.get(claim=claim, fetcher="url").status == "done"
    evidence = Evidence.objects.get(claim=claim, source=source, fetcher="url")
    assert evidence.passage.startswith("North Korea recognised") and evidence.stance == "supports"


def test_an_unrelated_page_still_shows_its_best_passage(claim, httpserver, editor, add_url):
    httpserver.expect_request("/other").respond_with_data(
        "<html><body><article><p>Seoul had a warm and humid week, forecasters said on Monday evening.</p></article></body></html>",
        content_type="text/html",
    )

    add_url(claim, httpserver.url_for("/other"), editor)

    assert Evidence.objects.filter(claim=claim, fetcher="url").count() == 1


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Give the URL"),
        ("not a url", "Only http and https"),
        ("ftp://example.org/x", "Only http and https"),
        ("http://10.0.0.7/internal", "private address"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ],
)
def test_bad_or_blocked_urls_are_refused_with_a_clear_message(claim, editor, url, message):
    with pytest.raises(InvalidInput, match=message):
        from sources.services import source_add_url

        source_add_url(claim_id=claim.pk, url=url, actor=editor)
    assert not Source.objects.exists() and not ClaimFetch.objects.exists()


def test_someone_without_the_reviewer_role_cannot_add_sources(claim, db):
    from sources.services import source_add_url
    from tests.factories import UserFactory

    with pytest.raises(NotAllowed):
        source_add_url(claim_id=claim.pk, url="https://example.org/", actor=UserFactory(username="visitor"))
