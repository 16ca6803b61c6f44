"""The check-worthiness bands of the editors' queue, stated once.

A claim's check-worthiness is a calibrated probability (claims/extraction/checkworthiness.py): the chance that a
fact-checker would call the statement check-worthy. The thresholds below are read as such, and what they mean
on held-out human-labelled sentences is printed by `python -m claims.extraction.train_checkworthiness` and
stored with the model (data/checkworthiness_model.json, "bands"). Claims below NOT_CHECKWORTHY are stored but
kept out of the default queue; a filter shows them. Plain Python: imported by the admin, the API and extraction.
"""

from __future__ import annotations

from dataclasses import dataclass

HIGH = 0.6  # held out (ClaimBuster, 5-fold): 85% of sentences from here up are check-worthy; 66% of those are here
NOT_CHECKWORTHY = (
    0.1  # held out: 94.5% of check-worthy sentences score at least this; 73% of the other sentences score less
)

# A claim that reads as a judgement more than a fact ("the cast is so talented", one addressed to the reader) is kept
# but scored at most this: under NOT_CHECKWORTHY, it waits behind every claim a fact-checker would take up
NOT_A_FACT = 0.05


@dataclass(frozen=True)
class Band:
    key: str  # the admin filter's and the CSS class's value
    label: str
    low: float | None  # inclusive
    high: float | None  # exclusive


BANDS = (
    Band("high", f"High (≥ {HIGH:g})", HIGH, None),
    Band("medium", f"Medium ({NOT_CHECKWORTHY:g}–{HIGH:g})", NOT_CHECKWORTHY, HIGH),
    Band("low", f"Not check-worthy (< {NOT_CHECKWORTHY:g})", None, NOT_CHECKWORTHY),
)
BY_KEY = {band.key: band for band in BANDS}


def band_of(score: float) -> Band:
    return next(
        band for band in BANDS if (band.low is None or score >= band.low) and (band.high is None or score < band.high)
    )
