"""Rate limits: one fixed-window counter per client and request, at the anonymous or signed-in rate.

DRF's AnonRateThrottle and UserRateThrottle side by side both run for every anonymous request
(UserRateThrottle falls back to the client address), and each keeps a sliding log of timestamps
that is read and rewritten whole on every request: at 1200/minute that is a 1200-entry list
pickled through the cache per request. A counter per window costs one INCR (one Redis round
trip) and tolerates at most a burst of twice the rate across a window boundary. On Redis the
increment and the expiry are one Lua script (atomic, one command), run through a client made once
per cache connection rather than per request.

Who a client is: the peer address of the connection, unless `NUM_PROXIES` (API_NUM_PROXIES) says
that many proxies of ours stand in front; then the address the outermost of them appended to
X-Forwarded-For. Entries before it were written by the client and are never believed; an entry that
is not an IP address counts as the proxy's own. IPv6 clients are counted per /64 network, the
smallest block one subscriber is given, so cycling through its addresses does not help.
"""

from __future__ import annotations

import ipaddress
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

_DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/minute" -> (120, 60)."""
    try:
        count, period = rate.split("/")
        return int(count), _DURATIONS[period[0]]
    except (ValueError, KeyError, IndexError):
        raise ImproperlyConfigured(f"Throttle rate {rate!r} is not like '120/minute'.") from None


_INCR_WITH_EXPIRY = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


def _count_hit(key: str, timeout: int) -> int:
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        full_key = cache.make_and_validate_key(key)
        return int(_incr_script(cache)(keys=[full_key], args=[timeout]))
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        return 1


def _incr_script(cache: RedisCache):
    # Django's Redis cache builds a new client object for every call (a third of this throttle's
    # time); the script keeps the one it was registered on, so it is kept on the cache's connection.
    connection = cache._cache
    script = getattr(connection, "_factcheck_throttle_script", None)
    if script is None:
        script = connection.get_client(write=True).register_script(_INCR_WITH_EXPIRY)
        connection._factcheck_throttle_script = script
    return script


def client_ip(request) -> str:
    """The client's IP address (see the module docstring); also the address login lockouts count (AXES_CLIENT_IP_CALLABLE)."""
    peer = request.META.get("REMOTE_ADDR") or ""
    num_proxies = api_settings.NUM_PROXIES or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if num_proxies and forwarded:
        entries = [entry.strip() for entry in forwarded.split(",")]
        chosen = _ip(entries[-min(num_proxies, len(entries))])
        if chosen is not None:
            return str(chosen)
    return peer


def client_address(request) -> str:
    """What the rate limit counts: the client's IP, an IPv6 one as its /64 network."""
    address = _ip(client_ip(request))
    if address is None:
        return request.META.get("REMOTE_ADDR") or ""
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


class AnonOrUserRateThrottle(BaseThrottle):
    scope_anon, scope_user = "anon", "user"

    def allow_request(self, request, view):
        signed_in = bool(request.user and request.user.is_authenticated)
        scope = self.scope_user if signed_in else self.scope_anon
        try:
            rate = api_settings.DEFAULT_THROTTLE_RATES[scope]  # read now: settings may change (tests)
        except KeyError:
            raise ImproperlyConfigured(f"No default throttle rate set for {scope!r} scope") from None
        if rate is None:
            return True
        limit, duration = parse_rate(rate)
        now = time.time()
        window = int(now // duration)
        ident = request.user.pk if signed_in else client_address(request)
        count = _count_hit(f"throttle:{scope}:{ident}:{window}", duration + 1)
        self.wait_seconds = (window + 1) * duration - now
        return count <= limit

    def wait(self):
        return getattr(self, "wait_seconds", None)


class ClaimMatchRateThrottle(AnonOrUserRateThrottle):
    """Claim matching embeds the text and searches the index (about half a second of CPU a call): its own, tighter limit,
    counted beside the general one."""

    scope_anon, scope_user = "match_anon", "match_user"
