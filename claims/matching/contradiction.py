"""Possible contradictions between two claims of the corpus: the same statement about the same things, with
a number or the polarity changed. Plain data in, a reason or None out (no ORM, no model).

A guard (`decide.join_conflict`) keeps near-twins from being joined; not every guarded pair contradicts.
Two claims that name different things ("Syria recognised the republics" / "North Korea recognised the
republics") are different facts: editors see them as similar claims, not as a contradiction. A different
number contradicts when it stands in the same place ("on 13 July" / "on 14 July"). An opposite polarity
contradicts when the two say the same thing otherwise, or name the same two or more things; a negation
pulls embeddings apart, so the latter is looked at a little below the suggestion band ("Cuba has yet to
respond to Iran's move" / "Cuba cut ties with Tehran over the move").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .decide import (
    _NEGATING_PHRASES,
    _NEGATIONS,
    _NUMBER_WORDS,
    _WORD,
    _canonical_names,
    differing_names,
    join_conflict,
    matching_text,
    names,
    negated,
)

# How far below the suggestion threshold an opposite-polarity pair naming the same things is still shown.
# With the shipped MiniLM, made-up pairs of that kind score 0.59-0.80 ("The minister never met the union
# leaders" / "The minister met the union leaders on Friday": 0.59), the lowest where one side names another
# act than the one denied ("has yet to respond" / "cut ties"). 0.10 below the usual 0.65 reaches them.
POLARITY_MARGIN = 0.10
# Share of their words (names, stop words and negations left out) two claims must have in common for an
# opposite polarity to deny the same statement ("doesn't need much energy" / "is highly portable" don't).
SAME_STATEMENT = 0.5

DIFFERENT_NUMBERS, NEGATED = "different numbers", "one is negated"
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z][A-Za-z'’-]*")


def contradiction_floor(suggest: float) -> float:
    """The lowest similarity at which a pair can be a possible contradiction."""
    return max(0.0, suggest - POLARITY_MARGIN)


def contradiction(a: str, b: str, *, score: float, suggest: float) -> str | None:
    """Why two claims may contradict each other, or None. `score` is their similarity, `suggest` the
    threshold from which near-twins are suggested to editors."""
    if score < contradiction_floor(suggest):
        return None
    a, b = matching_text(a), matching_text(b)
    only_a, only_b = differing_names(a, b)
    if only_a and only_b:
        return None  # about different things: different facts, shown as similar claims only
    if score >= suggest and _number_in_the_same_place(a, b):
        return DIFFERENT_NUMBERS
    if negated(a) != negated(b):
        same_things = not (only_a or only_b) and len(names(a)) >= 2  # who did what to whom, acted on or not
        if same_things or (score >= suggest and _shared_wording(a, b) >= SAME_STATEMENT):
            return NEGATED
    return None


def _shared_wording(a: str, b: str) -> float:
    """Jaccard share of the words two claims use besides names, stop words and negations."""
    wording_a, wording_b = _wording(a), _wording(b)
    union = wording_a | wording_b
    return len(wording_a & wording_b) / len(union) if union else 0.0


def _wording(text: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    _, blanked = _canonical_names(_NEGATING_PHRASES.sub(" ", text.replace("’", "'")))
    words = _WORD.findall(blanked)
    kept = (w.lower() for i, w in enumerate(words) if i == 0 or not w[0].isupper())
    return {w for w in kept if w not in STOP_WORDS and w not in _NEGATIONS and not w.endswith("n't")}


def _number_slots(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each number of a text (digits or a number word) with the words before and after it."""
    tokens = [t.lower().replace(",", "") for t in _TOKEN.findall(text.replace("’", "'"))]
    return [
        (token, tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < len(tokens) else None)
        for i, token in enumerate(tokens)
        if token[0].isdigit() or token in _NUMBER_WORDS
    ]


def _number_in_the_same_place(a: str, b: str) -> bool:
    """Whether a number of one claim stands where the other claim has another number: the same word before
    or after it ("on 13 July" / "on 14 July", "12 new schools" / "15 new schools"), the value not in the other."""
    slots_a, slots_b = _number_slots(a), _number_slots(b)
    values_a, values_b = {v for v, _, _ in slots_a}, {v for v, _, _ in slots_b}
    return any(
        va != vb and va not in values_b and vb not in values_a and ((pa and pa == pb) or (na and na == nb))
        for va, pa, na in slots_a
        for vb, pb, nb in slots_b
    )


@dataclass(frozen=True)
class ContradictionPair:
    first: int  # indices into the texts given
    second: int
    score: float
    reason: str


def contradiction_pairs(texts: Sequence[str], vectors: np.ndarray, *, suggest: float) -> list[ContradictionPair]:
    """Every pair of a corpus that `contradiction` flags (vectors: L2-normalised embeddings of the texts'
    matching form), most similar first. For measuring the rule on a corpus; production compares each new
    claim with its neighbours."""
    vectors = np.asarray(vectors, dtype=np.float32)
    scores = vectors @ vectors.T
    found = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            why = contradiction(texts[i], texts[j], score=float(scores[i, j]), suggest=suggest)
            if why:
                found.append(ContradictionPair(i, j, float(scores[i, j]), why))
    return sorted(found, key=lambda p: -p.score)


def guarded_pairs(texts: Sequence[str], vectors: np.ndarray, *, suggest: float) -> list[ContradictionPair]:
    """The pairs the matching stored as possible contradictions before this rule: every near-twin in the
    suggestion band with a join guard."""
    vectors = np.asarray(vectors, dtype=np.float32)
    scores = vectors @ vectors.T
    found = [
        ContradictionPair(i, j, float(scores[i, j]), why)
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if scores[i, j] >= suggest and (why := join_conflict(texts[i], texts[j]))
    ]
    return sorted(found, key=lambda p: -p.score)


def contradicting_neighbours(
    text: str, neighbours: Mapping[int, tuple[str, float]], *, suggest: float
) -> dict[int, str]:
    """For a new claim: which neighbours (claim id -> (text, similarity)) it may contradict, and why."""
    return {
        pk: why
        for pk, (other, score) in neighbours.items()
        if (why := contradiction(text, other, score=score, suggest=suggest))
    }
