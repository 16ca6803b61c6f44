"""The claim's embedding against a passage and each of its sentences (all-MiniLM-L6-v2, the weights shipped
for claim matching: claims.matching.embeddings). Loaded on first use; callers batch a claim's passages."""

from __future__ import annotations

from dataclasses import dataclass

from .passages import passage_sentences


@dataclass(frozen=True)
class PassageSimilarity:
    sentences: tuple[float, ...]  # cosine of the claim and each sentence, in order
    passage: float  # cosine of the claim and the whole passage


def similarities(claim: str, passages: list[str], *, embed=None) -> list[PassageSimilarity]:
    """One embedding call for the claim, every passage and every sentence of every passage. `embed`
    (texts -> L2-normalised rows) defaults to the claim-matching model."""
    if embed is None:
        from claims.matching.embeddings import embed_texts as embed

    if not passages:
        return []
    split = [passage_sentences(p) for p in passages]
    texts = [claim, *passages, *(s for group in split for s in group)]
    vectors = embed(texts)
    claim_vector = vectors[0]
    scores = vectors @ claim_vector
    out, cursor = [], 1 + len(passages)
    for i, group in enumerate(split):
        out.append(
            PassageSimilarity(tuple(float(x) for x in scores[cursor : cursor + len(group)]), float(scores[1 + i]))
        )
        cursor += len(group)
    return out


def best_sentence_similarities(claim: str, passages: list[str], *, embed=None) -> list[float]:
    """The claim's embedding against each passage's closest sentence, without embedding whole passages: what
    ranking needs (MRR 0.866 against 0.864 with the whole passage too, bench/evidence.py), at a fraction of the
    cost, as a long passage costs about ten times a sentence to embed."""
    if embed is None:
        from claims.matching.embeddings import embed_texts as embed

    if not passages:
        return []
    split = [passage_sentences(p) for p in passages]
    vectors = embed([claim, *(s for group in split for s in group)])
    scores = vectors[1:] @ vectors[0]
    out, cursor = [], 0
    for group in split:
        out.append(float(max(scores[cursor : cursor + len(group)], default=0.0)))
        cursor += len(group)
    return out
