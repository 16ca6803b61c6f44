"""Whether one text is a copy of another (the same article republished, lightly rewritten or cut).

Word 5-gram shingles: a copy shares most of the shorter text's shingles with the longer one, whatever
was added around it (a byline, a "Read more" footer). A report on the same event in other words shares
few 5-grams, so it stays evidence.
"""

from __future__ import annotations

from .text import words

SHINGLE = 5
COPY_CONTAINMENT = 0.6  # share of the shorter text's shingles found in the other


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    tokens = words(text)
    if len(tokens) < n:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def containment(a: set, b: set) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def is_copy(text: str, of: str | set, *, threshold: float = COPY_CONTAINMENT) -> bool:
    """Whether `text` and `of` (a text or its shingles) are the same text, near enough."""
    theirs = of if isinstance(of, set) else shingles(of)
    return containment(shingles(text), theirs) >= threshold
