"""The task bench/fetching.py runs on a real worker: one fetch through the shipped client (optionally
with trafilatura text extraction, which is CPU work, not I/O). Loaded into the worker with
`--include bench.fetching_tasks`; not part of the service.

Like the service's fetch tasks it ignores Celery results (the service keeps state in ClaimFetch rows);
it reports to the benchmark by pushing the body length onto a Redis list.
"""

import redis
from celery import shared_task
from django.conf import settings

from sources import http

_redis = None


@shared_task(acks_late=True, ignore_result=True)
def bench_fetch(url: str, done_key: str, extract: bool = False) -> None:
    global _redis
    result = http.fetch(url, accept=http.HTML)
    size = len(http.html_to_text(result.text, url=result.final_url)) if extract else len(result.body)
    if _redis is None:
        _redis = redis.Redis.from_url(settings.REDIS_URL)
    _redis.rpush(done_key, size)
