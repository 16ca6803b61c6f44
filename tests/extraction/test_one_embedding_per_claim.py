"""A claim is embedded once: the vector that scored its check-worthiness is the one claim matching stores."""

import datetime as dt

import numpy as np
import pytest

from claims.matching import embeddings
from claims.matching.decide import matching_text
from claims.models import Claim, ClaimEmbedding
from claims.services import article_ingest

pytestmark = pytest.mark.django_db

TEXT = (
    "The Elm Street bridge reopened on 3 March 2021 after a repair that cost $4 million, the city council said.\n\n"
    "The regional hospital treated 3,200 patients for heatstroke in August 2023."
)


@pytest.fixture(autouse=True)
def no_source_fetchers(settings):
    settings.FACTCHECK_FETCHERS = []


def test_storing_an_articles_claims_embeds_them_once_and_matching_keeps_that_vector(
    monkeypatch, django_capture_on_commit_callbacks
):
    batches = []
    real = embeddings.embed_texts

    def counted(texts, **kwargs):
        batches.append(list(texts))
        return real(texts, **kwargs)

    def refused(text):
        raise AssertionError(f"embedded a second time: {text!r}")

    monkeypatch.setattr(embeddings, "embed_texts", counted)
    monkeypatch.setattr(embeddings, "embed_text", refused)  # what claim_embed would call for a claim without a vector
    with django_capture_on_commit_callbacks(execute=True):
        article_ingest(text=TEXT, title="Works", outlet_name="City Desk", published_at=dt.date(2023, 9, 1))

    claims = list(Claim.objects.all())
    assert len(claims) >= 2
    assert len(batches) == 1  # the whole article in one batch
    assert sorted(batches[0]) == sorted(matching_text(c.text) for c in claims)
    for claim in claims:
        stored = embeddings.from_bytes(ClaimEmbedding.objects.get(claim=claim).vector)
        expected = real([matching_text(claim.text)])[0]
        assert float(np.dot(stored, expected)) > 0.9999
        assert claim.checkworthiness_signals and 0.0 < claim.checkworthiness < 1.0
