"""Fast paths of the public lists: the orjson renderer writes what DRF's would, lists skip django-filter
only when the query string names no filter, and the feed's prebuilt query reads fresh rows."""

import datetime as dt
import decimal
import json
import zoneinfo

import django_filters
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext_lazy
from rest_framework import renderers
from rest_framework.exceptions import ErrorDetail

from factcheck.api_rendering import JSONRenderer

from .conftest import make_claim, publish

KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")

AWKWARD = {
    "utc": dt.datetime(2022, 7, 13, 9, 30, 1, 250000, tzinfo=dt.UTC),
    "offset": dt.datetime(2022, 7, 13, 9, 30, tzinfo=KYIV),
    "naive": dt.datetime(2022, 7, 13, 9, 30),
    "date": dt.date(2022, 7, 13),
    "decimal": decimal.Decimal("0.35"),
    "lazy": gettext_lazy("This field is required."),
    "error": [ErrorDetail("Bad value «x» — “quoted”", code="invalid")],
    "text": "Donetsk People’s Republic \u00a0 Луганск 🇺🇦",
    "numbers": [0, -1, 2**53, 0.1, 1e-7, True, None],
    "nested": {"a": [{"b": ()}], "c": {}},
    "tuple": (1, "two"),
}


def test_the_orjson_renderer_writes_the_same_values_as_drfs():
    ours = JSONRenderer().render(AWKWARD, "application/json")
    drfs = renderers.JSONRenderer().render(AWKWARD, "application/json")
    assert json.loads(ours) == json.loads(drfs)
    assert json.loads(ours)["utc"] == "2022-07-13T09:30:01.250000Z"  # DRF's form for UTC, not orjson's "+00:00"
    assert "Луганск" in ours.decode()  # UTF-8, not \u escapes


def test_the_browsable_api_still_gets_indented_json():
    rendered = JSONRenderer().render({"a": [1]}, "application/json; indent=4", {"indent": 4})
    assert rendered.decode() == '{\n    "a": [\n        1\n    ]\n}'


def test_nothing_renders_as_an_empty_body():
    assert JSONRenderer().render(None) == b""


@pytest.mark.django_db
def test_api_responses_are_rendered_by_orjson_with_the_json_content_type(anon_client, reviewer, editor):
    verdict = publish(make_claim("North Korea recognised the DPR."), reviewer=reviewer, editor=editor)
    response = anon_client.get("/api/v1/verdicts/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"][0]["id"] == verdict.pk
    assert anon_client.get("/api/v1/verdicts/?format=json").json() == response.json()


@pytest.fixture
def filterset_inits(monkeypatch):
    calls = []
    original = django_filters.FilterSet.__init__

    def counting(self, *args, **kwargs):
        calls.append(type(self).__name__)
        original(self, *args, **kwargs)

    monkeypatch.setattr(django_filters.FilterSet, "__init__", counting)
    return calls


@pytest.mark.django_db
def test_an_unfiltered_list_builds_no_filterset_and_lists_the_same_rows(anon_client, reviewer, editor, filterset_inits):
    claims = [make_claim(f"Claim {n}.", outlet_name=f"O{n}") for n in range(3)]
    ids = [publish(claim, reviewer=reviewer, editor=editor).pk for claim in claims]
    plain = anon_client.get("/api/v1/verdicts/")
    unrelated = anon_client.get("/api/v1/verdicts/?utm_source=newsletter")
    assert filterset_inits == []
    assert [v["id"] for v in plain.json()["results"]] == sorted(ids, reverse=True)
    assert unrelated.json()["results"] == plain.json()["results"]


@pytest.mark.django_db
def test_a_filter_parameter_still_filters_and_a_bad_one_is_still_a_400(anon_client, reviewer, editor, filterset_inits):
    first = publish(make_claim("First."), reviewer=reviewer, editor=editor)
    publish(make_claim("Second.", outlet_name="Other"), reviewer=reviewer, editor=editor)

    filtered = anon_client.get(f"/api/v1/verdicts/?claim={first.claim_id}")
    assert [v["id"] for v in filtered.json()["results"]] == [first.pk]
    bad = anon_client.get("/api/v1/verdicts/?published_after=not-a-date")
    assert bad.status_code == 400
    assert "published_after" in bad.json()["error"]["fields"]
    assert filterset_inits == ["VerdictFilter", "VerdictFilter"]


@pytest.mark.django_db
def test_the_claimreview_feed_reads_the_rating_scale_inside_its_page_query(anon_client, reviewer, editor):
    publish(make_claim("A claim."), reviewer=reviewer, editor=editor)
    with CaptureQueriesContext(connection) as captured:
        feed = anon_client.get("/api/v1/claimreviews/").json()
    rating = feed["dataFeedElement"][0]["item"]["reviewRating"]
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
    standalone = [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith('SELECT "CLAIMS_RATING"')]
    assert standalone == []


@pytest.mark.django_db
def test_the_feed_built_once_per_process_still_reads_fresh_rows_on_every_request(anon_client, reviewer, editor):
    first = publish(make_claim("First claim."), reviewer=reviewer, editor=editor)

    def ids():
        return [e["item"]["url"] for e in anon_client.get("/api/v1/claimreviews/").json()["dataFeedElement"]]

    assert len(ids()) == 1
    publish(make_claim("Second claim.", outlet_name="Other"), reviewer=reviewer, editor=editor)
    assert len(ids()) == 2
    from claims import services

    services.verdict_unpublish(claim=first.claim, actor=editor, reason="Withdrawn for review.")
    assert len(ids()) == 1
