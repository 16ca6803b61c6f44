"""The threshold logic of claim matching, on plain data (no ORM, no model).

Scores are cosine similarities of L2-normalised sentence embeddings, in [-1, 1].
At or above `same` two claims are the same claim; from `suggest` up to `same` editors
are asked; below `suggest` nothing happens. An editor's decision on a pair outranks any score:
a rejected pair is never joined nor suggested again, a confirmed one is always joined.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

PENDING, CONFIRMED, REJECTED = "pending", "confirmed", "rejected"


@dataclass(frozen=True)
class Hit:
    """One neighbour of a claim: another claim and how similar it is."""

    claim_id: int
    score: float


@dataclass(frozen=True)
class MatchPlan:
    """What to do with a new claim: join one existing claim, and/or ask editors about others."""

    join: Hit | None = None
    suggest: tuple[Hit, ...] = ()


@dataclass(frozen=True)
class MatchOutcome:
    """What `claims.services.claim_match` did.

    `claim_id` is the claim the text belongs to now: the existing claim when the new one joined it.
    `known_verdict_claim_id` names a matching claim (or the claim itself) whose verdict is published.
    """

    claim_id: int
    merged_from: int | None = None
    score: float | None = None
    suggested: tuple[int, ...] = ()
    known_verdict_claim_id: int | None = None
    gone: bool = False

    @property
    def merged(self) -> bool:
        return self.merged_from is not None


def match_plan(
    hits: Iterable[Hit], *, same: float, suggest: float, decisions: Mapping[int, str] | None = None
) -> MatchPlan:
    """Decide from a claim's neighbours (any order) and the editors' earlier decisions on pairs.

    `decisions` maps a neighbour's claim id to the decision stored for the pair (pending,
    confirmed or rejected). The best neighbour at or above `same`, or any confirmed one, is joined;
    neighbours from `suggest` up to `same` that editors have not decided yet are suggested.
    """
    if suggest > same:
        raise ValueError("the suggest threshold must not exceed the same-claim threshold")
    decisions = decisions or {}
    ranked = sorted((h for h in hits if decisions.get(h.claim_id) != REJECTED), key=lambda h: (-h.score, h.claim_id))
    join = next((h for h in ranked if decisions.get(h.claim_id) == CONFIRMED), None)
    if join is None:
        join = next((h for h in ranked if h.score >= same), None)
    suggestions = tuple(
        h
        for h in ranked
        if h is not join and h.score >= suggest and decisions.get(h.claim_id) != CONFIRMED and h.score < same
    )
    return MatchPlan(join=join, suggest=suggestions)


def ordered_pair(a: int, b: int) -> tuple[int, int]:
    """ClaimMatchSuggestion stores a pair as (smaller id, larger id)."""
    if a == b:
        raise ValueError("a claim is not paired with itself")
    return (a, b) if a < b else (b, a)


# --- Evaluation: the same rule run over a corpus, as claims would arrive one by one ---------------------


@dataclass
class Clustering:
    """Online clustering with the production rule: each item joins its best existing claim at or above
    `same` (compared with the claim's first text, as stored claims keep the embedding of their text),
    or founds a new claim. Pairs scoring in [suggest, same) against an earlier claim are suggestions."""

    labels: list[int] = field(default_factory=list)
    suggestions: set[tuple[int, int]] = field(default_factory=set)  # (item index, claim label)


def cluster_online(vectors: np.ndarray, *, same: float, suggest: float) -> Clustering:
    vectors = np.asarray(vectors, dtype=np.float32)
    result = Clustering()
    founders: list[int] = []  # item index that founded each claim label
    for i, vector in enumerate(vectors):
        if founders:
            scores = vectors[founders] @ vector
            best = int(np.argmax(scores))
            if scores[best] >= same:
                result.labels.append(best)
                continue
            result.suggestions.update((i, int(label)) for label in np.flatnonzero(scores >= suggest))
        result.labels.append(len(founders))
        founders.append(i)
    return result


@dataclass(frozen=True)
class PairScores:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(labels: Sequence) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(labels)) for j in range(i + 1, len(labels)) if labels[i] == labels[j]}


def pairwise_scores(predicted_labels: Sequence, gold_labels: Sequence) -> PairScores:
    """Pairwise precision and recall: a pair of items is positive when both share a cluster."""
    if len(predicted_labels) != len(gold_labels):
        raise ValueError("predicted and gold labels must cover the same items")
    predicted, gold = _pairs(predicted_labels), _pairs(gold_labels)
    return PairScores(true_positives=len(predicted & gold), predicted=len(predicted), gold=len(gold))


def labels_if_all_confirmed(clustering: Clustering) -> list[int]:
    """Cluster labels as they would be if editors confirmed every suggestion (an upper bound on recall)."""
    parent = list(range(max(clustering.labels, default=-1) + 1))

    def root(label: int) -> int:
        while parent[label] != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    for item, label in clustering.suggestions:
        a, b = root(clustering.labels[item]), root(label)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [root(label) for label in clustering.labels]
