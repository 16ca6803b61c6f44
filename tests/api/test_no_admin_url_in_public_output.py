"""Public output never carries one of our admin pages as a source's URL (the internal fetcher cites an article
without a URL of its own by its admin page); only http(s) URLs are links; links in an explanation are
clickable on the public page, the rest of the text escaped."""

import json

import pytest

from claims.links import internal_article_url
from sources.models import Source
from tests.factories import ArticleFactory, SourceFactory

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def verdict_citing_our_archive(reviewer, editor):
    claim = make_claim("The northern railway reopened in March 2029.")
    archived = ArticleFactory(url=None, title="Railway reopening, as reported in our archive")
    internal = SourceFactory(url=internal_article_url(archived.pk), title=archived.title, kind=Source.Kind.ARTICLE,
                             metadata={"article_id": archived.pk})  # fmt: skip
    outside = SourceFactory(url="https://rail.example/timetable-2029", title="Timetable 2029")
    hostile = SourceFactory(url="javascript:alert(1)", title="Hostile link")
    verdict = publish(claim, reviewer=reviewer, editor=editor)
    verdict.sources.set([internal, outside, hostile])
    return verdict


def test_the_api_carries_no_admin_url_and_no_non_web_url(anon_client, verdict_citing_our_archive):
    verdict = verdict_citing_our_archive
    bodies = [
        anon_client.get(f"/api/v1/verdicts/{verdict.pk}/").json(),
        anon_client.get("/api/v1/verdicts/").json(),
        anon_client.get(f"/api/v1/claims/{verdict.claim_id}/").json(),
        anon_client.get("/api/v1/sources/").json(),
    ]
    text = json.dumps(bodies)

    assert "/admin/" not in text and "javascript:" not in text
    sources = {s["title"]: s["url"] for s in bodies[0]["sources"]}
    assert sources == {
        "Railway reopening, as reported in our archive": None,
        "Timetable 2029": "https://rail.example/timetable-2029",
        "Hostile link": None,
    }


def test_the_public_page_names_the_archive_source_without_linking_the_admin(client, verdict_citing_our_archive):
    html = client.get(f"/claims/{verdict_citing_our_archive.claim_id}/").content.decode()

    assert "/admin/" not in html and "javascript:" not in html
    assert "<li>Railway reopening, as reported in our archive</li>" in html
    assert '<a href="https://rail.example/timetable-2029" rel="nofollow noopener">Timetable 2029</a>' in html


def test_links_in_an_explanation_are_clickable_and_the_rest_is_escaped(client, reviewer, editor):
    explanation = (
        "The operator's notice https://rail.example/notice?line=north&year=2029 says so. "
        "<b>bold</b> javascript:alert(2) press@rail.example"
    )
    verdict = publish(make_claim("The northern line closed in 2029."), reviewer=reviewer, editor=editor,
                      explanation=explanation)  # fmt: skip

    html = client.get(f"/claims/{verdict.claim_id}/").content.decode()

    assert (
        '<a href="https://rail.example/notice?line=north&amp;year=2029" rel="nofollow">'
        "https://rail.example/notice?line=north&amp;year=2029</a>"
    ) in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    assert 'href="javascript' not in html and "mailto:" not in html
    assert "press@rail.example" in html
