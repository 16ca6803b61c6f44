"""Anonymous and signed-in clients are rate-limited separately; the limit answers 429 in the error shape."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(settings):
    cache.clear()
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"}}
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
