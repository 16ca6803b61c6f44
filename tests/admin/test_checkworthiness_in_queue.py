"""Check-worthiness drives the queue: bands from claims/bands.py, claims below "not check-worthy" out of the
default queue but one filter away, and the claim page saying why a claim ranks where it does."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from claims import bands
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:claims_claim_changelist")
BELOW = bands.NOT_CHECKWORTHY / 2
MEDIUM = (bands.NOT_CHECKWORTHY + bands.HIGH) / 2


def shown(client, query="") -> list[int]:
    response = client.get(QUEUE + query)
    assert response.status_code == 200
    return [claim.pk for claim in response.context["cl"].result_list]


def test_the_default_queue_leaves_out_claims_below_the_not_check_worthy_threshold(reviewer_client):
    worthy = ClaimFactory(checkworthiness=bands.NOT_CHECKWORTHY)
    ClaimFactory(checkworthiness=BELOW)
    assert shown(reviewer_client) == [worthy.pk]


def test_the_filter_shows_the_not_check_worthy_claims_and_all_shows_both(reviewer_client):
    worthy, below = ClaimFactory(checkworthiness=0.9), ClaimFactory(checkworthiness=BELOW)
    assert shown(reviewer_client, "?worth=low") == [below.pk]
    assert shown(reviewer_client, "?worth=all") == [worthy.pk, below.pk]


def test_each_band_filter_shows_its_band_only(reviewer_client):
    high, medium = ClaimFactory(checkworthiness=bands.HIGH), ClaimFactory(checkworthiness=MEDIUM)
    ClaimFactory(checkworthiness=BELOW)
    assert shown(reviewer_client, "?worth=high") == [high.pk]
    assert shown(reviewer_client, "?worth=medium") == [medium.pk]


def test_the_filter_offers_the_bands_in_the_words_of_claims_bands(reviewer_client):
    html = reviewer_client.get(QUEUE).content.decode()
    for band in bands.BANDS:
        assert escape(band.label) in html
    assert "?worth=all" in html


def test_the_worth_column_colours_a_claim_by_its_band(reviewer_client):
    ClaimFactory(checkworthiness=MEDIUM)
    html = reviewer_client.get(QUEUE).content.decode()
    assert "fc-worth-medium" in html and "fc-worth-high" not in html


def test_the_claim_page_says_why_the_claim_ranks_where_it_does(reviewer_client):
    claim = ClaimFactory(checkworthiness=0.83, checkworthiness_signals=[
        ["gives a figure", 0.9], ["a date", 0.41], ["a view or wish (think, hope, want)", -0.3],
    ])  # fmt: skip
    html = reviewer_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "Why it ranks here" in html
    assert "▲ raises: gives a figure" in html and "▲ raises: a date" in html
    assert "▼ lowers: a view or wish (think, hope, want)" in html
    assert f"({bands.band_of(0.83).label})" in html


def test_a_claim_without_signals_shows_its_score_and_no_reasons(reviewer_client):
    claim = ClaimFactory(checkworthiness=MEDIUM)
    html = reviewer_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert f"{MEDIUM:.2f}" in html and "Why it ranks here" not in html
