"""A text's vector does not depend on the texts that share its call: embed_texts batches a call's texts by length
(BATCH_SIZE texts per forward pass), and neither the padding nor the batch a text lands in may move its vector."""

import numpy as np
import pytest

from claims.matching import embeddings

CLAIM = "The Elm Street bridge reopened on 3 March 2021 after a repair that cost $4 million."
NEIGHBOURS = [
    "Nobody knows.",
    "Brenholt's mayor said the new tram line would carry 40,000 passengers a day once the depot opens.",
    "The council's report, which ran to 212 pages and took two years, found that the tram line's costs had risen "
    "by a third since the plan was approved, that the depot would open a year late, and that the contractor had "
    "asked for a further $18 million to finish the tunnels under the old market square and the river.",
    *(f"Short line number {n}." for n in range(12)),
]


@pytest.fixture
def float32_model(settings, monkeypatch):
    """float32, where batching is the only thing that could change a vector (bfloat16 rounds by itself)."""
    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(embeddings, "_model_name", None)
    settings.FACTCHECK_EMBEDDING_PRECISION = "float32"


def test_a_text_gets_the_same_vector_alone_and_among_texts_of_other_lengths(float32_model):
    assert embeddings.BATCH_SIZE < 1 + len(NEIGHBOURS)  # so the call below is cut into several batches
    alone = embeddings.embed_texts([CLAIM])[0]
    among = embeddings.embed_texts([*NEIGHBOURS[:2], CLAIM, *NEIGHBOURS[2:]])
    in_one_batch = embeddings.embed_texts([CLAIM, *NEIGHBOURS], batch_size=64)

    assert float(alone @ among[2]) > 0.99999
    assert float(alone @ in_one_batch[0]) > 0.99999
    assert np.allclose(among[[0, 1, *range(3, len(among))]], in_one_batch[1:], atol=1e-4)
