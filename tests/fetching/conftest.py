"""Fixtures for the fetching tests: provider responses from fixtures/, a claim with a mention, quick retries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CLAIM_TEXT = "North Korea recognised the Donetsk People's Republic on 13 July 2022."


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def empty_cache():
    """Robots.txt answers and per-domain slots live in the cache: no test sees another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def quick_retries(settings):
    """Few retries, short timeouts; eager tasks run their retries at once (Celery only does so when eager
    exceptions do not propagate: with propagation the first Retry would surface instead)."""
    from factcheck.celery import app

    saved, app.conf.task_eager_propagates = app.conf.task_eager_propagates, False
    settings.FACTCHECK_FETCH_MAX_RETRIES = 2
    settings.FACTCHECK_FETCH_BACKOFF_BASE = 0.01
    settings.FACTCHECK_HTTP_READ_TIMEOUT = 0.5
    settings.FACTCHECK_HTTP_CONNECT_TIMEOUT = 0.5
    yield settings
    app.conf.task_eager_propagates = saved


@pytest.fixture
def article(db):
    from tests.factories import ArticleFactory, OutletFactory

    text = (
        "Pyongyang: North Korea on Wednesday became the second Russian ally to formally recognize the independence "
        "of the breakaway Ukrainian territory of Donetsk People's Republic (DPR), Donetsk leader Denis Pushilin was "
        "quoted as saying by Russia's state-affiliated agency Tass."
    )
    return ArticleFactory(
        title="North Korea recognizes Donetsk People's Republic (DPR)",
        outlet=OutletFactory(name="NewsBharati", domain="newsbharati.com"),
        url="https://www.newsbharati.com/Encyc/2022/7/14/North-Korea-recognizes-DPR.html",
        raw_text=text,
        cleaned_text=text,
        published_at=dt.datetime(2022, 7, 14, 8, 30, tzinfo=dt.UTC),
    )


@pytest.fixture
def claim(article):
    from tests.factories import ClaimFactory, ClaimMentionFactory

    claim = ClaimFactory(text=CLAIM_TEXT, normalized_text=CLAIM_TEXT.lower().rstrip("."))
    ClaimMentionFactory(
        claim=claim,
        article=article,
        sentence=article.cleaned_text,
        start=0,
        end=len(article.cleaned_text),
        speaker="Denis Pushilin",
        cited_source="Tass",
    )
    return claim


@pytest.fixture
def fetch_now(django_capture_on_commit_callbacks):
    """claims_fetch_sources as the app calls it, with the after-commit enqueue run (eagerly) at once."""
    from sources.services import claims_fetch_sources

    def run(claim, *fetchers, force=False):
        with django_capture_on_commit_callbacks(execute=True):
            return claims_fetch_sources(claim_ids=[claim.pk], fetchers=list(fetchers) or None, force=force)

    return run


@pytest.fixture
def add_url(django_capture_on_commit_callbacks):
    from sources.services import source_add_url

    def run(claim, url, actor):
        with django_capture_on_commit_callbacks(execute=True):
            return source_add_url(claim_id=claim.pk, url=url, actor=actor)

    return run
