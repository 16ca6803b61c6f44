"""The fast verdict serializer renders exactly what DRF's generic one renders."""

import datetime as dt

import pytest
from rest_framework.test import APIRequestFactory

from claims import selectors
from claims.api.serializers import FastVerdictSerializer, VerdictSerializer
from tests.factories import SourceFactory

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db


def test_the_fast_serializer_matches_the_generic_one_for_published_and_draft_verdicts(reviewer, editor, settings):
    settings.TIME_ZONE = "UTC"
    published = publish(make_claim("Published."), reviewer=reviewer, editor=editor)
    published.sources.add(SourceFactory(published_at=dt.datetime(2022, 7, 13, 8, 30, tzinfo=dt.UTC)), SourceFactory())
    draft = make_claim("Draft.", outlet_name="Draft")
    from claims import services
    from tests.factories import rating

    services.claim_start_review(claim=draft, actor=reviewer)
    draft_verdict = services.verdict_save(claim=draft, rating=rating("Unverifiable"), explanation="x", actor=reviewer)
    request = APIRequestFactory().get("/api/v1/verdicts/")
    verdicts = list(selectors.verdict_list_visible(user=reviewer).select_related("claim", "rating").order_by("id"))
    assert [v.pk for v in verdicts] == [published.pk, draft_verdict.pk]

    generic = VerdictSerializer(verdicts, many=True, context={"request": request}).data
    one_by_one = [FastVerdictSerializer(v, context={"request": request}).data for v in verdicts]
    rows = list(selectors.verdict_rows(selectors.verdict_list_visible(user=reviewer).order_by("id"), sources=True))
    selectors.verdict_rows_complete(rows, sources=True)  # from the page query on PostgreSQL, one more elsewhere
    listed = FastVerdictSerializer(rows, many=True, context={"request": request}).data

    assert len(generic[0]["sources"]) == 2
    for fast, slow in zip(listed, generic):
        for key in slow:
            assert fast[key] == slow[key], key
    assert [dict(v) for v in listed] == [dict(v) for v in generic] == one_by_one
