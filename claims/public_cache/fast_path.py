"""Anonymous 304s and cache hits of public pages, answered in front of Django's handler (factcheck/wsgi.py).

Through Django, a poll answered 304 paid for the handler, the middlewares before PublicCacheMiddleware, resolve(), an
ORM query and a `SELECT 1` health check: about 0.6 ms of CPU for three headers (bench/api.py). Here it costs a
WSGIRequest, one raw read of the generation (generation.py) and, for a hit, a lookup in this process's memory
(memory.py) before the shared cache; the answer is sent from the stored bytes and header list, with no HttpResponse
built. The request is the same WSGIRequest Django would build
and the validators and stored pages are the middleware's own (pages.py), so both paths give the same answer.

Everything else goes to Django unchanged: credentials, methods other than GET/HEAD, paths that are not public pages,
a miss (the middleware renders and stores the page), a redirect or a static file a middleware before the cache would
answer, an error. The headers the middlewares before the cache add to every response (HSTS, CSP,
X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener-Policy) are taken from those middlewares themselves,
once per process for http and for https; a setting listing a middleware before the cache that is not known here
turns the fast path off (factcheck.settings.local's LoopbackOnlyMiddleware does).
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from django.conf import settings
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from .generation import current_generation
from .memory import PageMemory
from .pages import StoredPage, Validators, cacheable

logger = logging.getLogger(__name__)

PUBLIC_CACHE_MIDDLEWARE = (
    "claims.public_cache.PublicCacheMiddleware",
    "claims.public_cache.middleware.PublicCacheMiddleware",
)

# What each middleware that may run before the public cache does to a public read, and how the fast path keeps it.
KNOWN_OUTER_MIDDLEWARE = {
    "django.middleware.security.SecurityMiddleware",  # redirect to https: left to Django; headers: added
    "factcheck.middleware.DatabaseBusyMiddleware",  # acts on a view's exception only
    "csp.middleware.CSPMiddleware",  # the policy header: added, except on the paths it excludes (left to Django)
    "whitenoise.middleware.WhiteNoiseMiddleware",  # answers static files: left to Django
}

Answer = tuple[str, list[tuple[str, str]], bytes]


class PublicReadsFastPath:
    def __init__(self, django_application: WSGIHandler):
        self.django_application = django_application
        self.outer = OuterMiddleware.configured()
        self.memory = PageMemory(settings.FACTCHECK_PUBLIC_CACHE_PROCESS_MB * 1024 * 1024)

    def __call__(self, environ, start_response):
        if self.outer is not None and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            answer = self.answer(environ)
            if answer is not None:
                status, headers, body = answer
                start_response(status, headers)
                return [body]
        return self.django_application(environ, start_response)

    def answer(self, environ) -> Answer | None:
        """The 304 or stored page for this request, or None for Django to answer it."""
        assert self.outer is not None
        request = WSGIRequest(environ)
        if not cacheable(request) or not self.outer.passes(request):
            return None
        # The database connection lives as under Django's handler (CONN_MAX_AGE; the health check, which the
        # generation read performs).
        signals.request_started.send(sender=type(self.django_application), environ=environ)
        try:
            return self._answer(request)
        except Exception:  # Django answers it, and reports the error if it is still there
            logger.warning("Public read left to Django after an error", exc_info=True)
            return None
        finally:
            signals.request_finished.send(sender=type(self.django_application))

    def _answer(self, request: WSGIRequest) -> Answer | None:
        validators = Validators.of(request, current_generation())
        if validators.not_modified(request):
            status, headers, body = "304 Not Modified", list(validators.headers), b""
        else:
            stored = self._stored(validators.key)
            if stored is None:
                return None
            code, kept, content = stored
            status = f"{code} {HTTPStatus(code).phrase}"
            headers = [*kept, *validators.headers]
            body = b"" if request.method == "HEAD" else content
        present = {name.lower() for name, _ in headers}
        headers += [(name, value) for name, value in self.outer.headers(request) if name.lower() not in present]
        return status, headers, body

    def _stored(self, key: str) -> StoredPage | None:
        stored = self.memory.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                self.memory.put(key, stored)
        return stored


class OuterMiddleware:
    """The middlewares settings.MIDDLEWARE runs before the public cache, as the fast path reproduces them."""

    def __init__(self, paths: list[str]):
        self.instances = [import_string(path)(_never_called) for path in paths]
        self.security = next((m for m in self.instances if hasattr(m, "redirect_exempt")), None)
        self.whitenoise = next((m for m in self.instances if hasattr(m, "static_prefix")), None)
        self.csp_excluded = tuple(
            prefix
            for policy in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
            for prefix in ((getattr(settings, policy, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())
        )
        self._headers: dict[bool, list[tuple[str, str]]] = {}

    @classmethod
    def configured(cls) -> OuterMiddleware | None:
        position = next((i for i, path in enumerate(settings.MIDDLEWARE) if path in PUBLIC_CACHE_MIDDLEWARE), None)
        if position is None:
            return None
        outer = settings.MIDDLEWARE[:position]
        unknown = [path for path in outer if path not in KNOWN_OUTER_MIDDLEWARE]
        if unknown:
            logger.info("Public read fast path off: %s run before the public cache", ", ".join(unknown))
            return None
        return cls(outer)

    def passes(self, request: HttpRequest) -> bool:
        """True when no middleware before the cache would answer the request itself or treat its path apart."""
        if self._redirects_to_https(request):
            return False
        if self.whitenoise is not None and self._static_file(request.path_info) is not None:
            return False
        return not request.path_info.startswith(self.csp_excluded)

    def _redirects_to_https(self, request: HttpRequest) -> bool:
        """SecurityMiddleware.process_request's test, on its own settings, without building the redirect (which
        validates the Host header and may raise)."""
        security = self.security
        if security is None or not security.redirect or request.is_secure():
            return False
        path = request.path.lstrip("/")
        return not any(pattern.search(path) for pattern in security.redirect_exempt)

    def _static_file(self, path: str):
        """The file WhiteNoise would serve at this path, looked up as it does."""
        assert self.whitenoise is not None
        if self.whitenoise.autorefresh:
            return self.whitenoise.find_file(path)
        return self.whitenoise.files.get(path)

    def headers(self, request: HttpRequest) -> list[tuple[str, str]]:
        """The headers these middlewares add to a response that has none, for http or for https (HSTS)."""
        secure = request.is_secure()
        if secure not in self._headers:
            probe = HttpResponse()
            del probe["Content-Type"]
            for middleware in reversed(self.instances):
                if hasattr(middleware, "process_response"):
                    probe = middleware.process_response(request, probe)
            self._headers[secure] = list(probe.items())
        return self._headers[secure]


def _never_called(request):
    raise AssertionError("the fast path runs these middlewares' request and response steps only")
