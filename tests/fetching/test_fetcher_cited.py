"""Cited sources: outlets named in a mention become linked sources; links in the article are fetched."""

from __future__ import annotations

import pytest

from sources.fetchers.cited import cited_outlets, linked_urls
from sources.models import Evidence, Lead, Source
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db


def test_it_recognises_agencies_by_name_and_common_misspellings():
    text = "Pushlin vowed, North Korea's official news agency KCN said; Tass and Izvestia reported, as did Reuters and NK News."
    assert [name for name, _ in cited_outlets(text)] == [
        "Korean Central News Agency (KCNA)", "TASS", "Izvestia", "Reuters", "NK News",
    ]  # fmt: skip
    assert cited_outlets("A postage stamp and a tassel.") == []


def test_it_finds_links_in_text_and_in_html():
    html = 'See <a href="https://www.nknews.org/2022/07/dprk-dpr/?utm_source=x&amp;a=1">NK News</a> and https://tass.com/world/1479999.'
    assert linked_urls(html) == [
        "https://www.nknews.org/2022/07/dprk-dpr/?utm_source=x&a=1",
        "https://tass.com/world/1479999",
    ]


def test_a_named_outlet_becomes_a_to_do_not_an_evidence_card(claim, fetch_now):
    fetch_now(claim, "cited")

    tass = Source.objects.get(url="https://tass.com/")
    assert tass.kind == Source.Kind.CITED and tass.outlet.name == "TASS" and tass.outlet.domain == "tass.com"
    lead = Lead.objects.get(claim=claim, source=tass)
    assert lead.todo.startswith("Find TASS's own report") and lead.fetcher == "cited"
    assert "quoted as saying by Russia's state-affiliated agency Tass" in lead.context
    # The article's own sentence is not evidence for the claim: no card, whatever its relevance.
    assert not Evidence.objects.filter(claim=claim, source=tass).exists()


def test_fetching_again_keeps_one_to_do_per_outlet(claim, fetch_now):
    fetch_now(claim, "cited")
    fetch_now(claim, "cited", force=True)

    assert list(Lead.objects.filter(claim=claim).values_list("source__url", flat=True)) == ["https://tass.com/"]


def test_links_in_the_article_are_fetched(db, httpserver, fetch_now):
    page = (
        "<html><head><title>DPRK recognises DPR</title></head><body><article>"
        "<p>North Korea recognised the Donetsk People's Republic on 13 July 2022, the Korean Central News Agency said.</p>"
        "<p>The decision followed talks that had been underway for a long time.</p></article></body></html>"
    )
    httpserver.expect_request("/2022/07/dprk-dpr").respond_with_data(page, content_type="text/html")
    link = httpserver.url_for("/2022/07/dprk-dpr")
    article = ArticleFactory(raw_text=f'<p>As <a href="{link}">reported by KCNA</a>, Pyongyang acted.</p>')
    claim = ClaimFactory(text="North Korea recognised the Donetsk People's Republic on 13 July 2022.")
    ClaimMentionFactory(
        claim=claim, article=article, sentence="As reported by KCNA, Pyongyang acted.", cited_source="KCNA"
    )

    fetch_now(claim, "cited")

    linked = Source.objects.get(url=link)
    assert linked.title == "DPRK recognises DPR" and "13 July 2022" in linked.text
    assert Evidence.objects.get(claim=claim, source=linked).stance == "supports"
    assert Source.objects.filter(url="https://kcna.kp/", kind=Source.Kind.CITED).exists()
