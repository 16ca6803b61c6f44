"""Check-worthiness, one command:

    .venv/bin/python bench/checkworthiness.py [--only cv|seeds|pipeline|length] [--fold 0|all] [--limit N]

Prints, for the issue notes:
1. ClaimBuster train (../shared/eval/claimbuster), 5-fold stratified cross-validation of every candidate model
   (claims/extraction/train_checkworthiness.py), ROC-AUC and AP beside ranking by sentence length and by the
   hand-set score; the chosen model's calibrated out-of-fold figures; CLEF-2018 (debate 1, lines 1-300) AP with
   each contiguous block held out, beside length;
2. the seed articles: each article's claims ranked by check-worthiness, with score, band and the signals behind it;
3. what the pipeline stores, on held-out ClaimBuster folds (--fold N, or --fold all): every sentence of a fold is
   extracted on its own (the whole pipeline: claim policy, decomposition, ...) with every score, the gate's
   (rule checkworthy_sentence, claims/extraction/gate.py) and the claims', given by a model fitted WITHOUT that fold;
   a sentence scores the highest check-worthiness of its claims, 0 when it yields no claim. ROC-AUC and AP of
   that, and the share of sentences yielding a claim by label, with the gate off, at gate.KEEP, and as shipped (also
   rules checkworthy_unresolved_opener and checkworthy_refused at their own lines); with --fold all, how
   each line is chosen (out of fold only) and what a second rule dropping low-scoring sentences would do;
4. whether more weight on sentence length (CLEF's obvious baseline) would pay, judged on held-out training data
   only: ClaimBuster AP, and fact-checked CLEF sentences from outside the 300 test lines among debate sentences.
Extraction throughput with the model on: bench/extraction_quality.py --only throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.test")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np

from bench.extraction_quality import section, seed_extractions
from claims import bands
from claims.extraction import checkworthiness, extract, gate
from claims.extraction import train_checkworthiness as train


def bench_cv(data, features) -> None:
    section("1. Held-out ranking quality: ClaimBuster 5-fold CV, CLEF-2018 blocks")
    cv = train.cross_validate(data, features)
    y = np.array([r["label"] for r in data["claimbuster"]])
    print(
        f"ClaimBuster train: {len(y)} sentences, {int(y.sum())} check-worthy; mean of the {train.FOLDS} held-out folds"
    )
    for name, f in cv.items():
        print(f"  {name:46s} ROC-AUC {f['roc_auc']:.3f}  AP {f['ap']:.3f}")
    best = next(c for c in train.CANDIDATES if cv.get(c.name, {}).get("chosen"))
    f = cv[best.name]
    print(
        f"  chosen: {best.name}; calibrated out of fold (pooled): ROC-AUC {f['pooled_roc_auc']:.3f}  "
        f"AP {f['pooled_ap']:.3f}  Brier {f['brier']:.3f}  expected calibration error {f['calibration_error']:.3f}"
    )
    for name, t in train.thresholds(y, f["oof"]).items():
        print(
            f"  band {name} {t['threshold']}: check-worthy sentences at or above it {t['recall']:.1%}, "
            f"precision there {t['precision']:.1%}, share of all sentences there {t['share_above']:.1%}"
        )
    clef = train.clef_held_out(data, features, best)
    print(
        f"CLEF-2018 debate 1 lines 1-300 ({clef['positives']} check-worthy), {train.FOLDS} contiguous blocks held out:"
    )
    for name in ("model", "baseline: sentence length", "baseline: hand-set score"):
        print(f"  {name:28s} AP {clef[name]['ap']:.3f}  ROC-AUC {clef[name]['roc_auc']:.3f}")
    gap = clef["model minus length, AP"]
    print(
        f"  AP of the model minus AP of length: {gap['gap']:+.3f} (90% bootstrap interval {gap['low']:+.3f} to {gap['high']:+.3f})"
    )


def bench_seeds() -> None:
    section("2. Seed articles: claims in ranked order (score, band, strongest signals)")
    for entry, result in seed_extractions():
        ranked = sorted(result.claims, key=lambda c: -c.checkworthiness)
        counts = {band.key: sum(bands.band_of(c.checkworthiness) == band for c in ranked) for band in bands.BANDS}
        print(f"\n{entry['file']}  ({len(ranked)} claims; by band {counts})")
        for rank, claim in enumerate(ranked, start=1):
            why = "; ".join(f"{'+' if push > 0 else '-'}{words}" for words, push in claim.signals)
            print(
                f"  {rank:2d}. [{claim.checkworthiness:.2f} {bands.band_of(claim.checkworthiness).key:6s}] {claim.text}"
            )
            print(f"             {why}")


def fold_model(data, features, fold: int):
    """The chosen candidate fitted and calibrated without ClaimBuster fold `fold` (CLEF rows in training), and that
    fold's row numbers."""
    from sklearn.model_selection import StratifiedKFold

    general, embedding = features["claimbuster"]
    y = np.array([r["label"] for r in data["claimbuster"]])
    train_rows, test_rows = list(StratifiedKFold(train.FOLDS, shuffle=True, random_state=train.SEED).split(general, y))[
        fold
    ]
    best = next(c for c in train.CANDIDATES if c.name == checkworthiness.model_name())
    fitted, platt = train.calibrated_fit(
        best, general[train_rows], embedding[train_rows], y[train_rows], extra=train.clef_training_rows(data, features)
    )
    return checkworthiness.Model.from_dict(train.weights(best, fitted, platt, embedding[train_rows])), test_rows


def fold_sentences(data, features, fold: int, limit: int | None) -> list[dict]:
    """Each sentence of the held-out fold extracted on its own, every score given by the model fitted without the
    fold (checkworthiness.using: the gate and the ranking alike). The gate's threshold is set to 0 for the run, so
    each sentence tells what the rules stored (`rules`: the highest score of their claims, None when they stored
    none) and what the gate would add to a sentence they left (`gated`: its candidate's score, None when the
    sentence is no candidate). The rule adds claims only to sentences the rules left, and a candidate's score does
    not depend on the threshold, so the pipeline with the gate at any threshold T stores exactly: `rules`, else
    `gated` when it is at least T."""
    general, embedding = features["claimbuster"]
    model, test_rows = fold_model(data, features, fold)
    if limit:
        test_rows = test_rows[:limit]
    out = []
    with checkworthiness.using(model), _keep_every_candidate():
        for i in test_rows:
            row = data["claimbuster"][i]
            claims = extract(row["text"], language="en").claims
            by_rules = [
                model.probability(c.features, c.embedding) for c in claims if not isinstance(c, gate.GatedSentence)
            ]
            by_gate: dict[str, list[float]] = {}
            for c in claims:
                if isinstance(c, gate.GatedSentence):
                    by_gate.setdefault(c.kind, []).append(model.probability(c.features, c.embedding))
            out.append(
                {
                    "fold": fold,
                    "label": row["label"],
                    "rules": max(by_rules, default=None),
                    "gated": {kind: max(scores) for kind, scores in by_gate.items()},
                    "sentence": model.probability(general[i], embedding[i]),
                }
            )
    return out


@contextmanager
def _keep_every_candidate():
    kept = gate.KEEP, gate.KEEP_UNRESOLVED, gate.KEEP_REFUSED
    gate.KEEP = gate.KEEP_UNRESOLVED = gate.KEEP_REFUSED = 0.0
    try:
        yield
    finally:
        gate.KEEP, gate.KEEP_UNRESOLVED, gate.KEEP_REFUSED = kept


def stored(rows: list[dict], keep: dict[str, float] | None) -> tuple[np.ndarray, np.ndarray]:
    """(score stored per sentence, 0 when no claim; whether it yields a claim) with the gate's line for each kind of
    candidate in `keep` (kind -> line; a kind left out, or `keep` None, is a rule switched off)."""
    score, yields = [], []
    for r in rows:
        passed = [v for kind, v in r["gated"].items() if keep and kind in keep and v >= keep[kind]]
        if r["rules"] is not None:
            score.append(r["rules"])
            yields.append(True)
        elif passed:
            score.append(max(passed))
            yields.append(True)
        else:
            score.append(0.0)
            yields.append(False)
    return np.array(score), np.array(yields)


def yield_gap(rows: list[dict], keep: dict[str, float] | None) -> float:
    """Share of check-worthy sentences yielding a claim minus share of the others (Youden's J on the yield)."""
    labels = np.array([r["label"] for r in rows])
    _, yields = stored(rows, keep)
    return float(yields[labels == 1].mean() - yields[labels == 0].mean())


GRID = [round(t, 2) for t in np.arange(0.05, 0.951, 0.05)]
SHIPPED = gate.lines()
STRICTER = {"unresolved": ("KEEP_UNRESOLVED", gate.UNRESOLVED_RULE), "refused": ("KEEP_REFUSED", gate.REFUSED_RULE)}


def choose_keep(rows: list[dict]) -> float:
    """gate.KEEP as it is chosen: the candidate threshold (0.05 to 0.95 by 0.05) with the largest yield gap (the
    stricter kinds off)."""
    return max(GRID, key=lambda t: (yield_gap(rows, {"plain": t}), t))


def choose_stricter(rows: list[dict], kind: str) -> float:
    """A stricter kind's line as it is chosen, with the others as shipped: the threshold, not below KEEP (such a
    candidate costs an editor more, so it needs the model surer, never less sure), with the largest yield gap."""
    return max((t for t in GRID if t >= SHIPPED["plain"]), key=lambda t: (yield_gap(rows, SHIPPED | {kind: t}), t))


def print_pipeline(rows: list[dict], keep: dict[str, float] | None, title: str) -> None:
    labels = np.array([r["label"] for r in rows])
    score, yields = stored(rows, keep)
    print(
        f"  {title}: ROC-AUC {train.roc_auc(labels, score):.3f}  AP {train.average_precision(labels, score):.3f};  "
        f"yielding a claim: check-worthy {yields[labels == 1].mean():.1%} [target >= 85%], "
        f"others {yields[labels == 0].mean():.1%} [target <= 35%]"
    )
    not_worthy = score < bands.NOT_CHECKWORTHY
    print(
        f"      below the 'not check-worthy' threshold ({bands.NOT_CHECKWORTHY}) or no claim: check-worthy "
        f"{not_worthy[labels == 1].mean():.1%}, others {not_worthy[labels == 0].mean():.1%}"
    )


def bench_pipeline(data, features, folds: list[int], limit: int | None) -> None:
    section(
        f"3. What the pipeline stores: ClaimBuster fold(s) {', '.join(map(str, folds))} held out, each sentence "
        "extracted on its own"
    )
    rows = [r for fold in folds for r in fold_sentences(data, features, fold, limit)]
    saved = train.CACHE / "pipeline_sentences.json"
    saved.write_text(json.dumps(rows), encoding="utf-8")  # for a closer look; never read back by this bench
    labels = np.array([r["label"] for r in rows])
    sentence_only = np.array([r["sentence"] for r in rows])
    print(
        f"{len(labels)} sentences ({int(labels.sum())} check-worthy); each fold scored by a model fitted on the other "
        f"folds + CLEF, in the pipeline too (the gate's and the claims' scores)"
    )
    print_pipeline(rows, None, f"stored score (0 if no claim), rule {gate.RULE} off")
    print_pipeline(rows, {"plain": gate.KEEP}, f"stored score (0 if no claim), rule {gate.RULE} on at KEEP {gate.KEEP}")
    print_pipeline(
        rows,
        SHIPPED,
        "stored score (0 if no claim), as shipped: "
        + ", ".join(f"{name} {SHIPPED[kind]}" for kind, (name, _) in {"plain": ("KEEP", ""), **STRICTER}.items()),
    )
    print(
        f"  the model on the whole sentence:          ROC-AUC {train.roc_auc(labels, sentence_only):.3f}  "
        f"AP {train.average_precision(labels, sentence_only):.3f}"
    )
    score, yields = stored(rows, SHIPPED)
    if len(set(labels[yields])) == 2:
        print(
            f"  only the {int(yields.sum())} sentences that yield a claim (rule on):  ROC-AUC "
            f"{train.roc_auc(labels[yields], score[yields]):.3f}  AP {train.average_precision(labels[yields], score[yields]):.3f}"
        )
    if len(folds) == train.FOLDS:
        bench_gate_threshold(rows)


def print_choice(rows: list[dict], name: str, shipped: float, choose, lines_at) -> None:
    """One line of the gate at a few values, the one `choose` picks on all folds pooled, and the one it picks on four
    folds applied to the fifth. `lines_at(t)`: the gate's lines with this one at t (None: its rule off)."""
    for t in (None, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        print_pipeline(rows, lines_at(t), f"{name} {t}" if t is not None else "rule off")
    print(f"  chosen on all folds pooled: {name} {choose(rows)}  (shipped: {shipped})")
    for fold in range(train.FOLDS):
        t = choose([r for r in rows if r["fold"] != fold])
        mine = [r for r in rows if r["fold"] == fold]
        worthy = np.array([r["label"] == 1 for r in mine])
        print(
            f"  fold {fold}: {name} chosen on the other four {t}; on this fold the yield gap rises by "
            f"{yield_gap(mine, lines_at(t)) - yield_gap(mine, lines_at(None)):+.3f}, check-worthy yielding "
            f"{stored(mine, lines_at(None))[1][worthy].mean():.1%} -> {stored(mine, lines_at(t))[1][worthy].mean():.1%}"
        )


def bench_gate_threshold(rows: list[dict]) -> None:
    """How gate.KEEP and the stricter lines are chosen, out of fold only: on every fold's sentences pooled (each
    scored by a model that never saw it), and, to show the choice holds, picked on four folds and applied to the
    fifth."""
    print(f"\n  {gate.RULE}: choosing KEEP by the yield gap (check-worthy yielding minus others yielding)")
    print_choice(rows, "KEEP", gate.KEEP, choose_keep, lambda t: {"plain": t} if t is not None else None)
    for kind, (name, rule) in STRICTER.items():
        print(f"\n  {rule}: choosing {name} the same way, not below KEEP, the other lines as shipped")
        off = {k: v for k, v in SHIPPED.items() if k != kind}
        print_choice(
            rows,
            name,
            SHIPPED[kind],
            lambda rows, kind=kind: choose_stricter(rows, kind),
            lambda t, off=off, kind=kind: off | {kind: t} if t is not None else off,
        )
    print("\n  and a second rule, not built: the rules' claims of a sentence the model scores below DROP not stored")
    for drop in (0.02, 0.05, 0.1, 0.15):
        dropped = [r | {"rules": None} if r["rules"] is not None and r["sentence"] < drop else r for r in rows]
        print_pipeline(dropped, SHIPPED, f"as shipped, DROP {drop}")


def bench_length_weight(data, features) -> None:
    section("4. Would more weight on length help? Chosen by held-out training data, never by the CLEF lines")
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    general, embedding = features["claimbuster"]
    y = np.array([r["label"] for r in data["claimbuster"]])
    checked, (g_checked, e_checked) = data["clef_extra"], features["clef_extra"]
    claim_groups = [f"{r['debate']}#{r['claim_number']}" for r in checked]
    best = next(c for c in train.CANDIDATES if c.name == checkworthiness.model_name())
    length = checkworthiness.FEATURES.index("log_length")
    weights = (0.0, 0.25, 0.5, 1.0)
    figures = {w: [] for w in weights}
    folds = zip(
        StratifiedKFold(train.FOLDS, shuffle=True, random_state=train.SEED).split(general, y),
        GroupKFold(train.FOLDS).split(g_checked, groups=claim_groups),
    )
    for (cb_train, cb_test), (checked_train, checked_test) in folds:
        fitted = best.fit(
            np.vstack([general[cb_train], g_checked[checked_train]]),
            np.vstack([embedding[cb_train], e_checked[checked_train]]),
            np.concatenate([y[cb_train], np.ones(len(checked_train))]),
        )
        _, mean, scale = fitted
        z_cb = best.decision(fitted, general[cb_test], embedding[cb_test])
        z_checked = best.decision(fitted, g_checked[checked_test], e_checked[checked_test])
        s_cb = (general[cb_test][:, length] - mean[length]) / scale[length]
        s_checked = (g_checked[checked_test][:, length] - mean[length]) / scale[length]
        was_checked = np.concatenate([np.ones(len(checked_test)), np.zeros(len(cb_test))])
        for w in weights:
            figures[w].append(
                (
                    train.average_precision(y[cb_test], z_cb + w * s_cb),
                    train.average_precision(was_checked, np.concatenate([z_checked + w * s_checked, z_cb + w * s_cb])),
                )
            )
    print(
        f"{best.name}, plus w x standardised log length; 5 folds: ClaimBuster's held-out fold (check-worthy or not),\n"
        f"and 'was it fact-checked': CLEF positives outside lines 1-300 (held out by claim) among that fold's sentences"
    )
    for w, rows in figures.items():
        cb, was = np.mean(rows, axis=0)
        print(f"  w {w:4.2f}: ClaimBuster AP {cb:.4f}   fact-checked vs debate sentences AP {was:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["cv", "seeds", "pipeline", "length"], default=None)
    parser.add_argument("--eval-dir", type=Path, default=train.DEFAULT_EVAL)
    parser.add_argument(
        "--fold",
        default="0",
        help="the ClaimBuster fold held out in section 3, or 'all' (also how gate.KEEP is chosen)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences of that fold")
    args = parser.parse_args()
    if args.only in (None, "seeds"):
        bench_seeds()
    if args.only in (None, "cv", "pipeline", "length"):
        data = train.load(args.eval_dir)
        features = train.cached_features(args.eval_dir, data)
        if args.only in (None, "cv"):
            bench_cv(data, features)
        if args.only in (None, "length"):
            bench_length_weight(data, features)
        if args.only in (None, "pipeline"):
            folds = list(range(train.FOLDS)) if args.fold == "all" else [int(args.fold)]
            bench_pipeline(data, features, folds, args.limit)


if __name__ == "__main__":
    main()
