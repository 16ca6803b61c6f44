"""The claim-embedding HNSW index over the half-precision cast of the column (m=16, ef_construction=64).

Where the pgvector column exists, migration 0004's index (`vector_cosine_ops` on the float32 column)
is dropped and rebuilt as `claims.matching.pgvector_schema` defines it now; the column itself keeps its
float32 values. Elsewhere (SQLite, PostgreSQL without pgvector) this does nothing. Reversing it rebuilds
0004's definition. See pgvector_schema for the measurements behind the change.
"""

from django.db import migrations


def halfvec_index(apps, schema_editor):
    from claims.matching import pgvector_schema

    pgvector_schema.upgrade_index(schema_editor.connection)


def float32_index(apps, schema_editor):
    from claims.matching import pgvector_schema

    pgvector_schema.upgrade_index(schema_editor.connection, index_type="vector", m=16, ef_construction=64)


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0005_admin_search_trigram_indexes"),
    ]

    operations = [
        migrations.RunPython(halfvec_index, float32_index, elidable=False),
    ]
