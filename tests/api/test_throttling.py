"""Anonymous and signed-in clients are rate-limited separately; the limit answers 429 in the error shape."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "anon": "3/minute",
            "user": "5/minute",
            "match_anon": "3/minute",
            "match_user": "5/minute",
        },
    }
    yield
    cache.clear()


def _statuses(client, n):
    return [client.get("/api/v1/claims/").status_code for _ in range(n)]


def test_anonymous_clients_get_429_after_the_anonymous_rate(anon_client, low_rates):
    statuses = _statuses(anon_client, 4)

    assert statuses == [200, 200, 200, 429]
    error = anon_client.get("/api/v1/claims/").json()["error"]
    assert error["status"] == 429 and error["code"] == "throttled"
    assert "available in" in error["message"]


def test_signed_in_clients_have_their_own_higher_rate(anon_client, reviewer_client, low_rates):
    _statuses(anon_client, 4)

    assert _statuses(reviewer_client, 6) == [200] * 5 + [429]


@pytest.mark.integration
def test_on_redis_each_window_is_one_counter_that_expires_with_the_window(integration_services, settings):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    from factcheck.api_throttling import _count_hit

    redis_cache = caches["default"]
    assert isinstance(redis_cache, RedisCache)
    redis_cache.delete("throttle:test:window")
    assert [_count_hit("throttle:test:window", 61) for _ in range(3)] == [1, 2, 3]
    client = redis_cache._cache.get_client(write=True)
    ttl = client.ttl(redis_cache.make_and_validate_key("throttle:test:window"))
    assert 0 < ttl <= 61  # set by the first hit, not pushed back by later ones
    assert _count_hit("throttle:test:other", 1) == 1
    import time

    time.sleep(2.1)
    assert _count_hit("throttle:test:other", 1) == 1  # the old window's counter is gone
