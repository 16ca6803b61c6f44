"""Our own corpus: other ingested articles and sources fetched earlier. Works offline.

A claim made in one article is corroborated (or contradicted) by the others; an article never
corroborates itself, so when every mention of the claim comes from one article that article is left out.
"""

from __future__ import annotations

from sources import selectors
from sources.models import Source

from .base import ClaimQuery, Fetcher, FoundDocument


class InternalFetcher(Fetcher):
    name = "internal"

    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        from sources.services import internal_article_url

        mention_articles = {m.article_id for m in claim.mentions}
        exclude = mention_articles if len(mention_articles) == 1 else set()
        documents = [
            FoundDocument(
                url=article.url or internal_article_url(article.pk),
                title=article.title,
                text=article.cleaned_text,
                kind=Source.Kind.ARTICLE,
                published_at=article.published_at,
                outlet_name=article.outlet.name if article.outlet else "",
                outlet_domain=(article.outlet.domain or "") if article.outlet else "",
                metadata={"article_id": article.pk},
                fetched_at=article.ingested_at,
            )
            for article in selectors.internal_articles(text=claim.text, exclude_ids=exclude)
        ]
        seen = {d.url for d in documents}
        for source in selectors.internal_sources(text=claim.text, exclude_kinds=(Source.Kind.ARTICLE,)):
            if source.url not in seen:
                documents.append(FoundDocument(url=source.url, text=source.text, source_id=source.pk))
        return documents
