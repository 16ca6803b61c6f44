"""Trigram indexes for the review queue's search (claim text, speaker, article title), PostgreSQL only.

Django's icontains is `UPPER(col::text) LIKE UPPER('%term%')`; a GIN trigram index on that
expression turns the 100k-row scans into index lookups. Elsewhere (SQLite) this does nothing.
Uses the pg_trgm extension (PostgreSQL's contrib) when the server has it; without it search still
works, only slower, so the migration skips the indexes instead of failing.
"""

from django.db import migrations

INDEXES = [
    ("claims_claim", "claim_text_upper_trgm", "UPPER(text::text)"),
    ("claims_claimmention", "mention_speaker_upper_trgm", "UPPER(speaker::text)"),
    ("claims_article", "article_title_upper_trgm", "UPPER(title::text)"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name, expression in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_claim_embedding")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
