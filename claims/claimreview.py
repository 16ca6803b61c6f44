"""Verdict data → a schema.org ClaimReview dict (JSON-LD). Pure: plain data in, plain dicts out.

What consumers read (Google's Fact Check markup guide, Data Commons, the real records in
shared/eval/claimreview_real): `claimReviewed` the editors' own summary of the claim (Google recommends
under 75 characters; the machine never cuts it, the verdict form shows the guide),
`reviewRating` with `alternateName` (the textual rating) and a numeric `ratingValue` between
`worstRating` and `bestRating` when the rating sits on a scale, `itemReviewed` a `Claim` with
its `author`, `datePublished`, `appearance` and `firstAppearance` (an article without a URL still
appears, by headline, outlet and date), our organisation as `author` (with `logo` and `sameAs`),
the public page as `url`, and `dateModified` once a correction has been published.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

SCHEMA_CONTEXT = "https://schema.org"
CLAIM_REVIEWED_GUIDE = (
    75  # characters, exclusive: Google's recommendation ("under 75"), shown to editors, never enforced
)

# A speaker is published as an Organization when its name looks like one; otherwise a Person.
_ORGANIZATION_WORDS = re.compile(
    r"\b(ministry|ministries|agency|government|party|council|committee|office|department|army|forces|"
    r"command|news|press|media|tv|radio|times|post|bank|fund|institute|university|commission|"
    r"organi[sz]ation|association|union|company|corporation|corp|inc|ltd|llc|group|service|"
    r"embassy|parliament|senate|congress|kremlin|white house|police|court|authority|authorities|"
    r"administration|bureau|federation|republic|states|nations|kingdom|foundation|channel)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{2,10}$")


@dataclass(frozen=True)
class Appearance:
    """One article that makes the claim (`url` empty when the article was ingested as text)."""

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
    claim_reviewed: str = ""  # the editors' summary; empty: the claim's text, whole
    corrected_at: dt.datetime | None = None
    speaker: str = ""
    speaker_kind: str = ""  # "Person" / "Organization"; empty: guessed from the name (speaker_type)
    appearances: list[Appearance] = field(default_factory=list)
    language: str = ""
    organization_logo: str = ""
    organization_same_as: tuple[str, ...] = ()


def claim_reviewed_text(data: VerdictData) -> str:
    """What ClaimReview says was reviewed: the editors' summary, else the claim's text; whole, never cut."""
    return " ".join((data.claim_reviewed or data.claim_text or "").split())


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
    work: dict = {"@type": "CreativeWork"}
    if appearance.url:
        work["url"] = appearance.url
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
        claim["author"] = {"@type": data.speaker_kind or speaker_type(data.speaker), "name": data.speaker.strip()}
    dated = sorted((a for a in data.appearances if a.published_at), key=lambda a: a.published_at)
    first = dated[0] if dated else (data.appearances[0] if data.appearances else None)
    if first is not None and first.published_at:
        claim["datePublished"] = _iso(first.published_at)
    if data.appearances:
        claim["appearance"] = [_creative_work(a) for a in data.appearances]
        claim["firstAppearance"] = _creative_work(first)
    return claim


def _organization(data: VerdictData) -> dict:
    organization = {"@type": "Organization", "name": data.organization_name, "url": data.organization_url}
    if data.organization_logo:
        organization["logo"] = {"@type": "ImageObject", "url": data.organization_logo}
    if data.organization_same_as:
        organization["sameAs"] = list(data.organization_same_as)
    return organization


def claimreview(data: VerdictData, *, with_context: bool = True) -> dict:
    """The ClaimReview of one published verdict."""
    review: dict = {}
    if with_context:
        review["@context"] = SCHEMA_CONTEXT
    review |= {
        "@type": "ClaimReview",
        "url": data.page_url,
        "claimReviewed": claim_reviewed_text(data),
        "datePublished": _iso(data.first_published_at),
        "author": _organization(data),
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
