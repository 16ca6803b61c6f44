"""The words of each fetched source's text as a stored PostgreSQL tsvector with a GIN index, for the internal
fetcher's search of sources fetched earlier (see claims/migrations/0019_article_search_words.py). PostgreSQL only."""

from django.db import migrations

from factcheck.text_search import search_column_operation


class Migration(migrations.Migration):
    dependencies = [("sources", "0005_evidence_leads")]

    operations = [search_column_operation("sources_source", "text")]
