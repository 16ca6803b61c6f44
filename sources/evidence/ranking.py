"""Rank a source's passages against a claim: BM25 orders them, claim-term coverage says how relevant.

BM25 scores depend on the corpus (here: one source's passages) and are not comparable across
sources, so the stored relevance is the share of the claim's content terms a passage contains,
each weighted by its BM25 idf over the passages — a number in [0, 1] an editor can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rank_bm25 import BM25Okapi

from .text import content_tokens

# A passage that says the claim in other words shares few of its terms; this close in meaning, it is kept.
MIN_SIMILARITY = 0.5


@dataclass(frozen=True)
class RankedPassage:
    text: str
    relevance: float  # 0..1: idf-weighted share of the claim's terms found in the passage
    bm25: float
    matched_terms: tuple[str, ...]
    similarity: float | None = None  # the claim's embedding against the passage (best sentence), when given


@lru_cache(maxsize=8192)
def passage_tokens(passage: str) -> tuple[str, ...]:
    """content_tokens of a passage, remembered by the process: a fetch worker ranks the passages of the same few
    corpus articles for claim after claim, and tokenizing them again each time was a tenth of its CPU time
    (bench/pipeline.py --fresh). 8,192 passages of a few hundred characters hold a few megabytes."""
    return tuple(content_tokens(passage))


def rank_passages(
    claim: str,
    passages: list[str],
    *,
    top_k: int = 3,
    min_relevance: float = 0.25,
    similarities: list[float] | None = None,
) -> list[RankedPassage]:
    """The best `top_k` passages for the claim. With `similarities` (one per passage: the claim's
    embedding against it), passages are ordered by term relevance and similarity together
    (bench/evidence.py measures the orders), and a close paraphrase is kept below `min_relevance`."""
    query = list(dict.fromkeys(content_tokens(claim)))
    if not query or not passages:
        return []
    tokenized = [passage_tokens(p) for p in passages]
    if not any(tokenized):
        return []
    bm25 = BM25Okapi([t or ["∅"] for t in tokenized])
    scores = bm25.get_scores(query)
    # A term's weight is its BM25 idf over these passages (a term absent from all of them weighs as the
    # rarest); floored, so that a one-passage source, where idf degenerates, still weighs every term.
    rarest = max(bm25.idf.values(), default=1.0)
    weights = {term: max(0.25, bm25.idf.get(term, rarest)) for term in query}
    total = sum(weights.values())
    sims = similarities if similarities is not None and len(similarities) == len(passages) else [None] * len(passages)
    ranked = []
    for passage, tokens, score, similarity in zip(passages, tokenized, scores, sims, strict=True):
        present = set(tokens)
        matched = tuple(term for term in query if term in present)
        relevance = sum(weights[t] for t in matched) / total
        if relevance >= min_relevance or (similarity is not None and similarity >= MIN_SIMILARITY):
            ranked.append(RankedPassage(passage, round(relevance, 4), float(score), matched, similarity))
    ranked.sort(key=lambda r: (r.relevance + (r.similarity or 0.0), r.relevance, r.bm25), reverse=True)
    return ranked[:top_k]
