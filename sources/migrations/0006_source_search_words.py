"""The words of each fetched source's text as a stored PostgreSQL tsvector with a GIN index, for the internal
fetcher's search of sources fetched earlier (see claims/migrations/0019_article_search_words.py). PostgreSQL only."""

from django.db import migrations

from factcheck.text_search import add_search_column, drop_search_column


def forwards(apps, schema_editor):
    add_search_column(schema_editor, "sources_source", "text")


def backwards(apps, schema_editor):
    drop_search_column(schema_editor, "sources_source")


class Migration(migrations.Migration):
    dependencies = [("sources", "0005_evidence_leads")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
