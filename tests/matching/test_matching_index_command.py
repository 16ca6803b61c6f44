"""manage.py matching_index embeds the claims stored before matching existed, once."""

from io import StringIO

from django.core.management import call_command

from claims.matching import embeddings
from claims.models import ClaimEmbedding
from tests.factories import ClaimFactory


def test_it_embeds_claims_without_an_embedding_and_only_those(db):
    claims = [ClaimFactory(text=f"Claim number {i} about the Donetsk People's Republic.") for i in range(3)]
    out = StringIO()
    call_command("matching_index", stdout=out)
    assert "Embedded 3 claim(s)." in out.getvalue() and "NumpyIndex" in out.getvalue()
    stored = ClaimEmbedding.objects.get(claim=claims[1])
    assert embeddings.from_bytes(stored.vector) @ embeddings.embed_text(claims[1].text) > 0.999

    again = StringIO()
    call_command("matching_index", stdout=again)
    assert "Embedded 0 claim(s)." in again.getvalue()


def test_a_claim_whose_text_changed_is_embedded_again(db):
    claim = ClaimFactory(text="North Korea recognised the DPR.")
    call_command("matching_index", stdout=StringIO())
    claim.text = "Syria recognised the DPR."
    claim.save()
    out = StringIO()
    call_command("matching_index", stdout=out)
    assert "Embedded 1 claim(s)." in out.getvalue()
    stored = ClaimEmbedding.objects.get(claim=claim)
    assert embeddings.from_bytes(stored.vector) @ embeddings.embed_text("Syria recognised the DPR.") > 0.999


def test_upgrading_the_hnsw_index_does_nothing_where_there_is_no_pgvector_column(db):
    from django.db import connection

    from claims.matching import pgvector_schema

    ClaimEmbedding.objects.create(
        claim=ClaimFactory(), vector=embeddings.to_bytes(embeddings.embed_text("x")), model_name="t", text_sha256="x"
    )
    assert pgvector_schema.upgrade_index(connection) is False
    assert ClaimEmbedding.objects.count() == 1
