"""The public index of published fact-checks at /: newest first, searchable, paginated, each entry linking to its
page; nothing unpublished ever shows; its query count does not grow with the number of rows."""

import re

import pytest
from django.urls import reverse

from claims import services
from claims.views import PUBLIC_INDEX_PAGE_SIZE

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db

ENTRY = re.compile(r'<a class="claim" href="/claims/(\d+)/">(.*?)</a>')


def entries(client, query: str = "") -> list[tuple[int, str]]:
    response = client.get("/" + query)
    assert response.status_code == 200
    return [(int(pk), text) for pk, text in ENTRY.findall(response.content.decode())]


def test_it_lists_published_fact_checks_newest_first_linking_to_their_pages(client, reviewer, editor):
    older = publish(make_claim("The old harbour bridge opened in 1931."), reviewer=reviewer, editor=editor)
    newer = publish(
        make_claim("The tram network doubled in length.", outlet_name="Other"), reviewer=reviewer, editor=editor
    )

    assert entries(client) == [(newer.claim_id, "The tram network doubled in length."),
                               (older.claim_id, "The old harbour bridge opened in 1931.")]  # fmt: skip
    assert client.get(f"/claims/{newer.claim_id}/").status_code == 200


def test_nothing_unpublished_is_ever_listed_or_found(client, reviewer, editor, draft_verdict, new_claim):
    shown = publish(make_claim("SECRET-free published claim."), reviewer=reviewer, editor=editor)
    withdrawn = publish(make_claim("SECRET-WITHDRAWN claim.", outlet_name="W"), reviewer=reviewer, editor=editor)
    services.verdict_unpublish(claim=withdrawn.claim, actor=editor, reason="Withdrawn.")

    html = client.get("/").content.decode() + client.get("/?q=SECRET").content.decode()

    assert entries(client) == [(shown.claim_id, "SECRET-free published claim.")]
    assert "SECRET-DRAFT" not in html and "SECRET-NEW" not in html and "SECRET-WITHDRAWN" not in html


def test_search_matches_the_claim_or_the_editors_summary(client, reviewer, editor):
    publish(make_claim("Bus fares were cut by half in March."), reviewer=reviewer, editor=editor)
    other = make_claim("The council approved the budget on Monday.", outlet_name="Other")
    services.claim_start_review(claim=other, actor=reviewer)
    from tests.factories import rating

    services.verdict_save(claim=other, rating=rating("True"), explanation="Minutes show it.",
                          claim_reviewed="Council passed the city budget", actor=reviewer)  # fmt: skip
    services.claim_mark_verdict_ready(claim=other, actor=reviewer)
    services.verdict_publish(claim=other, actor=editor)

    assert entries(client, "?q=fares") == [(entries(client, "?q=fares")[0][0], "Bus fares were cut by half in March.")]
    assert [text for _, text in entries(client, "?q=city+budget")] == ["Council passed the city budget"]
    assert entries(client, "?q=nothing-like-this") == []


def test_it_pages_through_every_fact_check_once(client, reviewer, editor):
    ids = {publish(make_claim(f"Numbered claim {n}.", outlet_name=f"O{n}"), reviewer=reviewer, editor=editor).claim_id
           for n in range(PUBLIC_INDEX_PAGE_SIZE + 3)}  # fmt: skip

    first, second = entries(client), entries(client, "?page=2")

    assert len(first) == PUBLIC_INDEX_PAGE_SIZE and len(second) == 3
    assert {pk for pk, _ in first + second} == ids
    assert entries(client, "?page=999") == second  # past the end: the last page, not an error
    assert client.get("/?page=abc").status_code == 200


def test_the_query_count_is_flat_in_the_number_of_rows(client, reviewer, editor, django_assert_num_queries):
    publish(make_claim("Only claim."), reviewer=reviewer, editor=editor)
    with django_assert_num_queries(2) as few:
        client.get("/")
    for n in range(PUBLIC_INDEX_PAGE_SIZE):
        publish(make_claim(f"More claim {n}.", outlet_name=f"M{n}"), reviewer=reviewer, editor=editor)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/")


def test_the_admin_view_site_link_leads_to_the_index(editor):
    from django.test import Client

    client = Client()
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()

    assert 'href="/">View site</a>' in html
    assert client.get("/").status_code == 200
