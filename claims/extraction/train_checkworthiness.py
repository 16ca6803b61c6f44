"""Fit the check-worthiness ranking (data/checkworthiness_model.json) on CLEF-2018, and say how it does held out.

    .venv/bin/python -m claims.extraction.train_checkworthiness [--eval-dir ../shared/eval] [--write]

Data (../shared/eval/clef2018_checkworthiness, see its README): the first 300 lines of the first 2016
presidential debate, fully labelled (14 positives), and every positive sentence of the three debates (94).
The other two debates have no labelled negatives in our copy, so a leave-one-debate-out split cannot be
evaluated; the held-out evaluation is instead:
- the 300 labelled lines are cut into FOLDS contiguous blocks (a block is a stretch of the debate, so
  neighbouring lines on the same topic never sit on both sides of the split);
- for each block, a model is fitted on the other blocks plus the positives of the other two debates and of
  the first debate beyond line 300 (minus any sentence that shares a claim number with a positive of the
  held-out block: the same claim must not be learnt and tested), and scores the held-out block;
- P@10, P@20 and AP are computed over the 300 out-of-fold scores, beside the length baseline on the same lines.
The shipped model is then fitted on everything. Training uses scikit-learn (installed with
sentence-transformers); scoring (checkworthiness.ranking_score) is plain Python.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

from . import checkworthiness

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVAL = Path(os.environ.get("FACTCHECK_EVAL_DIR", ROOT.parent / "shared" / "eval"))
FOLDS = 5
C = 0.3  # L2 strength: strong, as there are ~100 positives for 20 features
_TOKEN = re.compile(r"\w+")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load(eval_dir: Path) -> tuple[list[dict], list[dict]]:
    folder = eval_dir / "clef2018_checkworthiness"
    lines = read_jsonl(folder / "clef2018_debate1_lines1-300.jsonl")
    positives = read_jsonl(folder / "clef2018_normalized_claims_all3debates.jsonl")
    labelled = {(r["debate"], r["line_number"]) for r in lines}
    extra = [r for r in positives if (r["debate"], r["line_number"]) not in labelled]
    return lines, extra


def feature_rows(rows: list[dict]) -> list[list[float]]:
    from .pipeline import load_nlp

    return [checkworthiness.features(list(doc)) for doc in load_nlp().pipe(r["text"] for r in rows)]


def fit(x, y) -> dict:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=int)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit((x - mean) / scale, y)
    return {
        "features": list(checkworthiness.FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
    }


def predict(model: dict, row: list[float]) -> float:
    import math

    x = model["intercept"] + sum(w * (v - m) / s for v, m, s, w in zip(row, model["mean"], model["scale"], model["weights"]))
    return 1.0 / (1.0 + math.exp(-x))


def precision_at(ranked: list[int], k: int) -> float:
    return sum(ranked[:k]) / k


def average_precision(ranked: list[int]) -> float:
    hits, total = 0, 0.0
    for i, label in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / i
    return total / hits if hits else 0.0


def ranked_labels(keys: list[float], labels: list[int]) -> list[int]:
    order = sorted(range(len(labels)), key=lambda i: (-keys[i], i))
    return [labels[i] for i in order]


def held_out(eval_dir: Path = DEFAULT_EVAL) -> dict:
    """Out-of-fold scores of the 300 labelled lines, with the split described, and the figures beside the baselines."""
    lines, extra = load(eval_dir)
    x_lines, x_extra = feature_rows(lines), feature_rows(extra)
    labels = [int(r["check_worthy"]) for r in lines]
    size = -(-len(lines) // FOLDS)
    out_of_fold = [0.0] * len(lines)
    blocks = []
    for k in range(FOLDS):
        test = list(range(k * size, min(len(lines), (k + 1) * size)))
        test_set = set(test)
        held_claims = {(lines[i]["debate"], lines[i]["claim_number"]) for i in test if lines[i]["claim_number"] is not None}
        train_x = [x_lines[i] for i in range(len(lines)) if i not in test_set]
        train_y = [labels[i] for i in range(len(lines)) if i not in test_set]
        for row, features in zip(extra, x_extra):
            if (row["debate"], row["claim_number"]) not in held_claims:
                train_x.append(features)
                train_y.append(1)
        model = fit(train_x, train_y)
        for i in test:
            out_of_fold[i] = predict(model, x_lines[i])
        blocks.append((lines[test[0]]["line_number"], lines[test[-1]]["line_number"], sum(labels[i] for i in test)))
    lengths = [float(len(_TOKEN.findall(r["text"]))) for r in lines]
    hand = [row[checkworthiness.FEATURES.index("hand_score")] for row in x_lines]
    figures = {}
    for name, keys in (("learned ranking (out-of-fold)", out_of_fold), ("hand-set score", hand), ("baseline: sentence length", lengths)):
        ranked = ranked_labels(keys, labels)
        figures[name] = (precision_at(ranked, 10), precision_at(ranked, 20), average_precision(ranked))
    return {"blocks": blocks, "figures": figures, "n": len(lines), "positives": sum(labels), "extra_positives": len(extra)}


def fit_all(eval_dir: Path = DEFAULT_EVAL) -> dict:
    lines, extra = load(eval_dir)
    x = feature_rows(lines) + feature_rows(extra)
    y = [int(r["check_worthy"]) for r in lines] + [1] * len(extra)
    model = fit(x, y)
    model["trained_on"] = (f"CLEF-2018 CheckThat! task 1: debate 1 lines 1-300 ({len(lines)} lines, {sum(y[:len(lines)])} positive) "
                           f"+ {len(extra)} positive sentences of the three debates; C={C}, balanced classes")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--write", action="store_true", help=f"write the model fitted on everything to {checkworthiness.MODEL_FILE}")
    args = parser.parse_args()
    report = held_out(args.eval_dir)
    print(f"{report['n']} labelled lines ({report['positives']} positive) in {FOLDS} contiguous blocks "
          f"{report['blocks']}; + {report['extra_positives']} positives from elsewhere for training")
    for name, (p10, p20, ap) in report["figures"].items():
        print(f"  {name:32s} P@10 {p10:.2f}   P@20 {p20:.2f}   AP {ap:.3f}")
    if args.write:
        model = fit_all(args.eval_dir)
        checkworthiness.MODEL_FILE.write_text("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in model.items()) + "\n}\n", encoding="utf-8")
        print(f"wrote {checkworthiness.MODEL_FILE}")


if __name__ == "__main__":
    main()
