"""Threads of one process hand their texts to the process's model thread: a 64-thread fetch worker holds one
inference's memory, not 64, and torch runs on one thread, not on each of them."""

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from claims.matching import embeddings


@pytest.fixture
def running_at_once(monkeypatch):
    """The real model, with its encode watched: how many threads are inside it at the same moment."""
    model = embeddings.get_model()
    original = model.encode
    state = {"now": 0, "most": 0, "calls": 0, "barrier": None, "threads": set()}
    guard = threading.Lock()

    def watched(*args, **kwargs):
        with guard:
            state["now"] += 1
            state["calls"] += 1
            state["threads"].add(threading.current_thread().name)
            state["most"] = max(state["most"], state["now"])
        try:
            if state["barrier"] is not None:
                state["barrier"].wait(timeout=20)  # breaks unless that many threads are inside together
            return original(*args, **kwargs)
        finally:
            with guard:
                state["now"] -= 1

    monkeypatch.setattr(model, "encode", watched)
    monkeypatch.setattr(embeddings, "_runner", None)  # read the setting afresh
    yield state
    monkeypatch.setattr(embeddings, "_runner", None)


def _embed_from_threads(count: int) -> list[np.ndarray]:
    texts = [[f"The council approved budget number {i} on Tuesday."] for i in range(count)]
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(embeddings.embed_texts, texts))


def test_eight_threads_embedding_at_once_run_the_model_one_at_a_time_on_one_thread(running_at_once, settings):
    settings.FACTCHECK_EMBEDDING_CONCURRENCY = 1
    results = _embed_from_threads(8)
    assert running_at_once["calls"] == 8 and running_at_once["most"] == 1
    assert len(running_at_once["threads"]) == 1 and running_at_once["threads"].pop().startswith("embedding")
    assert all(r.shape == (1, 384) for r in results)
    assert not np.array_equal(results[0], results[1])


def test_the_setting_lets_that_many_threads_in_together_and_no_more(running_at_once, settings):
    settings.FACTCHECK_EMBEDDING_CONCURRENCY = 3
    running_at_once["barrier"] = threading.Barrier(3)  # each round of three meets inside the model
    results = _embed_from_threads(6)
    assert running_at_once["calls"] == 6 and running_at_once["most"] == 3
    assert all(np.isclose(np.linalg.norm(r), 1.0, atol=1e-5) for r in results)
