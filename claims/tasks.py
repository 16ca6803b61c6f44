"""Thin Celery entry points for claims. Each takes ids, calls one service, and owns its retry policy."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError


@shared_task(bind=True, acks_late=True, max_retries=3, autoretry_for=(OperationalError,), retry_backoff=True)
def article_extract_task(self, article_id: int) -> int:
    """Extract and store an article's claims; returns how many it has. Quiet when the article is gone.

    Idempotent (article_extract stores claims with unique mentions and reuses existing claims), so a
    redelivered or retried task adds nothing twice. Only database hiccups are retried: an extraction
    error is recorded on the article (status failed) and re-raised for the worker's log.
    """
    from .services import article_extract

    return len(article_extract(article_id=article_id))
