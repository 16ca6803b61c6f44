"""Every task the app sends, in one place, by one mechanism: after the surrounding transaction commits.

A worker must never read rows that are not committed yet, so a task is handed to the broker from
`transaction.on_commit` (at once when no transaction is open). Services call these functions; nothing
else calls `.delay()`. Tasks are looked up by name in the Celery app's registry when they are sent, so
this module imports no task module at load time (the task's module is imported when the first message is
sent): services sit below tasks, and tasks import services at the top.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from importlib import import_module

from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnavailable

from factcheck.celery import app

logger = logging.getLogger(__name__)


def _after_commit(task_name: str, *args, unsent: Callable[[], None] | None = None) -> None:
    transaction.on_commit(partial(_send, task_name, args, unsent))


def _send(task_name: str, args: tuple, unsent: Callable[[], None] | None) -> None:
    """Send the task. A task whose row a sweeper watches passes `unsent`: when the broker cannot be reached (after
    Celery's own publish retries), that row is handed to its sweeper instead of failing the caller, whose rows
    are committed already (an extraction stays done; the fetches it could not send go at the next sweep)."""
    import_module(task_name.rpartition(".")[0])  # registers the task with the app (a no-op once imported)
    try:
        app.tasks[task_name].apply_async(args)
    except BrokerUnavailable as exc:
        if unsent is None:
            raise
        logger.warning("Broker unavailable (%s): %s%r left to its sweeper", exc, task_name, args)
        unsent()


def article_extract(article_id: int) -> None:
    _after_commit("claims.tasks.article_extract_task", article_id)


def article_fetch(fetch_id: int) -> None:
    _after_commit("claims.tasks.article_fetch_task", fetch_id)


def claim_embed(claim_id: int) -> None:
    _after_commit("claims.tasks.claim_embed_task", claim_id)


def webhook_deliver(delivery_id: int) -> None:
    _after_commit("claims.tasks.webhook_deliver_task", delivery_id)


def google_factcheck_sync(verdict_id: int) -> None:
    _after_commit("claims.tasks.google_factcheck_sync_task", verdict_id)


def claim_fetch(claim_id: int, fetcher: str, *, unsent: Callable[[], None]) -> None:
    _after_commit("sources.tasks.claim_fetch_task", claim_id, fetcher, unsent=unsent)


def source_refetch(source_id: int) -> None:
    _after_commit("sources.tasks.source_refetch_task", source_id)
