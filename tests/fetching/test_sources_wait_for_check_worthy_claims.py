"""Sources are fetched automatically only for extracted claims that are check-worthy enough to be in the editors'
queue; the others wait for an editor to ask (FACTCHECK_FETCH_MIN_CHECKWORTHINESS)."""

import datetime as dt

import pytest

from claims import bands
from claims.models import Claim
from claims.services import article_ingest
from sources.models import ClaimFetch

pytestmark = pytest.mark.django_db

TEXT = (
    "Unemployment in the region fell to 3.9 percent in May, the lowest rate since 2001, the statistics office said.\n\n"
    "The city spent 42 million euros on the new tram line, twice the original budget.\n\n"
    "The mayor thanked the volunteers at the opening ceremony."
)


@pytest.fixture
def ingest(django_capture_on_commit_callbacks, settings):
    settings.FACTCHECK_FETCHERS = ["internal"]

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return article_ingest(**kwargs)

    return run


def test_the_default_line_is_the_queues_not_check_worthy_band(settings):
    assert settings.FACTCHECK_FETCH_MIN_CHECKWORTHINESS == bands.NOT_CHECKWORTHY


def test_only_claims_at_or_above_the_line_get_fetches_when_extracted(ingest, settings):
    settings.FACTCHECK_FETCH_MIN_CHECKWORTHINESS = 0.5
    article, _ = ingest(text=TEXT, title="City news", published_at=dt.date(2025, 6, 3))

    claims = list(Claim.objects.filter(mentions__article=article).distinct())
    fetched = set(ClaimFetch.objects.filter(claim__in=claims).values_list("claim_id", flat=True))
    above = {c.pk for c in claims if c.checkworthiness >= 0.5}
    assert above and len(above) < len(claims)  # the text has claims on both sides of the line
    assert fetched == above


def test_a_claim_below_the_line_is_fetched_when_an_editor_asks(ingest, settings, django_capture_on_commit_callbacks):
    from sources.services import claims_fetch_sources

    settings.FACTCHECK_FETCH_MIN_CHECKWORTHINESS = 1.0
    article, _ = ingest(text=TEXT, title="City news", published_at=dt.date(2025, 6, 3))
    claim = Claim.objects.filter(mentions__article=article).first()
    assert claim is not None and not ClaimFetch.objects.filter(claim=claim).exists()

    with django_capture_on_commit_callbacks(execute=True):
        claims_fetch_sources(claim_ids=[claim.pk], force=True)  # what the admin's "Fetch sources again" calls

    assert ClaimFetch.objects.get(claim=claim, fetcher="internal").status == "done"


def test_the_claim_page_says_why_a_claim_below_the_line_has_no_sources(ingest, settings, client):
    from tests.factories import UserFactory

    settings.FACTCHECK_FETCH_MIN_CHECKWORTHINESS = 1.0
    article, _ = ingest(text=TEXT, title="City news", published_at=dt.date(2025, 6, 3))
    claim = Claim.objects.filter(mentions__article=article).first()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()

    assert "Sources are fetched automatically only for claims in the queue (check-worthiness 1 or more)" in page
    assert f"this one scored {claim.checkworthiness:.2f}" in page
