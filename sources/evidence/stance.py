"""A machine stance suggestion from transparent signals, with the reason spelled out.

Signals between the claim and a passage: shared named entities, numbers (incl. ordinals),
calendar dates, and negation. A prior fact-check's textual rating ("False", "Mostly true")
is the strongest signal when there is one. The result is a suggestion shown beside, never in
place of, the editor's verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import content_tokens, dates, entities, negated, numbers

SUPPORTS, REFUTES, MENTIONS, UNCLEAR = "supports", "refutes", "mentions", "unclear"

REFUTING_RATINGS = re.compile(
    r"\b(false|fake|incorrect|inaccurate|misleading|wrong|not true|untrue|pants on fire|fabricated|baseless|"
    r"no evidence|debunked|hoax|satire|distorts?|exaggerat\w*|unsupported|unproven)\b",
    re.I,
)
SUPPORTING_RATINGS = re.compile(r"^\s*(true|correct|accurate|mostly true|mostly correct|verified|confirmed)\b", re.I)


@dataclass(frozen=True)
class StanceSuggestion:
    stance: str
    reason: str


def _dates_conflict(claim_dates, passage_dates) -> tuple[bool, bool]:
    """(agree, conflict): a claim date found in the passage, or the passage dating the same thing otherwise."""
    agree = conflict = False
    for cy, cm, cd in claim_dates:
        same = [(py, pm, pd) for py, pm, pd in passage_dates if (pm, pd) == (cm, cd) and (None in (cy, py) or cy == py)]
        if same:
            agree = True
        elif passage_dates:
            conflict = True
    return agree, conflict


def suggest_stance(claim: str, passage: str, *, rating: str | None = None) -> StanceSuggestion:
    reasons: list[str] = []
    if rating:
        if REFUTING_RATINGS.search(rating):
            return StanceSuggestion(REFUTES, f"An earlier fact-check rated this claim {rating!r}.")
        if SUPPORTING_RATINGS.search(rating):
            return StanceSuggestion(SUPPORTS, f"An earlier fact-check rated this claim {rating!r}.")
        reasons.append(f"an earlier fact-check rated it {rating!r}")

    claim_terms, passage_terms = set(content_tokens(claim)), set(content_tokens(passage))
    coverage = len(claim_terms & passage_terms) / len(claim_terms) if claim_terms else 0.0
    claim_entities, passage_entities = entities(claim), entities(passage)
    shared_entities = sorted(e for e in claim_entities if e in passage_entities or e in passage.lower())
    missing_entities = sorted(claim_entities - set(shared_entities))

    claim_numbers, passage_numbers = numbers(claim), numbers(passage)
    numbers_agree = sorted(claim_numbers & passage_numbers)
    numbers_conflict = bool(claim_numbers) and bool(passage_numbers) and not numbers_agree

    dates_agree, dates_conflict = _dates_conflict(dates(claim), dates(passage))
    negation_conflict = negated(claim) != negated(passage)

    if shared_entities:
        reasons.append("shares " + ", ".join(shared_entities[:4]))
    if missing_entities and shared_entities:
        reasons.append("does not name " + ", ".join(missing_entities[:3]))
    reasons.append(f"{coverage:.0%} of the claim's terms")
    if numbers_agree:
        reasons.append("same numbers (" + ", ".join(numbers_agree[:4]) + ")")
    if numbers_conflict:
        reasons.append(
            f"different numbers (claim {', '.join(sorted(claim_numbers)[:3])}; passage {', '.join(sorted(passage_numbers)[:3])})"
        )
    if dates_agree:
        reasons.append("same date")
    if dates_conflict and not dates_agree:
        reasons.append("a different date")
    if negation_conflict:
        reasons.append("one of them is negated (" + ("claim" if negated(claim) else "passage") + ")")

    # Conflicts count only when the passage is plainly about the same thing (most of the claim's terms,
    # every named entity): a passage that dates some other event differently refutes nothing.
    same_subject = coverage >= 0.6 and not missing_entities
    conflict = numbers_conflict or (dates_conflict and not dates_agree) or negation_conflict
    agreement = bool(numbers_agree) or dates_agree or (not claim_numbers and not dates(claim))

    if same_subject and conflict:
        stance = REFUTES
    elif same_subject and agreement:
        stance = SUPPORTS
    elif shared_entities or coverage >= 0.3:
        stance = MENTIONS
    else:
        stance = UNCLEAR
    reason = "Passage " + "; ".join(reasons) + "."
    return StanceSuggestion(stance, reason[:500])

