"""What a public page is, its validators under a generation, and its stored form.

Shared by the WSGI fast path and the middleware, so that both answer a request with the same ETag, the same 304 and
the same stored bytes.
"""

from __future__ import annotations

import functools
import hashlib
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, get_resolver
from django.utils.http import http_date, parse_etags, parse_http_date_safe

# The public reads, by URL name (claims/api/urls.py, factcheck/urls.py). Only what a publication, unpublication or
# correction changes belongs here (a public page showing notes or drafts would be wrong anyway).
CACHED_URL_NAMES = frozenset(
    {
        "verdict-list",
        "verdict-detail",
        "verdict-claimreview",
        "claimreview-feed",
        "claim-list",
        "claim-detail",
        "claim-public",
        "public-index",
        "verdict-feed",
    }
)
# The headers a stored page keeps: those set by the view and the middlewares after PublicCacheMiddleware. The ones the
# middlewares before it add (security headers, the CSP) are added to every answer, stored or not, on the way out.
HEADERS_KEPT = ("Content-Type", "Content-Language", "Link", "Vary", "X-Content-Type-Options", "Referrer-Policy",
                "Cross-Origin-Opener-Policy", "X-Frame-Options", "Content-Security-Policy", "Allow")  # fmt: skip

# A stored page is ready to send: its status, its headers (Content-Length included) and its body.
StoredPage = tuple[int, list[tuple[str, str]], bytes]


def cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.FACTCHECK_PUBLIC_CACHE
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and _url_name(settings.ROOT_URLCONF, request.path_info) in CACHED_URL_NAMES
    )


@functools.lru_cache(maxsize=4096)
def _url_name(urlconf: str, path_info: str) -> str | None:
    """resolve() once per path: the URLconf does not change while the process runs (tests that swap it change the
    key). Bounded, so a crawler's endless distinct paths cost at most what resolve() cost before."""
    try:
        return get_resolver(urlconf).resolve(path_info).url_name
    except Resolver404:
        return None


@dataclass(frozen=True, slots=True)
class Validators:
    """A public page's cache key, ETag and Last-Modified under the current generation and time bucket."""

    key: str
    etag: str
    last_modified: int  # seconds since the epoch
    headers: tuple[tuple[str, str], ...]  # ETag, Last-Modified, Cache-Control: sent with a 200 and with a 304

    @classmethod
    def of(cls, request: HttpRequest, generation: tuple[int, datetime]) -> Validators:
        number, changed_at = generation
        lifetime = settings.FACTCHECK_PUBLIC_CACHE_SECONDS
        bucket = int(time.time() // lifetime)
        meta = request.META
        variant = "\n".join((request.get_full_path(), meta.get("HTTP_ACCEPT", ""), meta.get("HTTP_HOST", "")))
        digest = hashlib.sha256(variant.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        etag = f'W/"{number}.{bucket}.{digest}"'
        last_modified = max(int(changed_at.timestamp()), bucket * lifetime)
        max_age = settings.FACTCHECK_PUBLIC_MAX_AGE
        # no-cache: a browser or CDN may keep the page but asks again (a cheap 304) before every use.
        cache_control = f"public, max-age={max_age}" if max_age else "public, no-cache"
        headers = (("ETag", etag), ("Last-Modified", _http_date(last_modified)), ("Cache-Control", cache_control))
        return cls(f"public-page:{number}:{bucket}:{digest}", etag, last_modified, headers)

    def not_modified(self, request: HttpRequest) -> bool:
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match:  # RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison
            wanted = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
            return "*" in wanted or self.etag.removeprefix("W/") in wanted
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        return since is not None and self.last_modified <= since


@functools.lru_cache(maxsize=64)
def _http_date(seconds: int) -> str:
    return http_date(seconds)


def stored_page(response: HttpResponse) -> StoredPage | None:
    """What a rendered response keeps in the cache, or None when it must not be shared (an error, a stream, a
    cookie such as the browsable API's CSRF token)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    content = response.content
    headers = [(name, response[name]) for name in HEADERS_KEPT if response.has_header(name)]
    headers.append(("Content-Length", str(len(content))))
    return response.status_code, headers, content
