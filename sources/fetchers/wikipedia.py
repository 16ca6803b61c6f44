"""Wikipedia (any MediaWiki): the search API finds pages, TextExtracts gives their plain text.

Two documented calls (https://www.mediawiki.org/wiki/API:Search, API:Info, Extension:TextExtracts):
  ?action=query&list=search&srsearch=...&srlimit=3&format=json&formatversion=2
  ?action=query&prop=extracts|info&explaintext=1&inprop=url&pageids=..&format=json&formatversion=2
Base URL (and so the language) is settings.FACTCHECK_WIKIPEDIA_URL.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from sources import conf, http
from sources.models import Source

from .base import ClaimQuery, Fetcher, FoundDocument


def _api(params: dict) -> dict:
    result = http.fetch(
        settings.FACTCHECK_WIKIPEDIA_URL,
        accept=http.JSON,
        params={**params, "format": "json", "formatversion": "2"},
        respect_robots=False,  # a documented API for bots; robots.txt addresses crawlers
    )
    data = result.json()
    if not isinstance(data, dict):
        raise http.MalformedResponse("The MediaWiki API answered something other than a JSON object.", url=result.url)
    if "error" in data:
        error = data["error"] if isinstance(data["error"], dict) else {}
        raise http.MalformedResponse(
            f"The MediaWiki API refused the query: {error.get('code', '?')}: {error.get('info', '')}", url=result.url
        )
    return data


class WikipediaFetcher(Fetcher):
    name = "wikipedia"

    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        query = claim.keywords()
        if not query:
            return []
        found = _api({"action": "query", "list": "search", "srsearch": query,
                      "srlimit": conf.get("FACTCHECK_FETCH_RESULTS"), "srprop": "timestamp"})  # fmt: skip
        try:
            hits = found.get("query", {}).get("search", [])
            page_ids = [int(hit["pageid"]) for hit in hits]
        except (AttributeError, KeyError, TypeError, ValueError):
            raise http.MalformedResponse("The MediaWiki search answer is not in the documented shape.") from None
        documents = []
        for page_id in page_ids:  # one page per call: full extracts come one at a time (exlimit)
            data = _api({"action": "query", "prop": "extracts|info", "explaintext": "1", "exsectionformat": "plain",
                         "inprop": "url", "pageids": str(page_id)})  # fmt: skip
            pages = data.get("query", {}).get("pages", [])
            for page in pages if isinstance(pages, list) else []:
                if page.get("missing") or not page.get("extract"):
                    continue
                documents.append(
                    FoundDocument(
                        url=page.get("fullurl") or page.get("canonicalurl") or "",
                        title=page.get("title", ""),
                        text=page["extract"],
                        kind=Source.Kind.REFERENCE,
                        outlet_name="Wikipedia",
                        outlet_domain=http.host_of(settings.FACTCHECK_WIKIPEDIA_URL),
                        metadata={
                            "pageid": page.get("pageid"),
                            "revision": page.get("lastrevid"),
                            "touched": page.get("touched"),
                            "search": query,
                        },  # fmt: skip
                        http_status=200,
                        content_type="text/plain",
                        fetched_at=timezone.now(),
                    )
                )
        return [d for d in documents if d.url]
