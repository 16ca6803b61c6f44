"""What is still waiting in a broker queue, so that a sweeper never re-sends work whose message is queued.

Reads the queue without consuming it: Redis (the list Kombu keeps per queue) or the filesystem broker
(one file per message in its folder). Each message's headers name the task and carry `argsrepr`.
"""

from __future__ import annotations

import ast
import json
import logging
from pathlib import Path

logger = logging.getLogger(__name__)
SCAN_CHUNK = 1000


def _task_args(raw: bytes | str) -> tuple[str, tuple] | None:
    try:
        headers = json.loads(raw)["headers"]
        return headers["task"], tuple(ast.literal_eval(headers.get("argsrepr") or "()"))
    except (ValueError, KeyError, TypeError, SyntaxError):
        return None


def _raw_messages(queue: str):
    from django.conf import settings

    if settings.CELERY_BROKER_URL.startswith("filesystem"):
        folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])
        for path in folder.glob(f"*.{queue}.msg"):
            try:
                yield path.read_bytes()
            except OSError:  # taken by a worker meanwhile
                continue
        return
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    start = 0
    while True:
        chunk = client.lrange(queue, start, start + SCAN_CHUNK - 1)
        yield from chunk
        if len(chunk) < SCAN_CHUNK:
            return
        start += SCAN_CHUNK


def queued_args(*, task: str, queue: str) -> set[tuple]:
    """The argument tuples of every `task` message waiting in `queue` (not yet taken by a worker)."""
    found = set()
    for raw in _raw_messages(queue):
        parsed = _task_args(raw)
        if parsed is not None and parsed[0] == task:
            found.add(parsed[1])
    return found
