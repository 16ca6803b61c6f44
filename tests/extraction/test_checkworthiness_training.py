"""The training script's figures: the CLEF gap to sentence length comes with its uncertainty, and cached
vectors are never reused across embedding precisions."""

import numpy as np

from claims.extraction import train_checkworthiness as train


def test_the_ap_gap_to_a_baseline_comes_with_a_bootstrap_interval_around_it():
    labels = np.array([1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0] * 2)
    perfect = labels + np.linspace(0, 0.5, len(labels))  # every positive above every negative
    backwards = -perfect

    gap = train.ap_gap_interval(labels, perfect, backwards, draws=300)

    assert gap["gap"] > 0.5
    assert 0 < gap["low"] <= gap["gap"] <= gap["high"] <= 1.0
    same = train.ap_gap_interval(labels, perfect, perfect, draws=50)
    assert same["gap"] == same["low"] == same["high"] == 0.0


def test_the_feature_cache_key_changes_with_the_embedding_precision(settings):
    settings.FACTCHECK_EMBEDDING_PRECISION = "float32"
    full = train.embedding_identity()
    settings.FACTCHECK_EMBEDDING_PRECISION = "bfloat16"
    half = train.embedding_identity()

    assert full == ["all-MiniLM-L6-v2", "float32"]
    assert half == ["all-MiniLM-L6-v2", "bfloat16"]
