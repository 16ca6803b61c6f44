"""The threshold logic of claim matching, on plain data (no ORM, no model).

Scores are cosine similarities of L2-normalised sentence embeddings, in [-1, 1].
At or above `same` two claims are the same claim; from `suggest` up to `same` editors
are asked; below `suggest` nothing happens. An editor's decision on a pair outranks any score:
a rejected pair is never joined nor suggested again, a confirmed one is always joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

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
    hits: Iterable[Hit],
    *,
    same: float,
    suggest: float,
    decisions: Mapping[int, str] | None = None,
    conflicts: Mapping[int, str] | None = None,
    contradictions: Mapping[int, str] | None = None,
) -> MatchPlan:
    """Decide from a claim's neighbours (any order) and the editors' earlier decisions on pairs.

    `decisions` maps a neighbour's claim id to the decision stored for the pair (pending,
    confirmed or rejected). The best neighbour at or above `same`, or any confirmed one, is joined;
    neighbours from `suggest` up to `same` that editors have not decided yet are suggested.
    `conflicts` names neighbours that must not be joined automatically (see `join_conflict`):
    however high they score, editors are asked instead. `contradictions` names neighbours that may
    contradict the claim (see `contradiction.contradiction`): they are never joined and are suggested
    even below `suggest`.
    """
    if suggest > same:
        raise ValueError("the suggest threshold must not exceed the same-claim threshold")
    decisions, contradictions = decisions or {}, contradictions or {}
    conflicts = {**(conflicts or {}), **contradictions}
    ranked = sorted((h for h in hits if decisions.get(h.claim_id) != REJECTED), key=lambda h: (-h.score, h.claim_id))
    join = next((h for h in ranked if decisions.get(h.claim_id) == CONFIRMED), None)
    if join is None:
        join = next((h for h in ranked if h.score >= same and h.claim_id not in conflicts), None)
    suggestions = tuple(
        h
        for h in ranked
        if h is not join
        and (h.score >= suggest or h.claim_id in contradictions)
        and decisions.get(h.claim_id) != CONFIRMED
        and (h.score < same or h.claim_id in conflicts)
    )
    return MatchPlan(join=join, suggest=suggestions)


# --- What the embedding cannot see ----------------------------------------------------------------
# Sentence embeddings score a claim and its twin with one number or one name changed as near-identical
# ("fell to 4 percent" / "fell to 5 percent": 0.91; "Russia and Syria recognised..." / "Russia and
# North Korea recognised...": 0.93), and a negation barely moves them. Such pairs are never joined
# automatically; editors see them as suggestions.

_ATTRIBUTION = re.compile(r"^\s*according to [^,]{1,100},\s*", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion half quarter first second third fourth fifth dozen percent".split()
)
_NEGATIONS = frozenset("not no never none nobody nothing neither nor cannot without deny denies denied".split())
_NOT_NAMES = frozenset("i a an the in on at of to for by and or but as if it its this that these those".split())
_OPENERS = frozenset(
    "he she they we you there here so well then now also yet still last next after before when while since during "
    "today yesterday according his her their our my your what why how who which where some many most all every each "
    "one two three four five six seven eight nine ten".split()
)


def matching_text(text: str) -> str:
    """The part of a claim that says what is claimed: without a leading "According to X," (the speaker
    is kept on the mention; the same claim relayed by someone else is still the same claim)."""
    stripped = _ATTRIBUTION.sub("", text, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped else text


def quantities(text: str) -> set[str]:
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    return found | {w for w in (w.lower() for w in _WORD.findall(text)) if w in _NUMBER_WORDS}


@lru_cache(maxsize=1)
def _known_names() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern over every alias of the extraction's gazetteer (longest first), and alias -> canonical.

    All-capital short aliases ("DPR", "ROK") match case-sensitively, as in extraction; the rest ignore case.
    """
    from claims.extraction.entities import gazetteer, normalise_name

    canonical: dict[str, str] = {}
    exact, folded = [], []
    for entity in gazetteer().entities:
        # A capital that news writes for its government names the state ("cut ties with Pyongyang" is North Korea).
        seat = (entity.capital, *entity.capital_aliases) if entity.capital_is_seat and entity.capital else ()
        for alias in (*entity.aliases, *entity.misspellings, *seat):
            key = normalise_name(alias)
            (exact if key.isupper() and len(key) <= 6 else folded).append(key)
            canonical[key if key.isupper() and len(key) <= 6 else key.casefold()] = entity.canonical.casefold()
    alternatives = [
        *(f"(?-i:{re.escape(a)})" for a in exact),
        *(re.escape(a) for a in folded),
    ]
    ordered = sorted(alternatives, key=len, reverse=True)
    # A plural/possessive ending is part of the mention ("Donetsk People's Republics"), as in normalise_name.
    pattern = re.compile(r"(?<![\w'])(?:" + "|".join(ordered) + r")(?:'s|s)?(?![\w'])", re.IGNORECASE)
    return pattern, canonical


def _canonical_names(text: str) -> tuple[set[str], str]:
    """Known entities named in the text, by canonical name ("DPRK", "Democratic People's Republic of Korea"
    and "North Korea" are one name), and the text with those mentions blanked out."""
    pattern, canonical = _known_names()
    found: set[str] = set()

    def take(match: re.Match) -> str:
        mention = match.group(0)
        for key in (mention, mention.removesuffix("'s"), mention.removesuffix("s")):
            name = canonical.get(key) or canonical.get(key.casefold())
            if name:
                found.add(name)
                return " , "  # a name separator, so that the words around it are not read as one name
        return mention

    return found, pattern.sub(take, text)


def names(text: str) -> set[str]:
    """Names in a text: known entities by canonical name, then other capitalised words (a sentence's first
    word too, unless a common opener), folded (apostrophes, plural s)."""
    names, text = _canonical_names(text.replace("’", "'"))
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for position, word in enumerate(_WORD.findall(sentence)):
            if position == 0 and word.lower() in _OPENERS:
                continue
            if word[0].isupper() and word.lower() not in _NOT_NAMES:
                names.add(word.lower().replace("’", "'").removesuffix("'s").removesuffix("s"))
    return names


# Phrases that deny the act after them ("has yet to respond", "failed to ratify").
_NEGATING_PHRASES = re.compile(r"\b(?:yet to|failed to|fails to|refused to|refuses to)\b", re.IGNORECASE)


def negated(text: str) -> bool:
    words = {w.lower() for w in _WORD.findall(text)}
    return (
        bool(words & _NEGATIONS)
        or "n't" in text.lower()
        or "n’t" in text.lower()
        or bool(_NEGATING_PHRASES.search(text))
    )


def join_conflict(a: str, b: str) -> str | None:
    """Why two texts must not be joined without an editor, or None. Reads the matching form of each."""
    a, b = matching_text(a), matching_text(b)
    if quantities(a) != quantities(b) and quantities(a) and quantities(b):
        return "different numbers"
    if negated(a) != negated(b):
        return "one is negated"
    only_a, only_b = differing_names(a, b)
    if only_a and only_b:
        return "different names"
    return None


def differing_names(a: str, b: str) -> tuple[set[str], set[str]]:
    """The names each text has that the other lacks (aliases resolved, a demonym matching its place)."""
    names_a, names_b = names(a), names(b)
    only_a = {n for n in names_a - names_b if not any(_demonym_pair(n, m) for m in names_b)}
    only_b = {n for n in names_b - names_a if not any(_demonym_pair(n, m) for m in names_a)}
    return only_a, only_b


# A people's adjective built on its place's name: Ukraine/Ukrainian, Russia/Russian, China/Chinese, Iraq/Iraqi.
_DEMONYM_ENDINGS = ("ian", "an", "n", "ese", "i")


def _demonym_pair(a: str, b: str) -> bool:
    """Whether one name is the other's demonym ("the breakaway Ukrainian territory" names Ukraine).
    Irregular ones (France/French) stay different: a missed join is only a suggestion to an editor."""
    place, people = sorted((a, b), key=len)
    if len(place) < 4 or not people.startswith(place[:-1]):
        return False
    stems = {place, place[:-1]} if place[-1] in "aey" else {place}
    return any(people == stem + ending for stem in stems for ending in _DEMONYM_ENDINGS)


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


def cluster_online(
    vectors: np.ndarray, *, same: float, suggest: float, texts: Sequence[str] | None = None
) -> Clustering:
    """With `texts`, pairs with a `join_conflict` are suggested rather than joined, as in production."""
    vectors = np.asarray(vectors, dtype=np.float32)
    result = Clustering()
    founders: list[int] = []  # item index that founded each claim label
    for i, vector in enumerate(vectors):
        if founders:
            scores = vectors[founders] @ vector
            order = np.argsort(-scores, kind="stable")
            joined = next(
                (
                    int(label)
                    for label in order
                    if scores[label] >= same and not (texts and join_conflict(texts[i], texts[founders[label]]))
                ),
                None,
            )
            if joined is not None:
                result.labels.append(joined)
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
