"""A fetcher's view of a claim carries the text of the claim's articles only for fetchers that read it: the
internal fetcher and the corroboration of other claims never do, and a whole page is costly to load."""

import pytest

from sources import selectors
from sources.fetchers.base import get_fetcher

pytestmark = pytest.mark.django_db


def test_the_query_carries_each_articles_text_as_received_by_default(claim, article):
    article.raw_text = "<html><p>Pyongyang: North Korea recognised the DPR.</p></html>"
    article.save(update_fields=["raw_text"])

    query = selectors.claim_query(claim_id=claim.pk)

    assert [m.article_text for m in query.mentions] == [
        "<html><p>Pyongyang: North Korea recognised the DPR.</p></html>"
    ]


def test_without_article_texts_the_mentions_keep_everything_else(claim, article):
    query = selectors.claim_query(claim_id=claim.pk, article_texts=False)

    (mention,) = query.mentions
    assert mention.article_text == ""
    assert mention.article_id == article.pk
    assert mention.article_url == article.url
    assert mention.article_title == article.title
    assert mention.speaker == "Denis Pushilin" and mention.cited_source == "Tass"
    assert query.claim_date == article.published_at.date()
    assert query.text == claim.text


def test_the_cited_fetcher_reads_article_texts_and_the_internal_one_does_not():
    assert get_fetcher("cited").reads_article_text is True
    assert get_fetcher("internal").reads_article_text is False
