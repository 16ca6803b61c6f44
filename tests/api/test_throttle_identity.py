"""The anonymous rate limit counts per real client: X-Forwarded-For is believed only through configured proxies,
and the expensive claim match has its own, tighter limit."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/hour", "user": "5/hour", "match_anon": "2/hour", "match_user": "4/hour"},
    }
    yield
    cache.clear()


def _get(client, **headers):
    return client.get("/api/v1/claims/", **headers).status_code


def test_a_new_forwarded_address_per_request_does_not_get_past_the_anonymous_limit(low_rates):
    client = APIClient(REMOTE_ADDR="203.0.113.7")
    statuses = [_get(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}") for n in range(5)]

    assert statuses == [200, 200, 200, 429, 429]


def test_each_real_peer_address_has_its_own_anonymous_limit(low_rates):
    first, second = APIClient(REMOTE_ADDR="203.0.113.7"), APIClient(REMOTE_ADDR="203.0.113.8")
    assert [_get(first) for _ in range(4)] == [200, 200, 200, 429]

    assert _get(second) == 200


def test_behind_one_configured_proxy_the_address_it_appended_is_the_client(low_rates, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = APIClient(REMOTE_ADDR="10.0.0.2")

    # The client forged the first entry; the proxy appended the address it saw last.
    forged = [_get(proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 198.51.100.9") for n in range(4)]
    assert forged == [200, 200, 200, 429]
    assert _get(proxy, HTTP_X_FORWARDED_FOR="198.51.100.10") == 200  # another client behind the same proxy


def test_a_forwarded_entry_that_is_not_an_address_counts_as_the_proxy_itself(low_rates, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = APIClient(REMOTE_ADDR="10.0.0.2")

    statuses = [_get(proxy, HTTP_X_FORWARDED_FOR=f"junk-{n}") for n in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_addresses_of_one_ipv6_network_share_a_limit(low_rates):
    statuses = [_get(APIClient(REMOTE_ADDR=f"2001:db8:1:2::{n:x}")) for n in range(1, 5)]

    assert statuses == [200, 200, 200, 429]
    assert _get(APIClient(REMOTE_ADDR="2001:db8:1:3::1")) == 200


def test_claim_match_has_its_own_tighter_anonymous_limit(low_rates, settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {**rates, "anon": "10/hour"}}
    client = APIClient(REMOTE_ADDR="203.0.113.20")
    statuses = [client.post("/api/v1/claims/match", {"text": "Rain fell on Tuesday."}, format="json").status_code
                for _ in range(3)]  # fmt: skip

    assert statuses == [200, 200, 429]
    error = client.post("/api/v1/claims/match", {"text": "Rain fell."}, format="json").json()["error"]
    assert error["code"] == "throttled"
    assert _get(client) == 200  # the cheap lists still answer


def test_signed_in_clients_have_a_higher_match_limit(low_rates, settings, reviewer):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {**rates, "user": "10/hour"}}
    client = APIClient(REMOTE_ADDR="203.0.113.21")
    client.force_authenticate(reviewer)
    statuses = [
        client.post("/api/v1/claims/match", {"text": "Rain fell."}, format="json").status_code for _ in range(5)
    ]

    assert statuses == [200, 200, 200, 200, 429]
