"""Anonymous reads of published work are validated (ETag, 304) and cached, and never outlive a takedown."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.models import Verdict
from tests.api.conftest import PUBLIC_READS, make_claim, public_url, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_cache_on")]


def _queries(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


@pytest.mark.parametrize("template", PUBLIC_READS)
def test_a_second_anonymous_read_comes_from_the_cache_with_one_query(anon_client, published_verdict, template):
    url = public_url(template, published_verdict)
    first, first_queries = _queries(anon_client, url)
    second, second_queries = _queries(anon_client, url)

    assert first.status_code == 200 and second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert first["ETag"] == second["ETag"] and first["ETag"].startswith('W/"')
    assert first_queries > 1
    assert second_queries == 1  # the publication generation


@pytest.mark.parametrize("template", PUBLIC_READS)
def test_a_poll_with_the_etag_is_answered_304_without_a_body(anon_client, published_verdict, template):
    url = public_url(template, published_verdict)
    etag = anon_client.get(url)["ETag"]

    response, queries = _queries(anon_client, url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, no-cache"
    assert queries == 1


def test_a_poll_with_last_modified_is_answered_304_until_something_is_published(
    anon_client, published_verdict, reviewer, editor
):
    last_modified = anon_client.get("/api/v1/verdicts/")["Last-Modified"]

    assert anon_client.get("/api/v1/verdicts/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    publish(make_claim("A second claim about a bridge opened in 2019."), reviewer=reviewer, editor=editor)
    # Last-Modified has one-second resolution: a publication in the same second as the first one must still count.
    fresh = anon_client.get("/api/v1/verdicts/", HTTP_IF_NONE_MATCH='"none"')
    assert fresh.status_code == 200
    assert len(fresh.json()["results"]) == 2


def test_publishing_another_verdict_makes_cached_lists_and_etags_stale(
    anon_client, published_verdict, reviewer, editor
):
    before = anon_client.get("/api/v1/verdicts/")
    assert [row["id"] for row in before.json()["results"]] == [published_verdict.pk]

    second = publish(make_claim("A second claim about a bridge opened in 2019."), reviewer=reviewer, editor=editor)

    poll = anon_client.get("/api/v1/verdicts/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert poll.status_code == 200
    assert poll["ETag"] != before["ETag"]
    assert {row["id"] for row in poll.json()["results"]} == {published_verdict.pk, second.pk}


@pytest.mark.parametrize("template", PUBLIC_READS)
def test_an_unpublished_verdict_is_never_served_from_the_cache(anon_client, published_verdict, editor, template):
    url = public_url(template, published_verdict)
    cached = anon_client.get(url)
    assert cached.status_code == 200
    assert "North Korea recognised" in cached.content.decode()

    services.verdict_unpublish(claim=published_verdict.claim, actor=editor, reason="Withdrawn pending a new source.")

    again = anon_client.get(url)
    revalidated = anon_client.get(url, HTTP_IF_NONE_MATCH=cached["ETag"])
    for response in (again, revalidated):
        assert response.status_code in (200, 404)
        assert "North Korea recognised" not in response.content.decode()


def test_reads_with_credentials_reach_the_view_and_fill_no_public_page(
    anon_client, reviewer_client, published_verdict, draft_verdict
):
    staff = reviewer_client.get("/api/v1/claims/")
    assert "SECRET-DRAFT" in staff.content.decode()
    assert "ETag" not in staff

    public = anon_client.get("/api/v1/claims/")
    assert "North Korea recognised" in public.content.decode()
    assert "SECRET-DRAFT" not in public.content.decode()


def test_a_query_string_or_an_accept_header_is_a_page_of_its_own(anon_client, published_verdict, reviewer, editor):
    publish(make_claim("A second claim about a bridge opened in 2019."), reviewer=reviewer, editor=editor)
    one = anon_client.get("/api/v1/verdicts/?page_size=1")
    two = anon_client.get("/api/v1/verdicts/")
    html = anon_client.get("/api/v1/verdicts/", HTTP_ACCEPT="text/html")

    assert len(one.json()["results"]) == 1 and len(two.json()["results"]) == 2
    assert one["ETag"] != two["ETag"]
    assert html["Content-Type"].startswith("text/html")  # not the JSON page cached under the same path
    assert "ETag" not in html  # the browsable API sets a CSRF cookie: a page with a cookie is never cached


def test_a_max_age_setting_lets_browsers_and_cdns_keep_the_page(anon_client, published_verdict, settings):
    settings.FACTCHECK_PUBLIC_MAX_AGE = 60
    assert anon_client.get("/api/v1/verdicts/")["Cache-Control"] == "public, max-age=60"


def test_the_cache_can_be_turned_off(anon_client, published_verdict, settings):
    settings.FACTCHECK_PUBLIC_CACHE = False
    first = anon_client.get("/api/v1/verdicts/")
    Verdict.objects.filter(pk=published_verdict.pk).update(explanation="Changed behind the cache's back.")

    assert first.status_code == 200 and "ETag" not in first
    assert "Changed behind the cache's back." in anon_client.get("/api/v1/verdicts/").content.decode()


def test_with_the_cache_on_a_change_no_editor_made_waits_for_the_time_bucket(anon_client, published_verdict):
    first = anon_client.get("/api/v1/verdicts/")
    Verdict.objects.filter(pk=published_verdict.pk).update(explanation="Changed behind the cache's back.")

    assert anon_client.get("/api/v1/verdicts/").content == first.content
    cache.clear()  # what the end of FACTCHECK_PUBLIC_CACHE_SECONDS does
    assert "Changed behind the cache's back." in anon_client.get("/api/v1/verdicts/").content.decode()


def test_a_published_correction_replaces_the_cached_version_at_once(anon_client, published_verdict, reviewer, editor):
    claim = published_verdict.claim
    url = f"/api/v1/verdicts/{published_verdict.pk}/"
    before = anon_client.get(url)
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason="The date was wrong.")
    services.verdict_save(
        claim=claim, rating=published_verdict.rating, explanation="CORRECTED reasoning.", actor=reviewer
    )

    during = anon_client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert during.status_code in (200, 304)
    assert "CORRECTED" not in during.content.decode()  # readers keep the published version while it is corrected

    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    after = anon_client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "CORRECTED reasoning." in after.content.decode()


def test_unpublishing_during_a_correction_stops_the_cached_page(anon_client, published_verdict, editor):
    claim = published_verdict.claim
    page = anon_client.get(f"/claims/{claim.pk}/")
    assert page.status_code == 200
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason="The date was wrong.")
    assert anon_client.get(f"/claims/{claim.pk}/").status_code == 200  # still the published version

    services.verdict_unpublish(claim=claim, actor=editor, reason="Withdrawn while correcting.")

    assert anon_client.get(f"/claims/{claim.pk}/").status_code == 404
    assert anon_client.get(f"/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=page["ETag"]).status_code == 404
