"""The internal corpus: our own articles and earlier sources corroborate a claim, offline."""

from __future__ import annotations

import datetime as dt
import hashlib
import socket
from pathlib import Path

import pytest

from sources.models import ClaimFetch, Evidence, Source
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, SourceFactory

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the internal fetcher must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def seed_articles(db):
    first = (SEEDS / "000_69d7ea15770052b5.txt").read_text()
    second = (SEEDS / "004_fc362640fd15afc9.txt").read_text()
    return (
        ArticleFactory(title="North Korea recognizes DPR", url=None, cleaned_text=first, raw_text=first,
                       text_sha256=hashlib.sha256(first.encode()).hexdigest(),
                       published_at=dt.datetime(2022, 7, 14, tzinfo=dt.UTC)),
        ArticleFactory(title="Donetsk leader pledges cooperation", url=None, cleaned_text=second, raw_text=second,
                       text_sha256=hashlib.sha256(second.encode()).hexdigest(),
                       published_at=dt.datetime(2022, 8, 17, tzinfo=dt.UTC)),
    )  # fmt: skip


def _claim_in(article, text):
    claim = ClaimFactory(text=text)
    ClaimMentionFactory(claim=claim, article=article, sentence=text)
    return claim


def test_the_two_seed_articles_corroborate_each_other(seed_articles, no_network, fetch_now):
    first, second = seed_articles
    from_first = _claim_in(first, "North Korea recognised the Donetsk People's Republic.")
    from_second = _claim_in(
        second, "Pushilin pledged bilateral cooperation between the Donetsk People's Republic and North Korea."
    )

    fetch_now(from_first, "internal")
    fetch_now(from_second, "internal")

    assert {e.source.metadata["article_id"] for e in Evidence.objects.filter(claim=from_first)} == {second.pk}
    assert {e.source.metadata["article_id"] for e in Evidence.objects.filter(claim=from_second)} == {first.pk}
    best = Evidence.objects.filter(claim=from_first).order_by("-relevance").first()
    assert "recognized the Donetsk People" in best.passage or "recognize" in best.passage
    assert best.relevance > 0.5 and best.fetcher == "internal"
    assert ClaimFetch.objects.get(claim=from_first, fetcher="internal").status == "done"


def test_an_article_does_not_corroborate_itself(seed_articles, fetch_now):
    first, second = seed_articles
    claim = _claim_in(first, "Syria formally recognized the independence of the breakaway republics on June 29.")

    fetch_now(claim, "internal")

    assert not Evidence.objects.filter(claim=claim, source__metadata__article_id=first.pk).exists()


def test_articles_without_a_url_link_to_their_admin_page(seed_articles, fetch_now, settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = "https://factcheck.example"
    first, second = seed_articles
    claim = _claim_in(first, "North Korea recognised the Donetsk People's Republic.")

    fetch_now(claim, "internal")

    source = Source.objects.get(kind=Source.Kind.ARTICLE)
    assert source.url == f"https://factcheck.example/admin/claims/article/{second.pk}/change/"
    assert source.published_at == second.published_at
    assert source.text_sha256 == hashlib.sha256(second.cleaned_text.encode()).hexdigest()
    assert source.text == ""  # the text stays in the article; the source points at it
    assert source.metadata["article_id"] == second.pk and source.evidence.exists()


def test_an_internal_fetch_does_not_copy_a_big_article_into_the_database(seed_articles, no_network, fetch_now):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, second = seed_articles
    filler = "\n\n".join(
        f"Paragraph {i} of a long made-up report about harbour cranes and grain silos." for i in range(8000)
    )
    Article = type(second)
    Article.objects.filter(pk=second.pk).update(cleaned_text=second.cleaned_text + "\n\n" + filler)
    assert len(filler) > 500_000
    claim = _claim_in(first, "North Korea recognised the Donetsk People's Republic.")

    with CaptureQueriesContext(connection) as queries:
        fetch_now(claim, "internal")
        fetch_now(claim, "internal")  # and again: nothing big is re-sent either

    written = sum(len(q["sql"]) for q in queries.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT"))
    assert Evidence.objects.filter(claim=claim, source__metadata__article_id=second.pk).exists()
    assert written < 50_000, f"{written:,} characters of SQL written for two internal fetches"


def test_sources_fetched_for_other_claims_are_reused_as_they_are(seed_articles, no_network, fetch_now):
    first, _ = seed_articles
    earlier = SourceFactory(
        url="https://reference.example/dprk", kind=Source.Kind.REFERENCE,
        text="North Korea recognised the Donetsk People's Republic on 13 July 2022, the third state to do so.",
    )  # fmt: skip
    claim = _claim_in(first, "North Korea recognised the Donetsk People's Republic on 13 July 2022.")

    fetch_now(claim, "internal")

    evidence = Evidence.objects.get(claim=claim, source=earlier)
    assert evidence.stance == "supports"
    earlier.refresh_from_db()
    assert earlier.kind == Source.Kind.REFERENCE  # linked, not overwritten


def test_a_claim_of_an_earlier_article_gains_evidence_from_a_later_one(db, fetch_now):
    first_text = (SEEDS / "000_69d7ea15770052b5.txt").read_text()
    first = ArticleFactory(cleaned_text=first_text, raw_text=first_text, url=None)
    early = _claim_in(first, "North Korea recognised the Donetsk People's Republic.")
    fetch_now(early, "internal")
    assert not Evidence.objects.filter(claim=early).exists()  # nothing else in the corpus yet

    second_text = (SEEDS / "004_fc362640fd15afc9.txt").read_text()
    second = ArticleFactory(cleaned_text=second_text, raw_text=second_text, url=None)
    late = _claim_in(
        second, "Pushilin pledged bilateral cooperation between the Donetsk People's Republic and North Korea."
    )
    fetch_now(late, "internal")

    assert Evidence.objects.filter(claim=late, source__metadata__article_id=first.pk).exists()
    back = Evidence.objects.filter(claim=early, fetcher="internal")
    assert back.exists() and {e.source.metadata["article_id"] for e in back} == {second.pk}
    assert ClaimFetch.objects.get(claim=early, fetcher="internal").sources_found == 1
