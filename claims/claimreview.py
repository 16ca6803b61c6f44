"""Verdict data → a schema.org ClaimReview dict (JSON-LD). Pure: plain data in, plain dicts out.

What consumers read (Google's Fact Check markup guide, Data Commons, the real records in
shared/eval/claimreview_real): `claimReviewed` short (Google recommends under 75 characters),
`reviewRating` with `alternateName` (the textual rating) and a numeric `ratingValue` between
`worstRating` and `bestRating` when the rating sits on a scale, `itemReviewed` a `Claim` with
its `author`, `datePublished`, `appearance` and `firstAppearance`, our organisation as `author`,
the public page as `url`, and `dateModified` once a correction has been published.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

SCHEMA_CONTEXT = "https://schema.org"
CLAIM_REVIEWED_LIMIT = 75  # characters, exclusive: Google's recommendation is "under 75"

# A speaker is published as an Organization when its name looks like one; otherwise a Person.
_ORGANIZATION_WORDS = re.compile(
    r"\b(ministry|ministries|agency|government|party|council|committee|office|department|army|forces|"
    r"command|news|press|media|tv|radio|times|post|bank|fund|institute|university|commission|"
    r"organi[sz]ation|association|union|company|corporation|corp|inc|ltd|llc|group|service|"
    r"embassy|parliament|senate|congress|kremlin|white house|police|court|authority|authorities|"
    r"administration|bureau|federation|republic|states|nations|kingdom|foundation|channel)\b",
    re.IGNORECASE,
)
_DANGLING_WORDS = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that",
    "which", "who", "as", "than", "its", "their", "his", "her", "is", "was", "were", "are", "be", "has", "have",
}  # fmt: skip
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{2,10}$")


@dataclass(frozen=True)
class Appearance:
    """One article that makes the claim."""

    url: str
    headline: str = ""
    outlet: str = ""
    published_at: dt.datetime | None = None


@dataclass(frozen=True)
class VerdictData:
    claim_text: str
    rating_name: str
    rating_value: int | None  # None: a rating off the scale ("Unverifiable"), published by its name only
    best_rating: int | None
    worst_rating: int | None
    page_url: str
    organization_name: str
    organization_url: str
    first_published_at: dt.datetime
    corrected_at: dt.datetime | None = None
    speaker: str = ""
    appearances: list[Appearance] = field(default_factory=list)
    language: str = ""


def shorten_claim(text: str, limit: int = CLAIM_REVIEWED_LIMIT) -> str:
    """The claim in fewer than `limit` characters: whole if it fits, else cut at a word and marked with …"""
    text = " ".join((text or "").split())
    if len(text) < limit:
        return text
    room = limit - 2  # leave space for the ellipsis and stay strictly under the limit
    cut = text[:room + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space >= room // 2 else text[:room]
    words = cut.split(" ")
    while len(words) > 3 and words[-1].lower().strip(",;:") in _DANGLING_WORDS:
        words.pop()  # "…the independence of the…" reads as a broken sentence; "…the independence…" does not
    return " ".join(words).rstrip(" ,;:.-–—(\"'«") + "…"


@functools.lru_cache(maxsize=4096)  # speakers repeat across a feed page: the regexes run once per name
def speaker_type(name: str) -> str:
    """Person or Organization, from the shape of the name."""
    name = name.strip()
    if _ACRONYM.match(name) or _ORGANIZATION_WORDS.search(name):
        return "Organization"
    return "Person"


@functools.lru_cache(maxsize=4096)  # one article date appears up to three times in a review
def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat(timespec="seconds")


def _rating(data: VerdictData) -> dict:
    rating = {"@type": "Rating", "alternateName": data.rating_name}
    on_scale = (
        data.rating_value is not None
        and data.best_rating is not None
        and data.worst_rating is not None
        and data.worst_rating <= data.rating_value <= data.best_rating
    )
    if on_scale:
        rating |= {
            "ratingValue": data.rating_value,
            "bestRating": data.best_rating,
            "worstRating": data.worst_rating,
        }
    return rating


def _creative_work(appearance: Appearance) -> dict:
    work: dict = {"@type": "CreativeWork", "url": appearance.url}
    if appearance.headline:
        work["headline"] = appearance.headline
    if appearance.published_at:
        work["datePublished"] = _iso(appearance.published_at)
    if appearance.outlet:
        work["publisher"] = {"@type": "Organization", "name": appearance.outlet}
    return work


def _item_reviewed(data: VerdictData) -> dict:
    claim: dict = {"@type": "Claim"}
    if data.speaker.strip():
        claim["author"] = {"@type": speaker_type(data.speaker), "name": data.speaker.strip()}
    dated = sorted((a for a in data.appearances if a.published_at), key=lambda a: a.published_at)
    first = dated[0] if dated else (data.appearances[0] if data.appearances else None)
    if first is not None and first.published_at:
        claim["datePublished"] = _iso(first.published_at)
    if data.appearances:
        claim["appearance"] = [_creative_work(a) for a in data.appearances]
        claim["firstAppearance"] = _creative_work(first)
    return claim


def claimreview(data: VerdictData, *, with_context: bool = True) -> dict:
    """The ClaimReview of one published verdict."""
    review: dict = {}
    if with_context:
        review["@context"] = SCHEMA_CONTEXT
    review |= {
        "@type": "ClaimReview",
        "url": data.page_url,
        "claimReviewed": shorten_claim(data.claim_text),
        "datePublished": _iso(data.first_published_at),
        "author": {"@type": "Organization", "name": data.organization_name, "url": data.organization_url},
        "reviewRating": _rating(data),
        "itemReviewed": _item_reviewed(data),
    }
    if data.corrected_at:
        review["dateModified"] = _iso(data.corrected_at)
    if data.language:
        review["inLanguage"] = data.language
    return review


def data_feed(reviews: list[dict], *, url: str, date_modified: dt.datetime | None) -> dict:
    """A schema.org DataFeed of ClaimReviews, as aggregators (Data Commons) read it."""
    feed: dict = {"@context": SCHEMA_CONTEXT, "@type": "DataFeed", "url": url}
    if date_modified:
        feed["dateModified"] = _iso(date_modified)
    feed["dataFeedElement"] = [
        {"@type": "DataFeedItem", "dateCreated": review["datePublished"], "item": review} for review in reviews
    ]
    return feed
