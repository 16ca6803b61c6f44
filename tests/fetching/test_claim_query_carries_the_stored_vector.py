"""A fetcher's view of a claim carries the claim's stored embedding when it is of the claim's text (evidence
ranking then does not embed the claim again), and none when the text changed since it was embedded."""

import numpy as np
import pytest

from claims.services.matching import claim_embed
from sources import selectors
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_the_query_carries_the_vector_claim_matching_stored():
    claim = ClaimFactory(text="The Orvik ferry carried 41,000 passengers in 2021.")
    stored = claim_embed(claim=claim)

    query = selectors.claim_query(claim_id=claim.pk)

    assert query.vector is not None and np.allclose(query.vector, stored)


def test_a_claim_edited_since_it_was_embedded_carries_no_vector():
    claim = ClaimFactory(text="The Orvik ferry carried 41,000 passengers in 2021.")
    claim_embed(claim=claim)
    claim.text = "The Orvik ferry carried 43,000 passengers in 2021."
    claim.save(update_fields=["text"])

    query = selectors.claim_query(claim_id=claim.pk)

    assert query.text.startswith("The Orvik ferry carried 43,000") and query.vector is None
