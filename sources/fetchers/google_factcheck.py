"""Earlier fact-checks by other organisations: Google Fact Check Tools `claims:search`.

Documented at https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search:
  GET .../v1alpha1/claims:search?query=...&languageCode=en&pageSize=10&key=API_KEY
  -> {"claims": [{"text", "claimant", "claimDate", "claimReview": [{"publisher": {"name", "site"},
      "url", "title", "reviewDate", "textualRating", "languageCode"}]}], "nextPageToken"}
Each review becomes a source of kind fact_check with its publisher and textual rating in metadata;
the rating is the stance signal. Needs settings.FACTCHECK_GOOGLE_API_KEY.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from sources import conf, http
from sources.models import Source

from .base import ClaimQuery, Fetcher, FetcherNotConfigured, FoundDocument


def _timestamp(value) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


class GoogleFactCheckFetcher(Fetcher):
    name = "google_factcheck"

    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        key = settings.FACTCHECK_GOOGLE_API_KEY
        if not key:
            raise FetcherNotConfigured("set FACTCHECK_GOOGLE_API_KEY to search earlier fact-checks.")
        query = claim.keywords(max_terms=8)
        if not query:
            return []
        result = http.fetch(
            settings.FACTCHECK_GOOGLE_FACTCHECK_URL,
            accept=http.JSON,
            params={"query": query, "languageCode": "en", "pageSize": 10, "key": key},
            respect_robots=False,
        )
        data = result.json()
        if not isinstance(data, dict) or not isinstance(data.get("claims", []), list):
            raise http.MalformedResponse(
                "The Fact Check Tools answer is not in the documented shape.", url=result.final_url
            )
        documents: list[FoundDocument] = []
        for item in data.get("claims", []):
            if not isinstance(item, dict):
                continue
            claim_text = str(item.get("text") or "")
            for review in item.get("claimReview") or []:
                if not isinstance(review, dict) or not review.get("url"):
                    continue
                publisher = review.get("publisher") or {}
                rating = str(review.get("textualRating") or "")
                name, site = str(publisher.get("name") or ""), str(publisher.get("site") or "")
                summary = f"{name or site} rated the claim “{claim_text}”"
                summary += f" ({item['claimant']})" if item.get("claimant") else ""
                summary += f": {rating}." if rating else "."
                documents.append(
                    FoundDocument(
                        url=review["url"],
                        title=str(review.get("title") or claim_text)[:500],
                        text=summary,
                        kind=Source.Kind.FACT_CHECK,
                        published_at=_timestamp(review.get("reviewDate")),
                        outlet_name=name,
                        outlet_domain=site or http.host_of(review["url"]),
                        metadata={
                            "publisher": name,
                            "publisher_site": site,
                            "textual_rating": rating,
                            "claim_text": claim_text,
                            "claimant": item.get("claimant", ""),
                            "claim_date": item.get("claimDate", ""),
                            "language": review.get("languageCode", ""),
                        },
                        http_status=result.status,
                        content_type=result.content_type,
                        fetched_at=result.fetched_at,
                        passages=(summary,),
                        rating=rating,
                    )
                )
        return documents[: conf.get("FACTCHECK_FETCH_RESULTS") * 3]
