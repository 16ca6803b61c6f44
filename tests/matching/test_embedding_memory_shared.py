"""A memory of embeddings asks the model once per text: a text another thread is embedding is waited for, and with
a shared memory a text another worker process embedded is taken from the cache (Redis in production)."""

import threading
import time

import numpy as np
import pytest
from django.core.cache import cache

from claims.matching import embeddings

TEXTS = ["The Orvik ferry carried 41,000 passengers in 2021.", "The harbour crane collapsed on Monday."]


@pytest.fixture
def slow_model(model_inputs, monkeypatch):
    """The watched model (model_inputs), each call taking a moment as under load; an empty cache around the test."""
    watched = embeddings.embed_texts

    def slow(texts, **kwargs):
        time.sleep(0.2)
        return watched(texts, **kwargs)

    monkeypatch.setattr(embeddings, "embed_texts", slow)
    cache.clear()
    yield model_inputs
    cache.clear()


def test_a_text_another_process_embedded_is_taken_from_the_shared_memory(slow_model):
    one_process, another_process = embeddings.Remembered(shared_seconds=60), embeddings.Remembered(shared_seconds=60)

    first = one_process(TEXTS)
    second = another_process([TEXTS[1], TEXTS[0]])

    assert slow_model == TEXTS
    assert np.array_equal(second[0], first[1]) and np.array_equal(second[1], first[0])


def test_a_text_another_thread_is_embedding_is_waited_for_and_embedded_once(slow_model):
    memory = embeddings.Remembered(limit=100)
    results = {}

    def ask(name, texts):
        results[name] = memory(texts)

    threads = [threading.Thread(target=ask, args=("a", TEXTS)), threading.Thread(target=ask, args=("b", TEXTS))]
    threads[0].start()
    time.sleep(0.05)  # the first thread's batch is at the model
    threads[1].start()
    for thread in threads:
        thread.join()

    assert slow_model == TEXTS
    assert np.array_equal(results["a"], results["b"])


def test_after_forget_the_shared_rows_are_not_taken_again(slow_model):
    memory = embeddings.Remembered(shared_seconds=60)
    memory(TEXTS[:1])

    memory.forget()
    memory(TEXTS[:1])

    assert slow_model == [TEXTS[0], TEXTS[0]]


def test_a_failing_cache_is_a_cache_missed(slow_model, monkeypatch):
    def away(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get_many", away)
    monkeypatch.setattr(cache, "set_many", away)

    vectors = embeddings.Remembered(shared_seconds=60)(TEXTS)

    assert vectors.shape == (2, embeddings.DIMENSIONS)
    assert slow_model == TEXTS
