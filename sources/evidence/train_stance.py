"""Fit the stance model (data/stance_model.json) on Factcheck-GPT's human stance labels, and say how it does
on documents it has not seen.

    .venv/bin/python -m sources.evidence.train_stance [--eval-dir ../shared/eval] [--write]

Data (../shared/eval/factcheck_gpt/claims.jsonl, see its README): claims of 38 documents, each with five
retrieved passages labelled completely-support / partially-support / refute / irrelevant by people
(a passage without a label is left out). Labels are folded to three classes: support, refute, irrelevant.

The honest figure is document-grouped cross-validation (GroupKFold by doc_id, FOLDS folds): claims of one
document share topic and passages, so a split by pair would learn the test document. The relevance threshold
(see `choose_threshold`) is chosen inside each training fold only, by a grouped CV of its own. The shipped
model is then fitted on every pair, its threshold chosen the same way on every pair, and written with the
data's SHA-256 and the grouped-CV figures. Training uses scikit-learn (installed with sentence-transformers);
scoring (stance.suggest_stance) is plain Python over the stored weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import signals
from .stance import build_pairs

ROOT = Path(__file__).resolve().parents[2]
# The shared evaluation folder sits beside the checkout (or beside its worktrees' folder).
DEFAULT_EVAL = Path(
    os.environ.get("FACTCHECK_EVAL_DIR")
    or next((p / "shared" / "eval" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "eval").is_dir()),
            ROOT.parent / "shared" / "eval")
)  # fmt: skip
MODEL_FILE = Path(__file__).with_name("data") / "stance_model.json"
CLASSES = ("support", "refute", "irrelevant")
LABELS = {
    "completely-support": "support",
    "partially-support": "support",
    "refute": "refute",
    "irrelevant": "irrelevant",
}
FOLDS = 5
# Regularisation barely matters here (grouped CV macro-F1 0.544-0.550 for C from 0.05 to 2); 0.1 sits in the
# flat middle.
C = 0.1
THRESHOLDS = [round(0.2 + 0.02 * i, 2) for i in range(31)]  # candidate relevance thresholds, 0.20-0.80


@dataclass(frozen=True)
class LabelledPair:
    doc_id: str
    claim: str
    passage: str
    label: str  # one of CLASSES


def load(eval_dir: Path = DEFAULT_EVAL) -> list[LabelledPair]:
    path = eval_dir / "factcheck_gpt" / "claims.jsonl"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for evidence in row.get("evidence") or []:
            label = LABELS.get(evidence.get("stance") or "")
            if label and (evidence.get("text") or "").strip():
                pairs.append(LabelledPair(row["doc_id"], row["claim"], evidence["text"], label))
    return pairs


def data_sha256(eval_dir: Path = DEFAULT_EVAL) -> str:
    """The labelled file's digest, stored with the model so that a model is traced to the data it was fitted on."""
    return hashlib.sha256((eval_dir / "factcheck_gpt" / "claims.jsonl").read_bytes()).hexdigest()


class EmbeddingCache:
    """Embeddings of texts seen before, kept in a file between runs (the labelled set takes minutes to embed
    on a busy machine; the vectors depend only on the text and the model)."""

    def __init__(self, path: Path | None = None):
        import numpy as np

        self.path, self.vectors = path, {}
        if path is not None and path.is_file():
            with np.load(path, allow_pickle=False) as stored:
                if str(stored["model"]) == self._model_name():
                    self.vectors = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=True))

    @staticmethod
    def _model_name() -> str:
        from claims.matching.embeddings import model_name

        return model_name()

    def __call__(self, texts: list[str]):
        import numpy as np

        from claims.matching.embeddings import embed_texts

        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, embed_texts(missing), strict=True))
        return np.stack([self.vectors[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)

    def warm(self, pairs: Iterable[tuple[str, str]]) -> None:
        from .passages import passage_sentences

        texts: list[str] = []
        for claim, passage in pairs:
            texts += [claim, passage, *passage_sentences(passage)]
        self(texts)
        self.save()

    def save(self) -> None:
        import numpy as np

        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self.vectors)
        np.savez(self.path, model=self._model_name(), texts=np.array(texts, dtype=str),
                 vectors=np.stack([self.vectors[t] for t in texts]))  # fmt: skip


def labelled_pairs(data: list[LabelledPair], *, cache: Path | None = None) -> list[signals.Pair]:
    """Signals for every labelled pair, embedded in one pass (through the cache file when given)."""
    embedder = EmbeddingCache(cache)
    embedder.warm((d.claim, d.passage) for d in data)
    return build_pairs(((d.claim, d.passage) for d in data), embedder=embedder)


def matrix(pairs: list[signals.Pair], *, disabled: Iterable[str] = ()) -> list[list[float]]:
    return [signals.features(p, disabled=disabled) for p in pairs]


def fit(x, y, *, c: float = C) -> dict:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(x, dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    model.fit((x - mean) / scale, list(y))
    order = [list(model.classes_).index(k) for k in CLASSES]
    return {
        "features": list(signals.SIGNAL_NAMES),
        "classes": list(CLASSES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [[round(float(v), 6) for v in model.coef_[i]] for i in order],
        "bias": [round(float(model.intercept_[i]), 6) for i in order],
        "relevant_threshold": 0.5,
    }


def _out_of_fold_relevance(x, y, groups, *, folds: int, c: float) -> list[float]:
    """Each pair's relevance probability from a model fitted without its document."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from .stance import relevance

    x, y, groups = np.asarray(x, dtype=float), np.asarray(y), np.asarray(groups)
    out = [0.0] * len(y)
    for train, test in GroupKFold(n_splits=min(folds, len(set(groups.tolist())))).split(x, y, groups):
        model = fit(x[train], y[train], c=c)
        for i in test:
            out[i] = relevance(list(x[i]), model)
    return out


def choose_threshold(x, y, groups, *, folds: int = FOLDS - 1, c: float = C) -> float:
    """The relevance threshold that gives the best macro-F1 on out-of-fold predictions of these pairs alone.

    The balanced class weights make the model call most passages relevant; people call two in three
    irrelevant. The threshold is chosen from document-grouped predictions, so it is the one that works on
    documents the model has not seen."""
    import numpy as np

    relevance = np.asarray(_out_of_fold_relevance(x, y, groups, folds=folds, c=c))
    conflict = np.asarray([_conflicting(row) for row in x])
    best, best_f1 = 0.5, -1.0
    for threshold in THRESHOLDS:
        predicted = np.where(relevance < threshold, "irrelevant", np.where(conflict, "refute", "support"))
        f1 = scores(list(y), list(predicted))["macro_f1"]
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(threshold), f1
    return round(best, 3)


def _conflicting(row) -> bool:
    from .stance import CONFLICTS

    return any(row[signals.SIGNAL_NAMES.index(name)] for name in CONFLICTS)


def fit_with_threshold(x, y, groups, *, c: float = C) -> dict:
    """The model fitted on these pairs, with its relevance threshold chosen by grouped CV on the same pairs."""
    import numpy as np

    model = fit(np.asarray(x, dtype=float), y, c=c)
    model["relevant_threshold"] = choose_threshold(x, y, groups, c=c)
    return model


def grouped_predictions(x, y, groups, *, folds: int = FOLDS, c: float = C, threshold: float | None = None) -> list[str]:
    """Out-of-fold predictions: each document's pairs scored by a model that never saw that document, with a
    relevance threshold chosen inside the training folds only (nested grouped CV), or the one given."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from .stance import decide

    x, y, groups = np.asarray(x, dtype=float), np.asarray(y), np.asarray(groups)
    predicted = [""] * len(y)
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        if threshold is None:
            model = fit_with_threshold(x[train], y[train], groups[train], c=c)
        else:
            model = {**fit(x[train], y[train], c=c), "relevant_threshold": threshold}
        for i in test:
            predicted[i] = decide(list(x[i]), model)[0]
    return predicted


def scores(gold: list[str], predicted: list[str]) -> dict:
    """Macro-F1 over CLASSES, per-class precision/recall, and the confusion matrix (rows gold, columns predicted)."""
    per_class = {}
    for k in CLASSES:
        tp = sum(g == k and p == k for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != k and p == k for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == k and p != k for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[k] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    confusion = {
        g: {p: sum(a == g and b == p for a, b in zip(gold, predicted, strict=True)) for p in CLASSES} for g in CLASSES
    }
    return {
        "macro_f1": sum(v["f1"] for v in per_class.values()) / len(CLASSES),
        "per_class": per_class,
        "confusion": confusion,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--write", action="store_true", help=f"write the model fitted on every pair to {MODEL_FILE}")
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "bench" / "stance-embeddings.npz",
                        help="embeddings kept between runs (default: %(default)s)")  # fmt: skip
    args = parser.parse_args(argv)
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.local")
    django.setup()
    data = load(args.eval_dir)
    pairs = labelled_pairs(data, cache=args.cache)
    x, y, groups = matrix(pairs), [d.label for d in data], [d.doc_id for d in data]
    result = scores(y, grouped_predictions(x, y, groups))
    print(f"{len(data)} pairs, {len(set(groups))} documents; grouped {FOLDS}-fold CV macro-F1 {result['macro_f1']:.3f} "
          "(relevance threshold chosen inside each training fold)")  # fmt: skip
    for k, v in result["per_class"].items():
        print(f"  {k:<10} P {v['precision']:.2f}  R {v['recall']:.2f}  F1 {v['f1']:.2f}  (n={v['support']})")
    if args.write:
        model = fit_with_threshold(x, y, groups)
        model["trained_on"] = {
            "data": "factcheck_gpt/claims.jsonl",
            "data_sha256": data_sha256(args.eval_dir),
            "pairs": len(data),
            "documents": len(set(groups)),
            "c": C,
            "grouped_cv": {"folds": FOLDS, "macro_f1": round(result["macro_f1"], 4),
                           "f1": {k: round(v["f1"], 4) for k, v in result["per_class"].items()}},
        }  # fmt: skip
        MODEL_FILE.parent.mkdir(exist_ok=True)
        MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE} (relevance threshold {model['relevant_threshold']})")


if __name__ == "__main__":
    main()
