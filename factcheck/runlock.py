"""A lock a piece of work holds while it runs, released when the run ends or when its process dies.

A row marked "running" cannot tell a slow run from a dead one: Celery's thread pool (the fetch worker's, and the
fault tests' extraction worker) enforces no time limit, so "running for longer than the hard limit" is not proof
that its worker died, and taking the row over on that evidence ran a fetch twice at once under load (issue 11).
The run lock is that proof. Whoever runs the work holds it; a claimer or a sweeper that cannot take it leaves the
work alone, and one that can knows nobody is running it, however old the row's timestamp.

* PostgreSQL: a session-level advisory lock on the running thread's own connection. A killed worker's connections
  close, and PostgreSQL releases their locks; so does a database restart (the run's next query fails then).
* Any other database (SQLite: one machine, one file): an exclusive `flock` on a file under
  FACTCHECK_VAR_DIR/locks, which the kernel releases when the process dies.

Held locks are also kept in a process-wide table, so a second holder in the same process is refused whatever the
database: PostgreSQL would grant a session its own lock again, and it is the same thread that would ask.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db import DatabaseError, connection

_table_lock = threading.Lock()
# key -> (the holding thread, what releases it: None on PostgreSQL, else the open lock file)
_held: dict[str, tuple[int, BinaryIO | None]] = {}


def _advisory_key(key: str) -> int:
    """PostgreSQL's advisory locks take a signed 64-bit number."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def _lock_file(key: str) -> Path:
    digest = hashlib.sha256(key.encode()).hexdigest()
    return Path(settings.VAR_DIR) / "locks" / f"{digest}.lock"


def _flock(key: str) -> BinaryIO | None:
    """The open file locked for `key`, or None when another holds it. The file is removed on release; a file
    removed between our open and our lock is stale, so the lock is taken on the path's current file."""
    path = _lock_file(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        handle = open(path, "a+b")  # noqa: SIM115 (closed on release)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return None
            raise
        try:
            same = os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return handle
        handle.close()  # the holder before us removed it on release: take the lock on the new file


def acquire(key: str) -> bool:
    """Take the run lock of `key` without waiting. False: another run holds it (in this process or another)."""
    me = threading.get_ident()
    with _table_lock:
        if key in _held:
            return False
        _held[key] = (me, None)  # reserved while we ask the database or the kernel
    try:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [_advisory_key(key)])
                ok = bool(cursor.fetchone()[0])
            handle = None
        else:
            handle = _flock(key)
            ok = handle is not None
    except BaseException:
        with _table_lock:
            _held.pop(key, None)
        raise
    with _table_lock:
        if ok:
            _held[key] = (me, handle)
        else:
            _held.pop(key, None)
    return ok


def release(key: str) -> None:
    """Give up the run lock of `key` (taken by this thread). A connection that died took its lock with it."""
    with _table_lock:
        _, handle = _held.pop(key, (None, None))
    if handle is not None:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)  # still holding it: nobody else can hold this file now
        handle.close()
        return
    if connection.vendor == "postgresql":
        with contextlib.suppress(DatabaseError):
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_advisory_key(key)])


@contextlib.contextmanager
def held(key: str) -> Iterator[bool]:
    """Hold the run lock of `key` for the block, if it is free: yields whether we hold it."""
    ours = acquire(key)
    try:
        yield ours
    finally:
        if ours:
            release(key)


def held_here(key: str) -> bool:
    """Whether this thread holds the run lock of `key` (a service checks that its caller took it)."""
    with _table_lock:
        return _held.get(key, (None, None))[0] == threading.get_ident()
