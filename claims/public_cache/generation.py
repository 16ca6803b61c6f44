"""The publication generation: raised inside every transaction that changes what the public reads, read per request.

The read is the only database statement a 304 or a cache hit costs, so it is one raw statement (no ORM query to
compile) and it doubles as the connection's health check: Django would otherwise send `SELECT 1` first
(CONN_HEALTH_CHECKS). A persistent connection the server has dropped fails that statement, is closed and the read is
made once more on a fresh connection, as the health check would have done.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.models import F
from django.utils import timezone

from ..models import PublicationGeneration

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_READ = f"SELECT number, changed_at FROM {PublicationGeneration._meta.db_table} WHERE id = 1"


def public_output_changed() -> None:
    """Call inside the transaction of any change to what the public reads; it takes effect when that commits."""
    now = timezone.now()
    if not PublicationGeneration.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now):
        row, created = PublicationGeneration.objects.get_or_create(pk=1, defaults={"number": 1, "changed_at": now})
        if not created:  # made by a concurrent first bump: count ours too
            PublicationGeneration.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now)


def current_generation() -> tuple[int, datetime]:
    """The committed number (or the current transaction's own) and when it last changed."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        return _read(connection)
    except (OperationalError, InterfaceError):
        if connection.in_atomic_block:  # a transaction's connection cannot be replaced under it
            raise
        connection.close()
        return _read(connection)


def _read(connection) -> tuple[int, datetime]:
    if connection.connection is not None:
        connection.health_check_done = True  # this statement is the check: a failure is retried by the caller
    with connection.cursor() as cursor:
        cursor.execute(_READ)
        row = cursor.fetchone()
    if row is None:
        return 0, _EPOCH
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite hands a raw cursor its text
        changed_at = datetime.fromisoformat(changed_at)
    if changed_at.tzinfo is None:  # stored in UTC (USE_TZ)
        changed_at = changed_at.replace(tzinfo=UTC)
    return number, changed_at
