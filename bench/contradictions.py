"""Possible contradictions, measured (run through bench/evidence.py, parts `seeds` and `contradictions`).

- On a corpus of claims (the seeds): every pair the matching stored as a possible contradiction before
  issue 12's rule (a near-twin in the suggestion band with any join guard) and every pair the rule
  (claims.matching.contradiction) flags, each listed for a person to judge.
- On Factcheck-GPT's claims (shared/eval/factcheck_gpt/claims.jsonl): people corrected the false ones
  ("revised_claim"); a claim and its correction are a known contradiction. How many such pairs each rule
  flags, and how many pairs of two different claims of the set it flags (most of these are not
  contradictions; some are, where a ChatGPT answer contradicts itself). Both scored with the suggestion
  threshold in force (FACTCHECK_MATCH_SUGGEST).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path


def _vectors(texts: list[str]):
    from claims.matching.decide import matching_text
    from claims.matching.embeddings import embed_texts

    return embed_texts([matching_text(t) for t in texts])


def report_corpus(labels: list[str], texts: list[str], *, suggest: float) -> dict[str, list]:
    """Print the pairs each rule flags among these claims; `labels` name them (claim ids)."""
    from claims.matching.contradiction import contradiction_pairs, guarded_pairs

    vectors = _vectors(texts)
    found = {"before (any guard, suggestion band)": guarded_pairs(texts, vectors, suggest=suggest),
             "after (contradiction rule)": contradiction_pairs(texts, vectors, suggest=suggest)}  # fmt: skip
    for name, pairs in found.items():
        print(f"  contradiction pairs {name}: {len(pairs)} {dict(Counter(p.reason for p in pairs))}")
        for p in pairs:
            print(f"    {labels[p.first]} ~ {labels[p.second]} ({p.reason}, similarity {p.score:.3f}): "
                  f"{texts[p.first][:80]!r} / {texts[p.second][:80]!r}")  # fmt: skip
    return found


def bench_corrections(eval_dir: Path, *, suggest: float) -> None:
    from claims.matching.contradiction import contradiction
    from claims.matching.decide import join_conflict

    rows = [
        json.loads(line)
        for line in (eval_dir / "factcheck_gpt" / "claims.jsonl").read_text().splitlines()
        if line.strip()
    ]
    corrections = [(r["claim"], r["revised_claim"]) for r in rows
                   if (r.get("revised_claim") or "").strip() and r["revised_claim"].strip() != r["claim"].strip()]  # fmt: skip
    claims = sorted({r["claim"] for r in rows})
    texts = sorted(set(claims) | {b for _, b in corrections})
    vectors = _vectors(texts)
    index = {t: i for i, t in enumerate(texts)}

    def similarity(a: str, b: str) -> float:
        return float(vectors[index[a]] @ vectors[index[b]])

    rules = {
        "before (any guard, suggestion band)": lambda a, b: (
            (similarity(a, b) >= suggest and join_conflict(a, b)) or None
        ),
        "after (contradiction rule)": lambda a, b: contradiction(a, b, score=similarity(a, b), suggest=suggest),
    }
    n_other = len(claims) * (len(claims) - 1) // 2
    print(f"\ncontradictions on Factcheck-GPT: {len(corrections)} claims with a person's correction; "
          f"{len(claims)} claims, {n_other} pairs of different claims")  # fmt: skip
    for name, rule in rules.items():
        caught = Counter(why for a, b in corrections if (why := rule(a, b)))
        other = Counter(why for i, a in enumerate(claims) for b in claims[i + 1 :] if (why := rule(a, b)))
        print(f"  {name}: claim/correction pairs flagged {sum(caught.values())}/{len(corrections)} {dict(caught)}; "
              f"pairs of different claims flagged {sum(other.values())} {dict(other)}")  # fmt: skip
