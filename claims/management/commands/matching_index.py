"""Prepare claim matching on an existing database: the pgvector column and HNSW index where the
extension exists, and embeddings for every claim that lacks a current one. Idempotent.

    manage.py matching_index            # both
    manage.py matching_index --schema-only
"""

from django.core.management.base import BaseCommand
from django.db import connection

from claims.matching import pgvector_schema
from claims.matching.index import forget_indexes, index_for
from claims.services import claims_embed_missing


class Command(BaseCommand):
    help = "Set up pgvector's HNSW index where available and embed claims that have no current embedding."

    def add_arguments(self, parser):
        parser.add_argument("--schema-only", action="store_true", help="Only add the pgvector column and index.")
        parser.add_argument("--batch-size", type=int, default=64)

    def handle(self, *args, schema_only, batch_size, **options):
        if pgvector_schema.ensure_schema(connection):
            self.stdout.write("pgvector: vector column and HNSW index present.")
        else:
            self.stdout.write("pgvector not available on this database: claim matching uses exact search.")
        forget_indexes()
        if not schema_only:
            count = claims_embed_missing(batch_size=batch_size)
            self.stdout.write(f"Embedded {count} claim(s).")
        self.stdout.write(self.style.SUCCESS(f"Search backend: {type(index_for()).__name__}."))
