"""What an aggregator reads from a ClaimReview, written the way a consumer must read real markup.

Used on the six real published records in shared/eval/claimreview_real (to show the reader is
faithful: it reproduces the values the upstream collector's tests assert) and then on ours.
"""

from __future__ import annotations

import json
from pathlib import Path

REAL_RECORDS = Path("/work/shared/eval/claimreview_real/claimreview_records.jsonl")
NOT_SCHEMA_ORG = ("retrieved_by", "origin")


def real_records() -> list[dict]:
    if not REAL_RECORDS.exists():
        return []
    rows = [json.loads(line) for line in REAL_RECORDS.read_text().splitlines() if line.strip()]
    for row in rows:
        for key in NOT_SCHEMA_ORG:
            row["claimreview"].pop(key, None)
    return rows


def numeric_rating(review: dict) -> float | None:
    """ratingValue normalised to 0..1 between worstRating and bestRating; None when off any scale."""
    rating = review.get("reviewRating") or {}
    try:
        value, best, worst = (float(rating[key]) for key in ("ratingValue", "bestRating", "worstRating"))
    except (KeyError, TypeError, ValueError):
        return None
    if -1 in (value, best, worst) or best == worst:
        return None
    return (value - worst) / (best - worst)


def appearances(review: dict) -> list[str]:
    item = review.get("itemReviewed") or {}
    found = list(item.get("appearance") or [])
    if item.get("firstAppearance"):
        found.append(item["firstAppearance"])
    urls = []
    for entry in found:
        url = entry if isinstance(entry, str) else (entry or {}).get("url", "")
        url = (url or "").rstrip("/")
        if url.startswith(("http://", "https://")) and url not in urls:
            urls.append(url)
    return urls
