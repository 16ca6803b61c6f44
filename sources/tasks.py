"""Thin Celery entry points for fetching. Each takes ids, calls one service, and owns its retry policy.

Routed to the "fetch" queue (settings.CELERY_TASK_ROUTES, queue name from CELERY_FETCH_QUEUE). Reliability:
* retries with exponential backoff and full jitter on timeouts, connection failures, 5xx and 429,
  waiting at least the server's Retry-After; never on other 4xx or bad content;
* acks_late (global) + claiming the ClaimFetch row with a conditional update + unique constraints and
  update_or_create on Source/Evidence: a redelivered task adds nothing twice;
* the fetch's run lock (factcheck.runlock), held until the row's outcome is written: a duplicate message finds
  it held and does nothing, and a running row is taken over only once its run's process is gone;
* time limits: soft/hard for prefork workers, and, because Celery's thread pool (the fetch worker's)
  enforces none, a cooperative budget (sources.http.time_budget) that cuts every request short;
  either way a fetch over its limit is retried like a timeout.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

from factcheck import enqueue, runlock
from factcheck.broker import queued_args
from factcheck.celery import broker_countdown

from . import conf, selectors, services
from .fetchers.base import FetcherNotConfigured
from .http import FetchError, HTTPStatusError, time_budget

logger = logging.getLogger(__name__)


def backoff_seconds(retries: int, *, retry_after: float | None = None) -> float:
    """Exponential backoff with jitter: uniform in [base·2^n / 2, base·2^n], capped; never before Retry-After."""
    base, cap = conf.get("FACTCHECK_FETCH_BACKOFF_BASE"), conf.get("FACTCHECK_FETCH_BACKOFF_MAX")
    ceiling = min(cap, base * (2**retries))
    delay = random.uniform(ceiling / 2, ceiling)
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap) + random.uniform(0, 1))
    return delay


@shared_task(
    bind=True,
    acks_late=True,
    soft_time_limit=conf.get("FACTCHECK_FETCH_SOFT_TIME_LIMIT"),
    time_limit=conf.get("FACTCHECK_FETCH_TIME_LIMIT"),
    max_retries=None,  # counted by hand below, so the final failure is recorded on the row
    ignore_result=True,  # the outcome lives in the ClaimFetch row; no result-backend write per fetch
)
def claim_fetch_task(self, claim_id: int, fetcher: str) -> int | None:
    # The run lock is held until the row's outcome is written (done, retry later, failed), so that a running row
    # whose lock is free is one whose worker died (services.claim_fetch_start). A retry is sent once it is
    # released: an eager retry runs at once, in this thread, and would find it held.
    try:
        with runlock.held(services.fetch_run_key(claim_id=claim_id, fetcher=fetcher)) as ours:
            if not ours:  # a live run of this fetch holds it: a copy of its message, or a request made since
                services.claim_fetch_asked_during_run(claim_id=claim_id, fetcher=fetcher)
                return None
            logger.info("Fetch %s of claim %s: run started", fetcher, claim_id)  # fault tests: runs never overlap
            try:
                outcome = _claim_fetch(self, claim_id, fetcher)
            finally:
                logger.info("Fetch %s of claim %s: run ended", fetcher, claim_id)
    except (OperationalError, InterfaceError) as exc:  # the database is away: not even the run lock could be asked
        if self.request.retries >= conf.get("FACTCHECK_FETCH_MAX_RETRIES"):
            raise
        outcome = _Retry(backoff_seconds(self.request.retries), exc)
    if isinstance(outcome, _Retry):
        raise self.retry(countdown=outcome.countdown, exc=outcome.exc) from None
    return outcome


@dataclass(frozen=True)
class _Retry:
    countdown: float
    exc: Exception


def _claim_fetch(self, claim_id: int, fetcher: str) -> int | None | _Retry:
    try:
        with time_budget(conf.get("FACTCHECK_FETCH_SOFT_TIME_LIMIT")):
            return services.claim_fetch_run(claim_id=claim_id, fetcher=fetcher)
    except FetcherNotConfigured as exc:
        services.claim_fetch_fail(claim_id=claim_id, fetcher=fetcher, error=f"Not configured: {exc}")
    except (FetchError, SoftTimeLimitExceeded) as exc:
        message = exc.message if isinstance(exc, FetchError) else "The fetch took longer than its time limit."
        retryable = isinstance(exc, SoftTimeLimitExceeded) or exc.retryable
        if retryable and self.request.retries < conf.get("FACTCHECK_FETCH_MAX_RETRIES"):
            retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else None
            countdown = backoff_seconds(self.request.retries, retry_after=retry_after)
            services.claim_fetch_retry_later(claim_id=claim_id, fetcher=fetcher, error=message, countdown=countdown)
            if broker_countdown(countdown) < countdown:
                return None  # too long for a broker ETA: the row is pending until then, and the sweeper sends it
            return _Retry(countdown, exc)
        attempts = self.request.retries + 1
        services.claim_fetch_fail(
            claim_id=claim_id,
            fetcher=fetcher,
            error=message + (f" (gave up after {attempts} attempts)" if retryable else ""),
        )
    except (OperationalError, InterfaceError) as exc:  # the database blinked: worth another go
        if self.request.retries < conf.get("FACTCHECK_FETCH_MAX_RETRIES"):
            return _Retry(backoff_seconds(self.request.retries), exc)
        services.claim_fetch_fail(claim_id=claim_id, fetcher=fetcher, error=f"Database error: {exc}")
    except Exception as exc:
        logger.exception("Fetcher %s failed for claim %s", fetcher, claim_id)
        services.claim_fetch_fail(
            claim_id=claim_id, fetcher=fetcher, error=f"Internal error: {exc.__class__.__name__}: {exc}"
        )
    return None


@shared_task(bind=True, acks_late=True, soft_time_limit=60, time_limit=90, max_retries=3, ignore_result=True)
def source_refetch_task(self, source_id: int) -> None:
    try:
        with time_budget(60):
            services.source_refetch(source_id=source_id)
    except FetchError as exc:  # only retryable ones reach here
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        raise self.retry(countdown=backoff_seconds(self.request.retries, retry_after=retry_after), exc=exc) from None


@shared_task(acks_late=True)
def sources_refetch_stale() -> int:
    """Beat: queue a re-fetch of web sources whose snapshot is older than FACTCHECK_SOURCE_STALE_DAYS."""
    ids = list(
        selectors.stale_sources(
            older_than_days=conf.get("FACTCHECK_SOURCE_STALE_DAYS"), limit=conf.get("FACTCHECK_REFETCH_BATCH")
        ).values_list("pk", flat=True)
    )
    for source_id in ids:
        enqueue.source_refetch(source_id)
    return len(ids)


@shared_task(acks_late=True, ignore_result=True)
def claim_fetches_restart_stuck() -> int:
    """Beat (maintenance queue): re-send fetches pending too long (lost message, broker restart, a retry
    longer than a broker ETA may be) or running past the hard limit with no live run holding them (a dead
    worker), unless queued. Returns how many were sent again."""
    queued = queued_args(task=claim_fetch_task.name, queue=settings.CELERY_FETCH_QUEUE)
    stuck = [
        row
        for row in selectors.stuck_claim_fetches(
            pending_minutes=conf.get("FACTCHECK_FETCH_STUCK_MINUTES"),
            running_seconds=2 * conf.get("FACTCHECK_FETCH_TIME_LIMIT"),
        ).values_list("claim_id", "fetcher", "status")[: conf.get("FACTCHECK_REFETCH_BATCH") * 5]
        if tuple(row[:2]) not in queued  # its message is still waiting: sending another would run it twice
    ]
    return sum(
        services.claim_fetch_restart(claim_id=claim_id, fetcher=fetcher, status=status)
        for claim_id, fetcher, status in stuck
    )
