"""Evidence, measured. One command:

    .venv/bin/python bench/evidence.py [--parts stance,ranking,seeds,contradictions,speed] [--eval-dir DIR]

- stance: Factcheck-GPT's human stance labels (shared/eval/factcheck_gpt/claims.jsonl: claims of 38 documents,
  five retrieved passages each; completely/partially support -> support, refute, irrelevant). Macro-F1 over
  {support, refute, irrelevant}, per-class precision/recall and the confusion matrix for: the majority class;
  today's rules before issue 12 (kept below, frozen, as the baseline); the shipped model scored on the
  pairs it was fitted on (optimistic); and the same model document-grouped cross-validated (GroupKFold by
  doc_id: every pair scored by a model that never saw its document) - the honest estimate for unseen
  documents. Then each signal switched off in turn (grouped CV), and the LLM path when
  FACTCHECK_LLM_BASE_URL is set. Stances map supports -> support, refutes -> refute, else irrelevant.
- ranking: MRR of the first support/refute passage among each claim's passages, ordered by BM25 (the
  ranking today), by the claim's embedding against the passage's sentences, and by both combined.
- seeds: the two seed articles ingested into a throwaway SQLite database, claims extracted and matched,
  the internal and cited fetchers run (offline): every evidence card with stance and reason, the to-dos,
  the possible contradictions; checked against the targets of issue 12.
- contradictions: the contradiction rule against the pairs stored before it, on Factcheck-GPT's claims and
  their people's corrections (bench/contradictions.py); the seeds part lists both rules' pairs too.
- speed: seconds per claim (five passages) for a stance suggestion on one core (torch on one thread).

Embeddings of the labelled set are kept in var/bench/stance-embeddings.npz between runs (delete it to
embed again); the speed part always embeds afresh.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(var_dir: str) -> None:
    os.environ["FACTCHECK_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    os.environ["FACTCHECK_FETCHERS"] = "internal,cited"  # offline: the providers need the network
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.local")
    import django

    django.setup()


# --- Today's rules (before issue 12), frozen as the baseline ---------------------------------------------


def todays_rules(claim: str, passage: str) -> str:
    from sources.evidence.text import content_tokens, dates, entities, negated, numbers

    claim_terms, passage_terms = set(content_tokens(claim)), set(content_tokens(passage))
    coverage = len(claim_terms & passage_terms) / len(claim_terms) if claim_terms else 0.0
    claim_entities, passage_entities = entities(claim), entities(passage)
    shared = [e for e in claim_entities if e in passage_entities or e in passage.lower()]
    missing = claim_entities - set(shared)
    claim_numbers, passage_numbers = numbers(claim), numbers(passage)
    numbers_conflict = bool(claim_numbers) and bool(passage_numbers) and not (claim_numbers & passage_numbers)
    claim_dates, passage_dates = dates(claim), dates(passage)
    agree = conflict = False
    for cy, cm, cd in claim_dates:
        if [1 for py, pm, pd in passage_dates if (pm, pd) == (cm, cd) and (None in (cy, py) or cy == py)]:
            agree = True
        elif passage_dates:
            conflict = True
    same_subject = coverage >= 0.6 and not missing
    if same_subject and (numbers_conflict or (conflict and not agree) or negated(claim) != negated(passage)):
        return "refutes"
    if same_subject and (bool(claim_numbers & passage_numbers) or agree or (not claim_numbers and not claim_dates)):
        return "supports"
    return "mentions" if shared or coverage >= 0.3 else "unclear"


def as_label(stance: str) -> str:
    return {"supports": "support", "refutes": "refute"}.get(stance, "irrelevant")


def report(name: str, gold: list[str], predicted: list[str]) -> float:
    from sources.evidence.train_stance import CLASSES, scores

    result = scores(gold, predicted)
    print(f"  {name}: macro-F1 {result['macro_f1']:.3f}")
    for k, v in result["per_class"].items():
        print(f"      {k:<10} P {v['precision']:.2f}  R {v['recall']:.2f}  F1 {v['f1']:.2f}  (n={v['support']})")
    print("      confusion (rows gold, columns suggested): " + "  ".join(f"{k[:3]}" for k in CLASSES))
    for g in CLASSES:
        print(f"        {g:<10} " + "  ".join(f"{result['confusion'][g][p]:>4}" for p in CLASSES))
    return result["macro_f1"]


# --- stance ----------------------------------------------------------------------------------------------


def bench_stance(eval_dir: Path, pairs_cache: dict) -> None:
    from sources import stance_llm
    from sources.evidence import signals
    from sources.evidence.stance import decide, model
    from sources.evidence.train_stance import grouped_predictions, load, matrix, scores

    data = load(eval_dir)
    gold = [d.label for d in data]
    groups = [d.doc_id for d in data]
    print(f"\nstance: {len(data)} labelled pairs, {len(set(groups))} documents, {len(set(d.claim for d in data))} claims; "
          f"gold {dict(Counter(gold))}")  # fmt: skip
    majority = Counter(gold).most_common(1)[0][0]
    report(f"majority class ({majority})", gold, [majority] * len(gold))
    report("today's rules (before issue 12)", gold, [as_label(todays_rules(d.claim, d.passage)) for d in data])
    pairs = pairs_cache.setdefault("pairs", _pairs(data))
    x = matrix(pairs)
    report("shipped model, on the pairs it was fitted on (optimistic)", gold, [decide(row, model())[0] for row in x])
    honest = report("shipped model, document-grouped 5-fold CV (estimate for unseen documents)", gold,
                    grouped_predictions(x, gold, groups))  # fmt: skip
    fixed = scores(gold, grouped_predictions(x, gold, groups, threshold=0.5))["macro_f1"]
    print(
        f"  relevance threshold fixed at 0.5 instead of chosen in the folds: macro-F1 {fixed:.3f} ({fixed - honest:+.3f})"
    )
    print("  each signal switched off (grouped CV macro-F1; lower than above = the signal helps):")
    for name in signals.SIGNAL_NAMES:
        predicted = grouped_predictions(matrix(pairs, disabled=[name]), gold, groups)
        print(
            f"      without {name:<20} {scores(gold, predicted)['macro_f1']:.3f}  ({scores(gold, predicted)['macro_f1'] - honest:+.3f})"
        )
    if stance_llm.enabled():
        from claims.extraction.llm import LLMError

        predicted = []
        by_claim: dict[str, list[int]] = {}
        for i, d in enumerate(data):
            by_claim.setdefault(d.claim, []).append(i)
        answers: dict[int, str] = {}
        for claim, indices in by_claim.items():
            try:
                got = stance_llm.ask(claim_text=claim, passages=[data[i].passage for i in indices])
            except LLMError as exc:
                print(f"  LLM: {exc}")
                got = {}
            for j, i in enumerate(indices):
                answers[i] = got.get(j, ("unclear", ""))[0]
        predicted = [as_label(answers[i]) for i in range(len(data))]
        report("LLM path (FACTCHECK_LLM_BASE_URL)", gold, predicted)
    else:
        print("  LLM path: not measured (FACTCHECK_LLM_BASE_URL is not set).")


EMBEDDINGS_CACHE = ROOT / "var" / "bench" / "stance-embeddings.npz"


def _pairs(data):
    from sources.evidence.train_stance import labelled_pairs

    started = time.perf_counter()
    pairs = labelled_pairs(data, cache=EMBEDDINGS_CACHE)
    print(f"  (signals and embeddings of {len(data)} pairs: {time.perf_counter() - started:.0f} s; embeddings kept in "
          f"{EMBEDDINGS_CACHE.relative_to(ROOT)})")  # fmt: skip
    return pairs


# --- ranking ---------------------------------------------------------------------------------------------


def mrr(order_by_claim: list[list[int]], relevant: list[set[int]]) -> float:
    total = 0.0
    for order, good in zip(order_by_claim, relevant, strict=True):
        rank = next((r for r, i in enumerate(order, start=1) if i in good), None)
        total += 1 / rank if rank else 0.0
    return total / len(relevant)


def bench_ranking(eval_dir: Path, pairs_cache: dict) -> None:
    from sources.evidence.ranking import rank_passages
    from sources.evidence.train_stance import load

    data = load(eval_dir)
    pairs = pairs_cache.setdefault("pairs", _pairs(data))
    by_claim: dict[str, list[int]] = {}
    for i, d in enumerate(data):
        by_claim.setdefault(d.claim, []).append(i)
    claims = [c for c, idx in by_claim.items() if any(data[i].label != "irrelevant" for i in idx) and len(idx) > 1]
    relevant = [{j for j, i in enumerate(by_claim[c]) if data[i].label != "irrelevant"} for c in claims]
    orders: dict[str, list[list[int]]] = {
        "BM25 (today)": [],
        "embedding": [],
        "combined": [],
        "combined, sentences only": [],
    }
    for claim in claims:
        idx = by_claim[claim]
        passages = [data[i].passage for i in idx]
        ranked = rank_passages(claim, passages, top_k=len(passages), min_relevance=0.0)
        position = {r.text: n for n, r in enumerate(ranked)}
        orders["BM25 (today)"].append(sorted(range(len(idx)), key=lambda j: position.get(passages[j], len(idx))))
        embedding = [max(pairs[i].best_similarity or 0.0, pairs[i].passage_similarity or 0.0) for i in idx]
        orders["embedding"].append(sorted(range(len(idx)), key=lambda j: -embedding[j]))
        ranked_combined = rank_passages(claim, passages, top_k=len(passages), min_relevance=0.0, similarities=embedding)
        position = {r.text: n for n, r in enumerate(ranked_combined)}
        orders["combined"].append(sorted(range(len(idx)), key=lambda j: position.get(passages[j], len(idx))))
        # What the fetch ranks with (sources.services._rank): sentences only, no whole-passage embedding.
        sentences = [pairs[i].best_similarity or 0.0 for i in idx]
        ranked_sentences = rank_passages(
            claim, passages, top_k=len(passages), min_relevance=0.0, similarities=sentences
        )
        position = {r.text: n for n, r in enumerate(ranked_sentences)}
        orders["combined, sentences only"].append(
            sorted(range(len(idx)), key=lambda j: position.get(passages[j], len(idx)))
        )
    n_random = sum(sum(1 / (r + 1) for r in range(len(by_claim[c]))) / len(by_claim[c]) for c in claims) / len(claims)
    print(f"\nranking: {len(claims)} claims with a support/refute passage among their passages; "
          f"MRR of the first such passage (random order expects about {n_random:.3f}):")  # fmt: skip
    for name, order in orders.items():
        print(f"  {name:<14} MRR {mrr(order, relevant):.3f}")


# --- seeds -----------------------------------------------------------------------------------------------


def bench_seeds() -> None:
    from django.core.management import call_command

    from claims.models import Article, Claim
    from claims.selectors import claim_contradictions
    from claims.services import article_extract
    from sources.models import Evidence, Lead
    from sources.services import claims_fetch_sources

    call_command("migrate", verbosity=0)
    call_command("load_seeds", verbosity=0, stdout=open(os.devnull, "w"))
    for article in Article.objects.order_by("pk"):
        if not article.mentions.exists():
            article_extract(article_id=article.pk)
    ids = list(Claim.objects.order_by("pk").values_list("pk", flat=True))
    claims_fetch_sources(claim_ids=ids, fetchers=["internal", "cited"], force=True)
    articles = {a.pk: a for a in Article.objects.all()}
    seed_of = {pk: (a.title[:40] + "…") for pk, a in articles.items()}
    print(f"\nseeds: {len(ids)} claims; evidence cards {Evidence.objects.count()}, to-dos {Lead.objects.count()}")
    circular = supports_across = 0
    for claim in Claim.objects.order_by("pk").prefetch_related("mentions"):
        own = {m.article_id for m in claim.mentions.all()}
        cards = Evidence.objects.filter(claim=claim).select_related("source").order_by("-relevance")
        leads = Lead.objects.filter(claim=claim)
        if not cards and not leads:
            continue
        print(f"  claim {claim.pk} [{', '.join(seed_of[a] for a in sorted(own))}]: {claim.text}")
        for card in cards:
            from_article = (card.source.metadata or {}).get("article_id")
            if from_article in own:
                circular += 1
            if card.stance == "supports" and from_article is not None and from_article not in own:
                supports_across += 1
            print(f"    {card.stance.upper():<8} rel {card.relevance:.2f} {card.fetcher:<8} {card.source.title[:50]!r}")
            print(f"      passage: {card.passage[:200]}")
            print(f"      reason:  {card.stance_reason}")
        for lead in leads:
            print(f"    TO DO    {lead.todo}")
    print("  possible contradictions:")
    seen, ukraine = set(), False
    for claim in Claim.objects.order_by("pk"):
        for row in claim_contradictions(claim=claim):
            key = tuple(sorted((claim.pk, row["other"].pk)))
            if key in seen:
                continue
            seen.add(key)
            print(f"    {key[0]} ~ {key[1]} ({row['conflict']}, similarity {row['pair'].score:.2f}): "
                  f"{claim.text[:90]!r} / {row['other'].text[:90]!r}")  # fmt: skip
            texts = (claim.text + " " + row["other"].text).lower()
            ukraine = ukraine or ("yet to" in texts and "cut ties" in texts)
    if not seen:
        print("    none")
    from contradictions import report_corpus
    from django.conf import settings

    claims = list(Claim.objects.order_by("pk"))
    by_rule = report_corpus(
        [str(c.pk) for c in claims], [c.text for c in claims], suggest=settings.FACTCHECK_MATCH_SUGGEST
    )
    ukraine_by_rule = any(
        "yet to" in (claims[p.first].text + " " + claims[p.second].text).lower()
        and "cut ties" in (claims[p.first].text + " " + claims[p.second].text).lower()
        for p in by_rule["after (contradiction rule)"]
    )
    print(
        f"  Ukraine pair flagged by the contradiction rule: {'PASS' if ukraine_by_rule else 'FAIL'} "
        "(stored as such once claims.services.claim_match calls the rule)"
    )
    print(
        f"  targets: Ukraine pair flagged as a possible contradiction: {'PASS' if ukraine else 'FAIL'}; "
        f"cards drawn from the claim's own article: {circular} ({'PASS' if circular == 0 else 'FAIL'}); "
        f"'supports' from the other seed: {supports_across} ({'PASS' if supports_across else 'FAIL'})"
    )


# --- speed -----------------------------------------------------------------------------------------------


def bench_speed(eval_dir: Path, n_claims: int = 30) -> None:
    import torch

    from sources.evidence.stance import suggest_stances
    from sources.evidence.train_stance import load

    torch.set_num_threads(1)
    data = load(eval_dir)
    by_claim: dict[str, list[str]] = {}
    for d in data:
        by_claim.setdefault(d.claim, []).append(d.passage)
    claims = list(by_claim.items())[:n_claims]
    suggest_stances(claims[0][0], claims[0][1])  # load the model outside the timing
    started = time.perf_counter()
    for claim, passages in claims:
        suggest_stances(claim, passages)
    elapsed = time.perf_counter() - started
    per_passage = sum(len(p) for _, p in claims)
    print(f"\nspeed: {elapsed / len(claims):.3f} s per claim ({per_passage / len(claims):.1f} passages each), one core; "
          f"{len(claims)} claims")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default="stance,ranking,seeds,contradictions,speed")
    parser.add_argument("--eval-dir", type=Path, default=None)
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-evidence-") as var_dir:
        setup_django(var_dir)
        from sources.evidence.train_stance import DEFAULT_EVAL

        eval_dir = args.eval_dir or DEFAULT_EVAL
        cache: dict = {}
        if "stance" in parts:
            bench_stance(eval_dir, cache)
        if "ranking" in parts:
            bench_ranking(eval_dir, cache)
        if "seeds" in parts:
            bench_seeds()
        if "contradictions" in parts:
            from contradictions import bench_corrections
            from django.conf import settings

            bench_corrections(eval_dir, suggest=settings.FACTCHECK_MATCH_SUGGEST)
        if "speed" in parts:
            bench_speed(eval_dir)


if __name__ == "__main__":
    main()
