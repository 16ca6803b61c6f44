"""The public API exposes a claim's check-worthiness: the calibrated score, its band and the reasons for it."""

import pytest

from claims import bands

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored_claim(reviewer, editor):
    claim = make_claim("The port of Odesa shipped 2.1 million tonnes of grain in May 2023.")
    claim.checkworthiness = 0.87
    claim.checkworthiness_signals = [["gives a figure", 1.2], ["a date", 0.5]]
    claim.save()
    publish(claim, reviewer=reviewer, editor=editor)
    return claim


def test_anyone_reads_a_published_claims_score_band_and_signals(anon_client, scored_claim):
    body = anon_client.get(f"/api/v1/claims/{scored_claim.pk}/").json()
    assert body["checkworthiness"] == 0.87
    assert body["checkworthiness_band"] == bands.band_of(0.87).key == "high"
    assert body["checkworthiness_signals"] == [
        {"signal": "gives a figure", "push": 1.2},
        {"signal": "a date", "push": 0.5},
    ]


def test_claims_filter_by_band(reviewer_client, scored_claim):
    low = make_claim("A plain claim nobody would check first.")
    low.checkworthiness = bands.NOT_CHECKWORTHY / 2
    low.save()
    assert [c["id"] for c in reviewer_client.get("/api/v1/claims/?checkworthiness_band=low").json()["results"]] == [
        low.pk
    ]
    assert [c["id"] for c in reviewer_client.get("/api/v1/claims/?checkworthiness_band=high").json()["results"]] == [
        scored_claim.pk
    ]


def test_an_unknown_band_is_a_clear_400(reviewer_client):
    response = reviewer_client.get("/api/v1/claims/?checkworthiness_band=urgent")
    assert response.status_code == 400
    assert "checkworthiness_band" in response.content.decode()
