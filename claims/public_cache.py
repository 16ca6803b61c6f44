"""Anonymous reads of published work: conditional requests and a server-side cache that never serves a takedown.

Everything the public reads (the published-verdict list and detail, ClaimReview, the DataFeed, the Atom feed, the
public claim page, published claims) changes through an editor's publication, unpublication or correction. Those go
through `public_output_changed()`, which raises one number in the database inside the same transaction. Every public
response is validated and cached under that number:

- `ETag` and `Last-Modified` come from the number (and a time bucket, below) without running the view, so an
  aggregator's repeated poll costs one primary-key read and answers `304 Not Modified`;
- a full response is kept in Django's cache under the number; the first read after a publication misses and
  renders afresh, in every process, because the number is read from the database per request. A reader therefore
  never gets an unpublished verdict from the cache: the unpublication's commit changes the number the next request
  reads.

What changes without an editor (new evidence on a published claim, an outlet's name) is not worth a new number on
every background write; it shows within `FACTCHECK_PUBLIC_CACHE_SECONDS`, the life of a time bucket that is part of
every key and ETag.

Only anonymous GET/HEAD requests are served here: a request carrying credentials (an `Authorization` header or a
session cookie) may see unpublished rows and always reaches the view. A cached hit does not pass the API's throttle
(it costs less than the throttle's own bookkeeping).
"""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from .models import PublicationGeneration

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
_HEADERS_KEPT = ("Content-Type", "Content-Language", "Link", "Vary", "X-Content-Type-Options", "Referrer-Policy",
                 "Cross-Origin-Opener-Policy", "X-Frame-Options", "Content-Security-Policy", "Allow")  # fmt: skip
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def public_output_changed() -> None:
    """Call inside the transaction of any change to what the public reads; it takes effect when that commits."""
    now = timezone.now()
    if not PublicationGeneration.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now):
        row, created = PublicationGeneration.objects.get_or_create(pk=1, defaults={"number": 1, "changed_at": now})
        if not created:  # made by a concurrent first bump: count ours too
            PublicationGeneration.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now)


def current_generation() -> tuple[int, datetime]:
    row = PublicationGeneration.objects.filter(pk=1).values_list("number", "changed_at").first()
    return row if row else (0, _EPOCH)


def _anonymous(request: HttpRequest) -> bool:
    return "HTTP_AUTHORIZATION" not in request.META and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not settings.FACTCHECK_PUBLIC_CACHE or not _anonymous(request):
        return False
    try:
        return resolve(request.path_info).url_name in CACHED_URL_NAMES
    except Resolver404:
        return False


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable(request):
            return self.get_response(request)
        number, changed_at = current_generation()
        lifetime = settings.FACTCHECK_PUBLIC_CACHE_SECONDS
        bucket = int(time.time() // lifetime)
        variant = "\n".join(
            (request.get_full_path(), request.META.get("HTTP_ACCEPT", ""), request.META.get("HTTP_HOST", ""))
        )
        digest = hashlib.sha256(variant.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        etag = f'W/"{number}.{bucket}.{digest}"'
        last_modified = max(changed_at, datetime.fromtimestamp(bucket * lifetime, UTC))
        validators = {"ETag": etag, "Last-Modified": http_date(last_modified.timestamp()), **_cache_control()}

        if _not_modified(request, etag, last_modified):
            response = HttpResponseNotModified()
            for name, value in validators.items():
                response[name] = value
            return response

        key = f"public-page:{number}:{bucket}:{digest}"
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
        else:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            headers = [(name, response[name]) for name in _HEADERS_KEPT if response.has_header(name)]
            cache.set(key, (response.status_code, headers, response.content), timeout=lifetime)
        for name, value in validators.items():
            response[name] = value
        return response


def _cache_control() -> dict[str, str]:
    max_age = settings.FACTCHECK_PUBLIC_MAX_AGE
    # no-cache: a browser or CDN may keep the page but asks again (a cheap 304) before every use.
    return {"Cache-Control": f"public, max-age={max_age}" if max_age else "public, no-cache"}


def _not_modified(request: HttpRequest, etag: str, last_modified: datetime) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:  # RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison
        wanted = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(last_modified.timestamp()) <= since
