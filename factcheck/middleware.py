"""Middleware of our own."""

from __future__ import annotations

import ipaddress

from django.http import HttpResponseForbidden


class LoopbackOnlyMiddleware:
    """The local settings (DEBUG pages, a public secret key) answer only clients on this machine: served on
    a network interface by mistake, they refuse everyone else instead of showing debug pages and settings.
    Run anything reachable from elsewhere with factcheck.settings.production."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            loopback = ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            return HttpResponseForbidden(
                "These are the local development settings: they answer only on 127.0.0.1. "
                "Use DJANGO_SETTINGS_MODULE=factcheck.settings.production to serve others.",
                content_type="text/plain",
            )
        return self.get_response(request)
