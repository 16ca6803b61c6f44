"""The public cache inside Django's middleware chain: answers what the WSGI fast path left to Django (a miss, a
process where the fast path is off, the test client) and fills the cache."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified

from .generation import current_generation
from .pages import Validators, cacheable, stored_page


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable(request):
            return self.get_response(request)
        validators = Validators.of(request, current_generation())
        if validators.not_modified(request):
            response: HttpResponse = HttpResponseNotModified()
        else:
            stored = cache.get(validators.key)
            if stored is not None:
                status, headers, content = stored
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
            else:
                response = self.get_response(request)
                stored = stored_page(response)
                if stored is None:
                    return response
                cache.set(validators.key, stored, timeout=settings.FACTCHECK_PUBLIC_CACHE_SECONDS)
        for name, value in validators.headers:
            response[name] = value
        return response
