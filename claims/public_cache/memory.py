"""Stored pages kept in this process's memory, in front of the shared cache, for the fast path's hits.

Fetching a 50 kB page from Redis through Django's cache costs more CPU than everything else in a hit (Django's
RedisCache builds a client per call). A page is kept here under the same key as in the shared cache: the generation,
read from the database per request, and the time bucket are part of it, so a page kept here goes out of use at the
same moment as its copy in the shared cache, and is never served after a publication, unpublication or correction.
What changes without an editor still shows within the time bucket. Bounded by size: the least recently read go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from .pages import StoredPage


class PageMemory:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, StoredPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # gunicorn's threaded workers share a process

    def get(self, key: str) -> StoredPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage) -> None:
        size = len(page[2])
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._pages:
                return
            self._pages[key] = page
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, oldest = self._pages.popitem(last=False)
                self._bytes -= len(oldest[2])

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0
