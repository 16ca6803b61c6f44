"""Parallel facts of one sentence rank together (rule `parallel_facts_rank`, ranking stage).

Decomposition writes "Lanzo recognised the Orvik Republic and the Varnes Republic in 2021." as two claims that
differ only in the conjunct. The check-worthiness model scores each on its own words, so one name can put a fact
several places below its twin although an editor weighs the two as one statement: check-worthiness belongs to what
is stated (who did what), not to which of the parallel names a piece carries. Claims of the same sentence whose
words differ in one window (the words before and after it, at least SHARED of the longer claim, the same), take
the highest score among them, with the reason first in their signals.

Only raised, never lowered; a claim capped as a judgement (Claim.not_a_fact) keeps its cap; the sentence's own best
score does not change, so the sentence-level figures of bench/checkworthiness.py do not move: only the order inside
an article does.
"""

from __future__ import annotations

import math

from . import rules
from .types import Claim

RULE = "parallel_facts_rank"
SHARED = 0.6  # share of the longer claim's words before and after the one differing window
REASON = "one of parallel facts in one sentence: ranked with the strongest of them"


def _words(text: str) -> list[str]:
    return text.lower().rstrip(".").split()


def parallel(one: str, other: str) -> bool:
    """Whether two claims state the same thing of different conjuncts: they differ in one window of words (the
    conjunct with whatever it carries, "the Orvik Republic (OR)"), the words before and after it the same and at
    least SHARED of the longer claim."""
    a, b = _words(one), _words(other)
    if a == b:
        return False
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return prefix + suffix >= SHARED * max(len(a), len(b))


def _log_odds(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def rank_together(claims: list[Claim]) -> list[Claim]:
    """Each claim takes the best score of the claims of its sentence it is parallel to (scored claims in, the same
    list out)."""
    if not rules.on(RULE):
        return claims
    by_sentence: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        if not claim.not_a_fact:
            by_sentence.setdefault((claim.start, claim.end), []).append(claim)
    for group in by_sentence.values():
        best = {id(c): c.checkworthiness for c in group}
        for claim in group:
            for other in group:
                if other is not claim and parallel(claim.text, other.text):
                    best[id(claim)] = max(best[id(claim)], other.checkworthiness)
        for claim in group:
            if best[id(claim)] > claim.checkworthiness:
                push = round(_log_odds(best[id(claim)]) - _log_odds(claim.checkworthiness), 2)
                claim.signals = [(REASON, push), *claim.signals[:2]]
                claim.checkworthiness = best[id(claim)]
    return claims
