"""A machine stance suggestion, with the reason spelled out: supports, refutes, mentions or unclear.

The signals (signals.SIGNALS: shared terms, the claim's embedding against the passage's sentences,
alias-resolved names, numbers, years, dates, negation, opposite words) are weighed by a small
multinomial logistic regression fitted on people's stance labels (train_stance.py; data/stance_model.json;
plain Python here, no learning library at run time); a passage bears on the claim when the model's relevance
probability reaches the threshold chosen with it by document-grouped cross-validation. "irrelevant" becomes "mentions" when the passage
shares the claim's names or many of its terms, else "unclear". A prior fact-check's textual rating
("False", "Mostly true") is the strongest signal when there is one. The result is a suggestion shown
beside, never in place of, the editor's verdict.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import signals
from .similarity import similarities

SUPPORTS, REFUTES, MENTIONS, UNCLEAR = "supports", "refutes", "mentions", "unclear"
MODEL_FILE = Path(__file__).with_name("data") / "stance_model.json"
TO_STANCE = {"support": SUPPORTS, "refute": REFUTES}

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
    score: float | None = None  # the model's probability of its class; None when not from the model


@lru_cache(maxsize=1)
def model() -> dict:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def classify(x: list[float], weights: dict | None = None) -> tuple[str, dict[str, float]]:
    """The most probable class ("support", "refute", "irrelevant") and every class's probability."""
    weights = weights or model()
    z = [(v - m) / s for v, m, s in zip(x, weights["mean"], weights["scale"], strict=True)]
    logits = [
        b + sum(w * v for w, v in zip(row, z, strict=True))
        for row, b in zip(weights["weights"], weights["bias"], strict=True)
    ]
    top = max(logits)
    exp = [math.exp(v - top) for v in logits]
    total = sum(exp)
    probabilities = {k: e / total for k, e in zip(weights["classes"], exp, strict=True)}
    return max(probabilities, key=probabilities.get), probabilities


# Signals that say the passage states something else than the claim. The model learns from people's labels
# whether a passage bears on the claim; which way it bears is left to these transparent conflicts, so a
# passage that restates the claim is never suggested as refuting it. Other names are not among them: a passage
# naming other people or places may be about something else, which is not a denial (grouped CV macro-F1 0.545 with
# them, 0.556 without; bench/evidence.py --parts stance).
CONFLICTS = ("numbers_conflict", "years_conflict", "dates_conflict", "negation", "opposite")


def relevance(x: list[float], weights: dict | None = None) -> float:
    """The model's probability that the passage bears on the claim (supports or refutes it)."""
    probabilities = classify(x, weights)[1]
    return probabilities["support"] + probabilities["refute"]


def decide(x: list[float], weights: dict | None = None) -> tuple[str, float]:
    """The class ("support", "refute", "irrelevant") for one feature row, and the model's confidence.

    A passage is relevant when the model's relevance probability reaches the shipped threshold (chosen by
    document-grouped cross-validation in train_stance, where it is printed); which way it bears is left to
    the transparent conflicts."""
    weights = weights or model()
    p_relevant = relevance(x, weights)
    if p_relevant < weights.get("relevant_threshold", 0.5):
        return "irrelevant", 1.0 - p_relevant
    row = dict(zip(weights["features"], x, strict=True))
    return ("refute" if any(row.get(name) for name in CONFLICTS) else "support"), p_relevant


def _from_rating(rating: str) -> StanceSuggestion | None:
    if REFUTING_RATINGS.search(rating):
        return StanceSuggestion(REFUTES, f"An earlier fact-check rated this claim {rating!r}.", 1.0)
    if SUPPORTING_RATINGS.search(rating):
        return StanceSuggestion(SUPPORTS, f"An earlier fact-check rated this claim {rating!r}.", 1.0)
    return None


def build_pairs(items: Iterable[tuple[str, str]], *, embed: bool = True, embedder=None) -> list[signals.Pair]:
    """Pairs with their embedding similarities, one embedding call per claim."""
    items = list(items)
    by_claim: dict[str, list[int]] = {}
    for i, (claim, _) in enumerate(items):
        by_claim.setdefault(claim, []).append(i)
    out: list[signals.Pair | None] = [None] * len(items)
    for claim, indices in by_claim.items():
        passages = [items[i][1] for i in indices]
        sims = similarities(claim, passages, embed=embedder) if embed else [None] * len(passages)
        for i, passage, sim in zip(indices, passages, sims, strict=True):
            out[i] = signals.Pair(
                claim, passage,
                similarities=sim.sentences if sim else None, passage_similarity=sim.passage if sim else None,
            )  # fmt: skip
    return out  # type: ignore[return-value]


def suggest_for_pair(pair: signals.Pair, *, rating: str | None = None) -> StanceSuggestion:
    if rating and (decided := _from_rating(rating)):
        return decided
    label, confidence = decide(signals.features(pair))
    stance = TO_STANCE.get(label)
    if stance is None:
        stance = MENTIONS if pair.shared_names or pair.coverage >= 0.3 else UNCLEAR
    found = signals.reasons(pair)
    if rating:
        found.insert(0, f"an earlier fact-check rated it {rating!r}")
    quote = pair.best_sentence if len(pair.best_sentence) <= 160 else pair.best_sentence[:157] + "…"
    reason = f"Passage {'; '.join(found)}. Closest sentence: “{quote}”"
    return StanceSuggestion(stance, reason[:500], round(confidence, 3))


def suggest_stances(
    claim: str, passages: list[str], *, rating: str | None = None, embed: bool = True, embedder=None
) -> list[StanceSuggestion]:
    """One suggestion per passage; the claim and all passages are embedded in one call (by `embedder`, texts ->
    L2-normalised rows, when given: the claim-matching model otherwise)."""
    pairs = build_pairs(((claim, t) for t in passages), embed=embed, embedder=embedder)
    return [suggest_for_pair(p, rating=rating) for p in pairs]


def suggest_stance(claim: str, passage: str, *, rating: str | None = None, embed: bool = True) -> StanceSuggestion:
    return suggest_stances(claim, [passage], rating=rating, embed=embed)[0]
