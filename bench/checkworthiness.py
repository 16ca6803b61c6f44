"""Check-worthiness, one command:

    .venv/bin/python bench/checkworthiness.py [--only cv|seeds|pipeline] [--fold 0]

Prints, for the issue notes:
1. ClaimBuster train (../shared/eval/claimbuster), 5-fold stratified cross-validation of every candidate model
   (claims/extraction/train_checkworthiness.py), ROC-AUC and AP beside ranking by sentence length and by the
   hand-set score; the chosen model's calibrated out-of-fold figures; CLEF-2018 (debate 1, lines 1-300) AP with
   each contiguous block held out, beside length;
2. the seed articles: each article's claims ranked by check-worthiness, with score, band and the signals behind it;
3. what the pipeline stores, on one held-out ClaimBuster fold: every sentence of the fold is extracted on its own
   (the whole pipeline: claim policy, decomposition, ...); a sentence scores the highest check-worthiness of its
   claims, as given by a model fitted WITHOUT that fold, and 0 when it yields no claim. ROC-AUC and AP of that,
   and the share of sentences yielding no claim by label;
4. whether more weight on sentence length (CLEF's obvious baseline) would pay, judged on held-out training data
   only: ClaimBuster AP, and fact-checked CLEF sentences from outside the 300 test lines among debate sentences.
Extraction throughput with the model on: bench/extraction_quality.py --only throughput.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.test")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np

from bench.extraction_quality import section, seed_extractions
from claims import bands
from claims.extraction import checkworthiness, extract
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


def bench_pipeline(data, features, fold: int, limit: int | None) -> None:
    section(f"3. What the pipeline stores: ClaimBuster fold {fold} held out, each sentence extracted on its own")
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
    model = checkworthiness.Model.from_dict(train.weights(best, fitted, platt, embedding[train_rows]))
    if limit:
        test_rows = test_rows[:limit]
    stored, sentence_only, yields = [], [], []
    for i in test_rows:
        text = data["claimbuster"][i]["text"]
        claims = extract(text, language="en").claims
        yields.append(bool(claims))
        stored.append(max((model.probability(c.features, c.embedding) for c in claims), default=0.0))
        sentence_only.append(model.probability(general[i], embedding[i]))
    labels = y[test_rows]
    stored, yields = np.array(stored), np.array(yields)
    print(f"{len(labels)} sentences ({int(labels.sum())} check-worthy); model fitted on the other folds + CLEF")
    print(
        f"  pipeline's stored score (0 if no claim): ROC-AUC {train.roc_auc(labels, stored):.3f}  "
        f"AP {train.average_precision(labels, stored):.3f}"
    )
    print(
        f"  the model on the whole sentence:          ROC-AUC {train.roc_auc(labels, sentence_only):.3f}  "
        f"AP {train.average_precision(labels, sentence_only):.3f}"
    )
    if len(set(labels[yields])) == 2:
        print(
            f"  only the {int(yields.sum())} sentences that yield a claim:  ROC-AUC "
            f"{train.roc_auc(labels[yields], stored[yields]):.3f}  AP {train.average_precision(labels[yields], stored[yields]):.3f}"
        )
    print(
        f"  sentences yielding no claim: check-worthy {1 - yields[labels == 1].mean():.1%}, "
        f"others {1 - yields[labels == 0].mean():.1%}"
    )
    not_worthy = stored < bands.NOT_CHECKWORTHY
    print(
        f"  below the 'not check-worthy' threshold ({bands.NOT_CHECKWORTHY}) or no claim: check-worthy "
        f"{not_worthy[labels == 1].mean():.1%}, others {not_worthy[labels == 0].mean():.1%}"
    )


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
    parser.add_argument("--fold", type=int, default=0, help="the ClaimBuster fold held out in section 3")
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
            bench_pipeline(data, features, args.fold, args.limit)


if __name__ == "__main__":
    main()
