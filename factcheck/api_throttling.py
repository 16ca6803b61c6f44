"""Rate limits: one throttle per request, at the anonymous or the signed-in rate.

DRF's AnonRateThrottle and UserRateThrottle side by side both run for every anonymous
request (UserRateThrottle falls back to the client address), costing two cache round trips
each; this class picks the scope first and costs one read and one write.
"""

from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class AnonOrUserRateThrottle(SimpleRateThrottle):
    def allow_request(self, request, view):
        self.scope = "user" if request.user and request.user.is_authenticated else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_rate(self):
        # Read at request time (DRF's class attribute is frozen at import, missing settings changes).
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"No default throttle rate set for {self.scope!r} scope") from None

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = request.user.pk
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def __init__(self):  # the rate depends on the request: parsed in allow_request
        pass
