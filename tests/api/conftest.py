"""Fixtures for the API: clients in each role, and claims at each step of the workflow."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import services
from claims.models import Claim
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    ClaimMentionFactory,
    EvidenceFactory,
    OutletFactory,
    SourceFactory,
    rating,
)


@pytest.fixture
def anon_client():
    return APIClient()


def _token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def reviewer_client(reviewer):
    return _token_client(reviewer)


@pytest.fixture
def editor_client(editor):
    return _token_client(editor)


@pytest.fixture
def roleless_client(db):
    from tests.factories import UserFactory

    return _token_client(UserFactory(username="nora-no-role", is_staff=False))


def make_claim(text: str, *, outlet_name: str = "Tass", speaker: str = "Denis Pushilin", published=None) -> Claim:
    """A claim made in one article, with one evidence passage."""
    outlet = OutletFactory(name=outlet_name, domain=f"{outlet_name.lower().replace(' ', '')}.example")
    article = ArticleFactory(
        outlet=outlet,
        title=f"Report: {text[:40]}",
        published_at=published or dt.datetime(2022, 7, 13, 9, tzinfo=dt.UTC),
    )
    claim = ClaimFactory(text=text, normalized_text=text.lower())
    ClaimMentionFactory(claim=claim, article=article, sentence=text, speaker=speaker)
    EvidenceFactory(claim=claim, source=SourceFactory(title=f"Source for {text[:30]}"), passage=f"Passage about {text}")
    return claim


def publish(
    claim: Claim, *, reviewer, editor, rating_name: str = "False", explanation: str = "Because the record says so."
):
    services.claim_start_review(claim=claim, actor=reviewer)
    verdict = services.verdict_save(claim=claim, rating=rating(rating_name), explanation=explanation, actor=reviewer)
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    verdict.refresh_from_db()
    return verdict


def publish_over_api(client, verdict_id: int):
    """Publish as an API client does: read the verdict, then publish it quoting its ETag."""
    etag = client.get(f"/api/v1/verdicts/{verdict_id}/")["ETag"]
    return client.post(f"/api/v1/verdicts/{verdict_id}/publish", HTTP_IF_MATCH=etag)


@pytest.fixture
def published_verdict(reviewer, editor):
    claim = make_claim("North Korea recognised the Donetsk People's Republic in July 2022.")
    return publish(claim, reviewer=reviewer, editor=editor)


@pytest.fixture
def draft_verdict(reviewer):
    """A verdict still in review: its claim's text must never reach the public."""
    claim = make_claim("SECRET-DRAFT the moon is made of cheese.", outlet_name="Draft Outlet")
    services.claim_start_review(claim=claim, actor=reviewer)
    return services.verdict_save(
        claim=claim, rating=rating("True"), explanation="SECRET-DRAFT reasoning.", actor=reviewer
    )


@pytest.fixture
def new_claim(db):
    return make_claim("SECRET-NEW a claim nobody has reviewed.", outlet_name="New Outlet")


@pytest.fixture
def publish_now(reviewer, editor, django_capture_on_commit_callbacks):
    """Publish a new claim's verdict, running what publishing queues at commit (webhooks, Google sync)."""

    def run(text="North Korea recognised the DPR."):
        with django_capture_on_commit_callbacks(execute=True):
            return publish(make_claim(text), reviewer=reviewer, editor=editor)

    return run


# --- The public cache (claims/public_cache): its tests turn it on (the test settings keep it off) --------------------

PUBLIC_READS = [
    "/api/v1/verdicts/",
    "/api/v1/verdicts/{verdict}/",
    "/api/v1/verdicts/{verdict}/claimreview",
    "/api/v1/claimreviews/",
    "/api/v1/claims/",
    "/api/v1/claims/{claim}/",
    "/claims/{claim}/",
    "/",
    "/?q=recognised",
    "/feeds/verdicts.atom",
]


def public_url(template: str, verdict) -> str:
    return template.format(verdict=verdict.pk, claim=verdict.claim_id)


@pytest.fixture
def public_cache_on(settings):
    from django.core.cache import cache

    settings.FACTCHECK_PUBLIC_CACHE = True
    cache.clear()
    yield
    cache.clear()
