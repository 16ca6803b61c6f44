"""Embeddings compute in bfloat16 where the CPU does it natively (vectors stay those of float32), on one torch thread."""

import numpy as np
import pytest
from django.core.exceptions import ImproperlyConfigured

from claims.matching import embeddings

SENTENCES = [
    "The Elm Street bridge reopened on 3 March 2021 after a repair that cost $4 million.",
    "The regional hospital treated 3,200 patients for heatstroke in August 2023.",
    "Brenholt's mayor said the new tram line would carry 40,000 passengers a day.",
    "Nobody knows.",
]


@pytest.fixture
def fresh_model(monkeypatch):
    """Each test loads the model it configures; the default one stays loaded for the other tests."""
    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(embeddings, "_model_name", None)


def test_a_cpu_listing_the_bfloat16_flag_is_taken_to_compute_it_natively(tmp_path):
    x86 = tmp_path / "x86"
    x86.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16 avx512_vnni\n")
    arm = tmp_path / "arm"
    arm.write_text("processor\t: 0\nFeatures\t: fp asimd sve bf16 i8mm\n")
    assert embeddings.cpu_has_bfloat16(x86) and embeddings.cpu_has_bfloat16(arm)


def test_a_cpu_without_the_flag_or_without_a_cpuinfo_file_keeps_float32(tmp_path, settings):
    older = tmp_path / "older"
    older.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_vnni\nmodel name\t: bf16 in a name\n")
    assert not embeddings.cpu_has_bfloat16(older)
    assert not embeddings.cpu_has_bfloat16(tmp_path / "missing")
    settings.FACTCHECK_EMBEDDING_PRECISION = "auto"
    assert embeddings.precision() == ("bfloat16" if embeddings.cpu_has_bfloat16() else "float32")


def test_a_configured_precision_is_used_whatever_the_cpu(settings):
    settings.FACTCHECK_EMBEDDING_PRECISION = "float32"
    assert embeddings.precision() == "float32"
    settings.FACTCHECK_EMBEDDING_PRECISION = "bfloat16"
    assert embeddings.precision() == "bfloat16"


def test_an_unknown_precision_is_a_configuration_error(settings):
    settings.FACTCHECK_EMBEDDING_PRECISION = "int4"
    with pytest.raises(ImproperlyConfigured, match="FACTCHECK_EMBEDDING_PRECISION"):
        embeddings.precision()


def test_bfloat16_vectors_are_float32_vectors_to_within_a_cosine_of_0_9995(settings, fresh_model):
    import torch

    settings.FACTCHECK_EMBEDDING_PRECISION = "float32"
    full = embeddings.embed_texts(SENTENCES)
    assert next(embeddings.get_model().parameters()).dtype == torch.float32
    settings.FACTCHECK_EMBEDDING_PRECISION = "bfloat16"
    half = embeddings.embed_texts(SENTENCES)
    assert next(embeddings.get_model().parameters()).dtype == torch.bfloat16

    assert half.dtype == np.float32 and half.shape == full.shape
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0, atol=1e-5)
    assert (full * half).sum(axis=1).min() > 0.9995
    assert not np.array_equal(full, half)  # the bfloat16 model did compute them
    assert half[0] @ half[1] < 0.9  # different sentences stay apart


def test_a_process_that_loads_the_model_embeds_with_the_configured_number_of_torch_threads(settings, fresh_model):
    import torch

    before = torch.get_num_threads()
    try:
        settings.FACTCHECK_EMBEDDING_THREADS = 2
        embeddings.embed_texts(SENTENCES[:1])
        assert torch.get_num_threads() == 2
        embeddings._model = None
        settings.FACTCHECK_EMBEDDING_THREADS = 1
        assert embeddings.embed_texts(SENTENCES[:1]).shape == (1, 384)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_the_cpu_flags_are_read_once_per_process(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("flags\t\t: fpu sse2 avx512_bf16\n")
    assert embeddings.cpu_has_bfloat16(cpuinfo)

    cpuinfo.write_text("flags\t\t: fpu sse2\n")

    assert embeddings.cpu_has_bfloat16(cpuinfo)
