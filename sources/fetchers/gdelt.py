"""News coverage from the GDELT DOC 2.0 API (no key), then the articles themselves.

Documented at https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/:
  GET https://api.gdeltproject.org/api/v2/doc/doc?query=...&mode=artlist&format=json&maxrecords=N&sort=hybridrel
  -> {"articles": [{"url", "url_mobile", "title", "seendate": "20220714T103000Z", "socialimage",
      "domain", "language", "sourcecountry"}]}  ({} when nothing matches)
GDELT answers a query it rejects with a plain-text message, which is reported as such.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings

from sources import conf, http
from sources.evidence.text import entities
from sources.models import Source

from .base import ClaimQuery, Fetcher, FoundDocument
from .pages import fetch_page


def _seendate(value) -> datetime | None:
    try:
        return datetime.strptime(str(value), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def gdelt_query(claim: ClaimQuery) -> str:
    """Multi-word names as quoted phrases plus a few other words (GDELT ANDs the terms; it rejects
    words shorter than three letters)."""
    phrases = [e for e in sorted(entities(claim.text), key=len, reverse=True) if " " in e][:2]
    words = [w for w in claim.keywords(max_terms=6).split() if len(w) > 3 and not any(w in p for p in phrases)][:3]
    return " ".join([f'"{p}"' for p in phrases] + words)


class GdeltFetcher(Fetcher):
    name = "gdelt"

    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        query = gdelt_query(claim)
        if not query:
            return []
        try:
            result = http.fetch(
                settings.FACTCHECK_GDELT_URL,
                accept=http.JSON,
                params={"query": query, "mode": "artlist", "format": "json", "maxrecords": 10, "sort": "hybridrel"},
                respect_robots=False,
            )
        except http.BadContentType as exc:
            raise http.MalformedResponse(f"GDELT rejected the query {query!r} ({exc.message}).", url=exc.url) from None
        data = result.json()
        if not isinstance(data, dict) or not isinstance(data.get("articles", []), list):
            raise http.MalformedResponse("The GDELT answer is not in the documented shape.", url=result.final_url)
        documents = []
        for article in data.get("articles", [])[: conf.get("FACTCHECK_FETCH_RESULTS")]:
            if not isinstance(article, dict) or not article.get("url"):
                continue
            documents.append(
                fetch_page(
                    article["url"],
                    kind=Source.Kind.NEWS,
                    title=str(article.get("title") or ""),
                    outlet_domain=str(article.get("domain") or ""),
                    outlet_name=str(article.get("domain") or ""),
                    metadata={
                        "gdelt": {k: article.get(k) for k in ("seendate", "language", "sourcecountry", "domain")},
                        "search": query,
                    },  # fmt: skip
                    published_at=_seendate(article.get("seendate")),
                )
            )
        return documents
