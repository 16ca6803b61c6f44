"""Our own corpus: other ingested articles and sources fetched earlier. Works offline.

An article found here becomes a Source of kind "article" that points at it (metadata article_id, the
text's sha256) without a copy of its text; its passages are stored as evidence as usual.

A claim made in one article is corroborated (or contradicted) by the others; the claim's own articles
(every article that mentions it) never corroborate it, and neither do copies of them
(sources.services drops documents whose text is a near copy of an own article, whichever fetcher found them).
Corroboration runs both ways: sources.services.claim_fetch_run also offers the claim's own article to
the claims of the articles found here, so claims of an article ingested earlier gain the later one.
"""

from __future__ import annotations

from claims.links import internal_article_url
from sources import conf, selectors
from sources.models import Source

from .base import ClaimQuery, Fetcher, FoundDocument


def article_document(article) -> FoundDocument:
    """One of our own articles as a document (linked to its URL, or its admin page when it has none)."""
    return FoundDocument(
        url=article.url or internal_article_url(article.pk),
        title=article.title,
        text=article.text_head,  # from selectors.with_text_head
        kind=Source.Kind.ARTICLE,
        published_at=article.published_at,
        outlet_name=article.outlet.name if article.outlet else "",
        outlet_domain=(article.outlet.domain or "") if article.outlet else "",
        metadata={"article_id": article.pk},
        fetched_at=article.ingested_at,
        store_text=False,  # the article's text is in its Article row; copying it into every Source cost megabytes per fetch
    )


class InternalFetcher(Fetcher):
    name = "internal"
    corroborates_back = True  # a claim of an article found here gains the claim's own article as evidence
    reads_article_text = False  # it searches with the claim's text and excludes its articles by id

    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        own = {m.article_id for m in claim.mentions}
        # A handful, the closest first: every document offered is ranked and embedded against the claim, and a
        # story that 30 articles repeat gives an editor nothing more than five of them (matching links the rest).
        limit = conf.get("FACTCHECK_INTERNAL_RESULTS")
        documents = [
            article_document(article)
            for article in selectors.internal_articles(text=claim.text, exclude_ids=own, limit=limit)
        ]
        seen = {d.url for d in documents}
        for source in selectors.internal_sources(text=claim.text, exclude_kinds=(Source.Kind.ARTICLE,), limit=limit):
            if source.url not in seen:
                documents.append(FoundDocument(url=source.url, text=source.text, source_id=source.pk))
        return documents
