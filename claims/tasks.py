"""Thin Celery entry points for claims. Each takes ids, calls one service, and owns its retry policy."""

from __future__ import annotations

import logging
import time

from celery import shared_task, signals
from django.conf import settings
from django.db import InterfaceError, OperationalError

from factcheck.broker import queued_args
from factcheck.celery import broker_countdown

from . import services
from .extraction import load_models
from .google_factcheck import GoogleFactCheckError
from .models import Article

# A database that goes away (a PostgreSQL restart or failover) is retried with full-jitter exponential backoff:
# up to 1, 2, 4 ... 64 s, about a minute in all on average, so a task outlives a restart instead of failing
# and leaving its row to the sweepers (three retries gave up within a few seconds: tests/faults).
DATABASE_RETRY = {"autoretry_for": (OperationalError, InterfaceError), "retry_backoff": True, "max_retries": 7}


# ignore_result: the outcome lives in the Article row. A result-backend write per extraction served nobody, and
# when Redis blinked just as an extraction ended, the finished extraction was logged as a failure.
@shared_task(bind=True, acks_late=True, ignore_result=True, **DATABASE_RETRY)
def article_extract_task(self, article_id: int) -> int:
    """Extract and store an article's claims; returns how many it has. Quiet when the article is gone.

    Idempotent (article_extract stores claims with unique mentions and reuses existing claims), so a
    redelivered or retried task adds nothing twice. Only database hiccups are retried: an extraction
    error is recorded on the article (status failed) and re-raised for the worker's log.
    """

    final = (Article.ExtractionStatus.DONE, Article.ExtractionStatus.UNSUPPORTED)
    if Article.objects.filter(pk=article_id, extraction_status__in=final).exists():
        return 0  # a redelivered or re-sent message for work already done (re-extraction sets pending first)
    return len(services.article_extract(article_id=article_id))


@shared_task(bind=True, acks_late=True, soft_time_limit=90, time_limit=120, ignore_result=True, **DATABASE_RETRY)
def article_fetch_task(self, fetch_id: int) -> None:
    """Fetch the page of an article asked for by URL and ingest it (see services.article_fetch_run)."""

    services.article_fetch_run(fetch_id=fetch_id)


@shared_task(acks_late=True, ignore_result=True)
def articles_restart_stuck_extraction() -> int:
    """Beat (maintenance queue): re-send extractions a crash left pending or running, unless their
    message is still queued."""

    queued = queued_args(task=article_extract_task.name, queue=settings.CELERY_TASK_DEFAULT_QUEUE)
    return len(
        services.articles_restart_stuck_extraction(
            pending_seconds=settings.FACTCHECK_STUCK_PENDING_SECONDS, queued={a[0] for a in queued if a}
        )
    )


# --- Publishing: webhook delivery -----------------------------------------------------------------

WEBHOOK_MAX_RETRIES = 8  # with the backoff below: about 4 hours from the first attempt to the last


@shared_task(bind=True, acks_late=True, max_retries=WEBHOOK_MAX_RETRIES)
def webhook_deliver_task(self, delivery_id: int) -> str | None:
    """POST one signed webhook; retry with exponential backoff while the receiver may recover."""

    try:
        delivery = services.webhook_deliver(
            delivery_id=delivery_id, final_attempt=self.request.retries >= self.max_retries
        )
    except services.WebhookDeliveryError as exc:
        base = settings.FACTCHECK_WEBHOOK_RETRY_DELAY
        raise self.retry(exc=exc, countdown=broker_countdown(base * (2**self.request.retries))) from None
    return delivery.status if delivery else None


# --- Publishing: Google Fact Check Tools sync -------------------------------------------------------

GOOGLE_SYNC_MAX_RETRIES = 8
GOOGLE_SYNC_RETRY_DELAY = 30.0  # seconds before the first retry, doubling: about 2 hours in all


@shared_task(bind=True, acks_late=True, max_retries=GOOGLE_SYNC_MAX_RETRIES)
def google_factcheck_sync_task(self, verdict_id: int) -> str | None:
    """Bring the verdict's ClaimReview page in Google's Fact Check Tools to its current state; retry with
    exponential backoff (or Google's Retry-After) while Google may recover."""

    try:
        page = services.verdict_google_sync(
            verdict_id=verdict_id, final_attempt=self.request.retries >= self.max_retries
        )
    except GoogleFactCheckError as exc:
        countdown = max(GOOGLE_SYNC_RETRY_DELAY * (2**self.request.retries), exc.retry_after or 0.0)
        raise self.retry(exc=exc, countdown=broker_countdown(countdown)) from None
    return page.status if page else None


# --- Claim repair: an editor's claim is embedded and matched on its current wording --------------------


@shared_task(bind=True, acks_late=True, **DATABASE_RETRY)
def claim_embed_task(self, claim_id: int) -> bool:
    """(Re-)embed a claim an editor wrote, rewrote, split off or added, and match it on its current wording: a
    stored twin is suggested to editors, never merged (join=False). Idempotent (the stored vector is reused for
    the same text, a suggestion is stored once); quiet when the claim is gone."""

    return not services.claim_match(claim_id=claim_id, join=False).gone


@signals.worker_init.connect
def _load_models_before_forking(sender=None, **kwargs):
    """A prefork worker's children are forked from its main process, and the memory limit
    (CELERY_WORKER_MAX_MEMORY_PER_CHILD) replaces them every few minutes under load: each used to load spaCy and the
    embedding weights again, some 10 s of CPU (bench/pipeline.py). Loaded here, in the main process before the pool
    forks (Celery imports the task modules first), every child starts with them, shared with its siblings until
    written. Thread and solo pools load on first use, as before."""
    from celery.concurrency import get_implementation
    from celery.concurrency.prefork import TaskPool

    pool = get_implementation(getattr(sender, "pool_cls", None) or "prefork")
    if not settings.FACTCHECK_WORKER_LOAD_MODELS_BEFORE_FORK or not issubclass(pool, TaskPool):
        return
    started = time.monotonic()
    load_models()
    logging.getLogger(__name__).info("Models loaded before forking the pool in %.1f s.", time.monotonic() - started)
