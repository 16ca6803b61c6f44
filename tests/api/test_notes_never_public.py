"""Internal notes on a claim never reach a public surface: the public page, the index, the API as the public
reads it, ClaimReview, the DataFeed and the Atom feed."""

import pytest

from claims.services.notes import claim_note_add

pytestmark = pytest.mark.django_db

NOTE = "INTERNAL-NOTE the source is a friend of the desk editor"


def test_no_public_surface_shows_a_note(client, anon_client, published_verdict, reviewer):
    claim_id = published_verdict.claim_id
    claim_note_add(claim=published_verdict.claim, text=NOTE, actor=reviewer)

    pages = {
        "public page": client.get(f"/claims/{claim_id}/"),
        "index": client.get("/"),
        "atom": client.get("/feeds/verdicts.atom"),
        "api claim": anon_client.get(f"/api/v1/claims/{claim_id}/"),
        "api claims": anon_client.get("/api/v1/claims/"),
        "api verdict": anon_client.get(f"/api/v1/verdicts/{published_verdict.pk}/"),
        "claimreview": anon_client.get(f"/api/v1/verdicts/{published_verdict.pk}/claimreview"),
        "datafeed": anon_client.get("/api/v1/claimreviews/"),
    }

    for name, response in pages.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        assert "North Korea recognised" in body, name  # the claim itself is there...
        assert "INTERNAL-NOTE" not in body, name  # ...its notes are not
