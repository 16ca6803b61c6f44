"""A real Celery worker, on real Redis and PostgreSQL, does the work the web process enqueues."""

import pytest

from claims.models import Article
from claims.services import article_ingest
from tests.conftest import wait_for

pytestmark = pytest.mark.integration

TEXT = (
    "North Korea on Wednesday formally recognised the independence of the Donetsk People's Republic, "
    "Donetsk leader Denis Pushilin said, according to Russia's state news agency Tass. "
    "Syria recognised the two breakaway republics on June 29."
)


def test_an_ingested_article_is_extracted_by_the_worker(live_celery):
    article, created = article_ingest(text=TEXT, title="North Korea recognises DPR")
    assert created
    done = wait_for(
        lambda: Article.objects.filter(pk=article.pk, extraction_status=Article.ExtractionStatus.DONE).first(),
        timeout=90,
        message="the worker to extract the article",
    )
    assert done.mentions.count() >= 2
    assert "extract" in live_celery["log"].read_text().lower()
