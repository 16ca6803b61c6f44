"""Middleware of our own."""

from __future__ import annotations

import ipaddress

from django.db import OperationalError
from django.http import HttpResponse, HttpResponseForbidden

DATABASE_BUSY_RETRY_AFTER = 5  # seconds


def database_busy(exc) -> bool:
    """SQLite answers a write while another holds the lock with "database is locked" (or, in a shared
    in-memory database, "database table is locked") once its busy timeout has passed."""
    return isinstance(exc, OperationalError) and "locked" in str(exc).lower()


class DatabaseBusyMiddleware:
    """A page (the admin, the public side) whose write waited too long for another writer answers 503 with
    Retry-After and a sentence saying nothing was saved, never a 500. The request's transaction was rolled back,
    so the same click succeeds once the other write is done. The API answers the same in its error shape
    (factcheck.api_errors)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_busy(exception):
            return None
        response = HttpResponse(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy, nothing saved</title></head>'
            "<body><h1>The database is busy with another write</h1><p>Nothing was saved. Go back and try again in a "
            "few seconds.</p></body></html>",
            status=503,
        )
        response["Retry-After"] = str(DATABASE_BUSY_RETRY_AFTER)
        return response


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
