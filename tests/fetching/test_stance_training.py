"""The stance model's training: grouped cross-validation that never splits a document, a relevance threshold
chosen inside the training folds, and a model file that names the data it was fitted on."""

from __future__ import annotations

import json
import random

from sources.evidence import signals
from sources.evidence.stance import CONFLICTS, decide, relevance
from sources.evidence.train_stance import choose_threshold, data_sha256, fit, fit_with_threshold, grouped_predictions

SIMILARITY = signals.SIGNAL_NAMES.index("similarity")
NUMBERS_CONFLICT = signals.SIGNAL_NAMES.index("numbers_conflict")


def made_up_rows(n_docs=10, seed=7):
    """Rows where relevance shows in the similarity signal and only a few passages are relevant (as with
    people's labels); a number conflict marks the refuting ones."""
    rng = random.Random(seed)
    x, y, groups = [], [], []
    for doc in range(n_docs):
        for i in range(12):
            label = "support" if i < 2 else "refute" if i == 2 else "irrelevant"
            row = [0.0 if name in CONFLICTS else rng.random() * 0.1 for name in signals.SIGNAL_NAMES]
            row[SIMILARITY] = (0.6 if label != "irrelevant" else 0.35) + rng.random() * 0.2
            row[NUMBERS_CONFLICT] = 1.0 if label == "refute" else 0.0
            x.append(row), y.append(label), groups.append(f"doc{doc}")
    return x, y, groups


def test_the_relevance_threshold_is_taken_from_the_model():
    x, y, groups = made_up_rows()
    model = fit(x, y)
    row = x[0]
    p = relevance(row, model)
    assert decide(row, {**model, "relevant_threshold": p - 0.01})[0] == "support"
    assert decide(row, {**model, "relevant_threshold": p + 0.01})[0] == "irrelevant"


def test_a_refuting_row_is_told_apart_by_its_conflict():
    x, y, groups = made_up_rows()
    model = fit_with_threshold(x, y, groups)
    assert decide(x[2], model)[0] == "refute" and decide(x[0], model)[0] == "support"


def test_the_chosen_threshold_lies_among_the_candidates_and_separates_the_made_up_classes():
    x, y, groups = made_up_rows()
    threshold = choose_threshold(x, y, groups)
    assert 0.2 <= threshold <= 0.8
    predicted = grouped_predictions(x, y, groups)
    assert sum(p == g for p, g in zip(predicted, y, strict=True)) / len(y) > 0.9


def test_the_shipped_model_names_its_data_and_its_cross_validated_figures():
    from sources.evidence.stance import MODEL_FILE

    model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert model["features"] == list(signals.SIGNAL_NAMES)
    assert 0.2 <= model["relevant_threshold"] <= 0.8
    assert len(model["trained_on"]["data_sha256"]) == 64 and model["trained_on"]["grouped_cv"]["folds"] >= 2


def test_the_data_digest_is_of_the_labelled_file(tmp_path):
    (tmp_path / "factcheck_gpt").mkdir()
    (tmp_path / "factcheck_gpt" / "claims.jsonl").write_text('{"claim": "x"}\n', encoding="utf-8")
    first = data_sha256(tmp_path)
    (tmp_path / "factcheck_gpt" / "claims.jsonl").write_text('{"claim": "y"}\n', encoding="utf-8")
    assert len(first) == 64 and data_sha256(tmp_path) != first
