"""Pages an editor added to a claim (admin or API, via sources.services.source_add_url)."""

from __future__ import annotations

from sources.models import Source

from .base import ClaimQuery, Fetcher, FoundDocument
from .pages import fetch_page


class UrlFetcher(Fetcher):
    name = "url"

    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        documents = []
        for _source_id, url in claim.requested_urls:
            document = fetch_page(url, kind=Source.Kind.OTHER, raise_retryable=True)
            document.keep_best = True  # the editor chose this page: show its best passage whatever the score
            documents.append(document)
        return documents
