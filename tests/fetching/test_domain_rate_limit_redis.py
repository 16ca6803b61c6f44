"""The per-domain interval kept in Redis (the cache every worker process shares), millisecond precision."""

from __future__ import annotations

import threading
import time

import pytest

from sources import http

pytestmark = pytest.mark.integration


@pytest.fixture
def redis_cache(integration_services, settings):
    from django.core.cache import cache

    assert "RedisCache" in settings.CACHES["default"]["BACKEND"]
    cache.clear()
    yield cache
    cache.clear()


def test_concurrent_fetchers_of_one_domain_take_turns_through_redis(redis_cache, httpserver, settings):
    settings.FACTCHECK_HTTP_DOMAIN_INTERVAL = 0.3
    httpserver.expect_request("/p").respond_with_data("<p>x</p>", content_type="text/html")
    stamps: list[float] = []

    def one():
        http.fetch(httpserver.url_for("/p"))
        stamps.append(time.monotonic())

    threads = [threading.Thread(target=one) for _ in range(4)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(stamps) == 4
    assert time.monotonic() - started >= 0.9  # four requests, three intervals of 0.3 s
    gaps = [b - a for a, b in zip(sorted(stamps), sorted(stamps)[1:], strict=False)]
    assert min(gaps) >= 0.25


def test_the_slot_expires_in_milliseconds_not_whole_seconds(redis_cache, httpserver, settings):
    settings.FACTCHECK_HTTP_DOMAIN_INTERVAL = 0.25
    httpserver.expect_request("/p").respond_with_data("<p>x</p>", content_type="text/html")

    http.fetch(httpserver.url_for("/p"))

    key = redis_cache.make_and_validate_key("factcheck:http:slot:localhost")
    ttl_ms = redis_cache._cache.get_client(key).pttl(key)
    assert 0 < ttl_ms <= 250
