"""An editor cites a source by URL with its title, date and archive link: kept and citable at once, even when
the page cannot be fetched or the machine is offline ("not fetched" and a reason a person can read)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from factcheck.exceptions import InvalidInput, NotAllowed
from sources.citing import human_fetch_reason, source_cite, source_fetch_state
from sources.models import ClaimFetch, Source, SourceRequest

pytestmark = pytest.mark.django_db

PAGE = (
    "<html><head><title>The page's own headline</title></head><body><article>"
    "<p>North Korea recognised the Donetsk People's Republic on 13 July 2022, state media said.</p>"
    "</article></body></html>"
)


@pytest.fixture
def cite(django_capture_on_commit_callbacks):
    def run(claim, actor, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return source_cite(claim=claim, actor=actor, **fields)

    return run


def test_an_unresolvable_site_is_kept_as_not_fetched_with_a_human_reason(claim, editor, cite):
    source = cite(claim, editor, url="https://ministry-bulletin.invalid/2022/notice-14", title="Ministry notice 14",
                  published_at=dt.date(2022, 7, 12), archive_url="https://web.archive.org/web/2022/https://ministry-bulletin.invalid/2022/notice-14")  # fmt: skip

    assert source.title == "Ministry notice 14"
    assert source.published_at.date() == dt.date(2022, 7, 12)
    # kept as written: the original address inside the archive's path keeps its "//"
    assert source.archive_url == "https://web.archive.org/web/2022/https://ministry-bulletin.invalid/2022/notice-14"
    assert SourceRequest.objects.get(claim=claim, source=source).requested_by == editor
    state = source_fetch_state(source)
    assert state.label == "not fetched" and not state.fetched
    assert state.reason.startswith("the site's name could not be looked up")
    assert "Errno" not in state.reason
    assert not ClaimFetch.objects.filter(claim=claim, fetcher="url").exists()  # nothing to try while offline


def test_a_fetched_page_keeps_the_editor_s_title_and_date(claim, editor, cite, httpserver, settings):
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = True
    httpserver.expect_request("/notice").respond_with_data(PAGE, content_type="text/html")

    source = cite(
        claim, editor, url=httpserver.url_for("/notice"), title="Editor's title", published_at=dt.date(2022, 7, 13)
    )

    source.refresh_from_db()
    assert "13 July 2022" in source.text  # fetched in the background
    assert source.title == "Editor's title" and source.published_at.date() == dt.date(2022, 7, 13)
    assert source_fetch_state(source).label == "fetched"


def test_the_cited_source_is_offered_in_the_verdict_form_before_any_fetch(claim, editor, cite, client):
    from claims import services

    client.force_login(editor)
    editor_client = client
    services.claim_start_review(claim=claim, actor=editor)
    source = cite(claim, editor, url="https://ministry-bulletin.invalid/notice-15", title="Ministry notice 15")

    page = editor_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()

    assert f'name="sources" value="{source.pk}"' in page
    assert "Ministry notice 15" in page and "not fetched" in page and "could not be looked up" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"url": "ministry.example/notice"}, "must be a web address"),
        ({"url": "ftp://files.example/notice"}, "must be a web address"),
        ({"url": "https://news.example/a", "archive_url": "archive of it"}, "archive link must be a web address"),
        ({"url": "http://10.0.0.7/internal"}, "private address"),
    ],
)
def test_bad_addresses_are_refused_and_nothing_is_stored(claim, editor, fields, message):
    with pytest.raises(InvalidInput, match=message):
        source_cite(claim=claim, actor=editor, **fields)
    assert not Source.objects.exists()


def test_someone_without_a_role_cannot_cite(claim, db):
    from tests.factories import UserFactory

    with pytest.raises(NotAllowed):
        source_cite(claim=claim, actor=UserFactory(username="no-role", is_staff=False), url="https://news.example/a")
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        ("Cannot resolve news.example: [Errno -2] Name or service not known", "could not be looked up"),
        ("Could not fetch https://news.example/: ReadTimeout: timed out", "did not answer in time"),
        ("HTTP 404 from https://news.example/gone", "not found"),
    ],
)
def test_fetch_errors_read_as_reasons(error, reason):
    assert reason in human_fetch_reason(error) and "Errno" not in human_fetch_reason(error)
