"""The one safe HTTP client for everything the service fetches (sources, providers' APIs, ingested articles).

    from sources.http import fetch, FetchError
    result = fetch("https://example.org/page", accept=HTML)   # -> FetchResult, or raises a FetchError

What it guarantees, whoever calls it:

* **SSRF guard.** The host is resolved here, every address it resolves to must be public
  (not private, loopback, link-local, multicast, reserved or unspecified, in any spelling:
  ``2130706433``, ``0x7f.1``, ``[::ffff:127.0.0.1]``, ``0.0.0.0``...), and the connection is made to
  the vetted address itself (the original host goes in the Host header and TLS SNI), so a DNS answer
  cannot change between the check and the connect. Redirects are followed by hand and every hop is
  checked again. ``FACTCHECK_HTTP_ALLOW_LOOPBACK`` (tests only) lets loopback through, nothing else:
  link-local (cloud metadata at 169.254.169.254) and private networks stay refused.
* **Limits.** Connect and read timeouts plus an overall deadline, a maximum body size (checked on the
  Content-Length and again while streaming the decoded body), a redirect limit, a content-type check.
* **Manners.** A proper User-Agent, robots.txt (protego) for pages, and a per-domain interval kept in
  the Django cache, so with Redis it is shared by every worker process.

Errors are a small hierarchy under `FetchError`; `retryable` says whether trying later may help
(timeouts, connection failures, 5xx, 429 with its Retry-After).
"""

from __future__ import annotations

import email.utils
import hashlib
import ipaddress
import json
import logging
import socket
import ssl
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import certifi
import courlan
import httpx
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from protego import Protego

from factcheck.redaction import redact
from factcheck.validators import is_web_url  # noqa: F401  (part of this module's interface)

# httpx logs every request at INFO; under a worker's INFO level that is a formatted line per fetch
# repeating what the task's own log says. Its warnings still show.
logging.getLogger("httpx").setLevel(logging.WARNING)

HTML = ("text/html", "application/xhtml+xml")
JSON = ("application/json", "text/json", "application/javascript", "text/javascript")
TEXT = ("text/plain",)
ANY = None

ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_CACHE_SECONDS = 24 * 3600
ROBOTS_ERROR_CACHE_SECONDS = 600
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


# --- Errors ---------------------------------------------------------------------------------------------


class FetchError(Exception):
    """Something fetched could not be used. `message` is meant for people (logs, admin, API)."""

    retryable = False

    def __init__(self, message: str, *, url: str = ""):
        message = redact(message)  # URLs in messages may carry a provider key (`?key=`)
        super().__init__(message)
        self.message = message
        self.url = redact(url)


class InvalidURL(FetchError):
    """Not an http(s) URL we can fetch (no host, credentials in it, another scheme)."""


class BlockedAddress(InvalidURL):
    """The host resolves to an address the service must not reach (private, loopback, link-local...)."""


class RobotsDisallowed(FetchError):
    """The site's robots.txt asks bots like ours not to fetch this URL."""


class TooManyRedirects(FetchError):
    pass


class TooLarge(FetchError):
    pass


class BadContentType(FetchError):
    def __init__(self, message: str, *, url: str = "", content_type: str = ""):
        super().__init__(message, url=url)
        self.content_type = content_type


class MalformedResponse(FetchError):
    """The body is not what the provider documents (e.g. JSON that does not parse)."""


class FetchTimeout(FetchError):
    retryable = True


class ConnectionFailed(FetchError):
    retryable = True


class NoNetwork(ConnectionFailed):
    """The machine is offline (no name server answers, no route out): every fetch fails the same way.
    Retryable, as networks come back; fetchers let it through once rather than per page."""


class HostNotFound(ConnectionFailed):
    """The name does not exist (the network works: another name resolves). Retrying will not help."""

    retryable = False


class HTTPStatusError(FetchError):
    """The server answered with a 4xx or 5xx status. 5xx and 429 are worth retrying."""

    def __init__(self, message: str, *, url: str = "", status: int, retry_after: float | None = None):
        super().__init__(message, url=url)
        self.status = status
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:  # type: ignore[override]
        return self.status == 429 or self.status >= 500


# --- Result ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content_type: str  # the media type alone, lower case: "text/html"
    charset: str | None
    body: bytes
    fetched_at: datetime
    redirects: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body decoded with the declared charset, else UTF-8, else best effort."""
        for encoding in filter(None, (self.charset, "utf-8")):
            try:
                return self.body.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
        return self.body.decode("utf-8", errors="replace")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    def json(self):
        try:
            return json.loads(self.text)
        except ValueError as exc:
            raise MalformedResponse(f"{self.final_url} did not return valid JSON: {exc}", url=self.final_url) from None


# --- Time budget -----------------------------------------------------------------------------------------

# Celery's thread pool (what the fetch worker runs) enforces no task time limit, so a task gives the
# client its budget and every request inside is cut short by it: a cooperative time limit.
_budget_deadline: ContextVar[float | None] = ContextVar("factcheck_http_deadline", default=None)


@contextmanager
def time_budget(seconds: float):
    """Every fetch inside the block fails with FetchTimeout once `seconds` have passed."""
    token = _budget_deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _budget_deadline.reset(token)


# --- Public helpers -------------------------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """The form a URL is stored under, so that one page is stored once (courlan: lower-case host,
    no fragment, sorted query, known tracking parameters removed)."""
    url = (url or "").strip()
    try:
        normalized = courlan.normalize_url(url, strict=False)
    except Exception:  # courlan raises assorted errors on junk; the caller validates separately
        return url
    return normalized.split("#", 1)[0]


def html_to_text(html: str, *, url: str | None = None) -> str:
    """The readable text of an HTML page (trafilatura), falling back to all visible text."""
    import trafilatura

    if not html or not html.strip():
        return ""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        text = trafilatura.html2txt(html) or ""
    return text.strip()


def check_url(url: str) -> None:
    """Raise InvalidURL / BlockedAddress if `url` may not be fetched; resolves DNS. For validating input early."""
    _vet(url, allow_loopback=settings.FACTCHECK_HTTP_ALLOW_LOOPBACK)


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] | None = HTML,
    max_bytes: int | None = None,
    params: dict | None = None,
    headers: dict | None = None,
    respect_robots: bool | None = None,
) -> FetchResult:
    """GET `url` within every limit above; return the final response or raise a FetchError.

    `accept`: acceptable media types ("text/*" style wildcards work); None accepts anything.
    `respect_robots`: default is the setting; providers' documented APIs pass False (robots.txt
    is addressed to crawlers, and e.g. Wikipedia disallows /w/ while documenting /w/api.php for bots).
    """
    if params:
        try:
            url = str(httpx.URL(url).copy_merge_params(params))
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise InvalidURL(f"Not a valid URL: {url!r} ({exc}).", url=url) from None
    if respect_robots is None:
        respect_robots = settings.FACTCHECK_HTTP_RESPECT_ROBOTS
    return _fetch(
        url,
        accept=accept,
        max_bytes=max_bytes or settings.FACTCHECK_HTTP_MAX_BYTES,
        extra_headers=headers or {},
        respect_robots=respect_robots,
    )


def post(
    url: str, *, body: bytes, headers: dict | None = None, timeout: float = 10.0, max_response_bytes: int = 65536
) -> int:
    """POST `body` once (webhooks): vetted like every fetch, no redirects followed, bounded time and
    response size. Returns the 2xx status; raises a FetchError (HTTPStatusError for any other status,
    a redirect included) whose `retryable` says whether a later attempt may help."""
    target = _vet(url, allow_loopback=settings.FACTCHECK_HTTP_ALLOW_LOOPBACK)
    client = _http_client()
    request = _pinned_request(
        client, "POST", target, headers=headers or {}, timeout=httpx.Timeout(timeout), content=body
    )
    response = _send(client, request, target=target, url=url)
    try:
        read = 0
        for chunk in response.iter_bytes():  # drain a little, never more than the limit
            read += len(chunk)
            if read > max_response_bytes:
                break
    except httpx.HTTPError:
        pass
    finally:
        response.close()
    status = response.status_code
    if not 200 <= status < 300:
        kind = "redirected (redirects are not followed)" if 300 <= status < 400 else f"answered HTTP {status}"
        raise HTTPStatusError(
            f"{target.host} {kind}.",
            url=url,
            status=status,
            retry_after=_retry_after(response.headers.get("retry-after")),
        )
    return status


def request(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: dict | None = None,
    timeout: float = 15.0,
    max_response_bytes: int = 1024 * 1024,
) -> FetchResult:
    """One request of any method to a provider's API (PUT, DELETE, a POST whose answer is read), vetted
    like every fetch, no redirects followed, bounded time and response size.

    Returns the response whatever its status, so the caller can read the provider's own error body
    (Google's `{"error": {...}}`); `retryable_status()` says whether that status is worth retrying.
    Raises a FetchError only when there is no usable response: an invalid or blocked address, a
    timeout, a connection failure, or a body over `max_response_bytes`.
    """
    target = _vet(url, allow_loopback=settings.FACTCHECK_HTTP_ALLOW_LOOPBACK)
    client = _http_client()
    pinned = _pinned_request(
        client, method.upper(), target, headers=headers or {}, timeout=httpx.Timeout(timeout), content=body
    )
    deadline = time.monotonic() + 2 * timeout
    response = _send(client, pinned, target=target, url=url)
    try:
        body = _read_body(response, url=url, max_bytes=max_response_bytes, deadline=deadline)
    finally:
        response.close()
    media, charset = _media_type(response.headers.get("content-type", ""))
    return FetchResult(
        url=url,
        final_url=url,
        status=response.status_code,
        headers={k.lower(): v for k, v in response.headers.items()},
        content_type=media,
        charset=charset,
        body=body,
        fetched_at=timezone.now(),
    )


def retryable_status(status: int) -> bool:
    """Whether an answer with this status may succeed later (the rule HTTPStatusError.retryable applies)."""
    return status == 429 or status >= 500


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header (seconds or an HTTP date) as seconds from now, None when absent or unreadable."""
    return _retry_after(value)


# --- Internals ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str  # as written, lower case, IDNA-encoded, no brackets
    port: int
    address: str  # the vetted IP to connect to


def _is_forbidden(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, *, allow_loopback: bool) -> str | None:
    """Why this address may not be reached, or None."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            reason = _is_forbidden(embedded, allow_loopback=allow_loopback)
            if reason:
                return reason
        if ip.ipv4_mapped is not None:
            return None
    if ip.is_loopback:
        return None if allow_loopback else "a loopback address"
    for attribute, label in (
        ("is_unspecified", "the unspecified address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, attribute):
            return label
    if not ip.is_global:
        return "a non-public address"
    return None


def _vet(url: str, *, allow_loopback: bool) -> _Target:
    try:
        parts = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise InvalidURL(f"Not a valid URL: {url!r} ({exc}).", url=url) from None
    if parts.scheme not in ("http", "https"):
        raise InvalidURL(f"Only http and https URLs can be fetched, not {parts.scheme or 'this'!r}: {url}", url=url)
    if parts.userinfo:
        raise InvalidURL(f"URLs with a user name or password are not fetched: {url}", url=url)
    host = parts.raw_host.decode("ascii").rstrip(".").lower()  # IDNA-encoded: fit for DNS, Host and SNI
    if not host:
        raise InvalidURL(f"The URL has no host: {url!r}", url=url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise lookup_failure(host, exc, url=url) from None
    addresses = []
    for info in infos:
        raw = str(info[4][0]).split("%", 1)[0]  # an IPv4 or IPv6 address (typed str | int); drop an IPv6 zone id
        ip = ipaddress.ip_address(raw)
        reason = _is_forbidden(ip, allow_loopback=allow_loopback)
        if reason:
            # One bad answer taints the host: a resolver that mixes answers is an attack, not a mirror.
            raise BlockedAddress(f"Refused to fetch {url}: {host} resolves to {ip}, {reason}.", url=url)
        addresses.append(str(ip))
    if not addresses:
        raise HostNotFound(f"Could not look up {host}: it has no address.", url=url)
    # IPv4 first: many hosts (containers, this CI) resolve AAAA records they cannot route to.
    addresses.sort(key=lambda a: ":" in a)
    return _Target(url=str(parts), scheme=parts.scheme, host=host, port=port, address=addresses[0])


_ssl_context: ssl.SSLContext | None = None
_client: httpx.Client | None = None
_client_lock = threading.Lock()


def _http_client() -> httpx.Client:
    """One client per process, thread-safe. No keep-alive: a pooled connection is keyed by IP, and a
    TLS session made for one host must not carry another host's request."""
    global _client, _ssl_context
    with _client_lock:
        if _client is None:
            _ssl_context = ssl.create_default_context(cafile=certifi.where())
            _client = httpx.Client(
                verify=_ssl_context,
                trust_env=False,  # a proxy from the environment would connect by name, around the guard
                follow_redirects=False,
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=0),
            )
        return _client


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - timezone.now()).total_seconds())


def _media_type(header: str) -> tuple[str, str | None]:
    media, _, rest = (header or "").partition(";")
    charset = None
    for param in rest.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _accepted(media: str, accept: tuple[str, ...] | None) -> bool:
    if accept is None:
        return True
    for pattern in accept:
        if pattern == media or (pattern.endswith("/*") and media.startswith(pattern[:-1])):
            return True
    return False


def _wait_for_domain(host: str) -> None:
    """Keep FACTCHECK_HTTP_DOMAIN_INTERVAL between two requests to one host, across processes.

    A slot is a cache key added atomically (SET NX) that expires after the interval; whoever adds
    it may go. Redis gets millisecond expiry directly (Django's cache API rounds to whole seconds).
    """
    interval = settings.FACTCHECK_HTTP_DOMAIN_INTERVAL
    if interval <= 0:
        return
    key = f"factcheck:http:slot:{host}"
    redis_client = None
    backend = getattr(cache, "_cache", None)
    if backend is not None and hasattr(backend, "get_client"):  # django.core.cache.backends.redis
        redis_client = backend.get_client(key, write=True)
        key = cache.make_and_validate_key(key)
    budget = _budget_deadline.get()
    while True:
        if budget is not None and time.monotonic() > budget:
            raise FetchTimeout(f"The task's time budget ran out waiting for a turn at {host}.")
        if redis_client is not None:
            acquired = bool(redis_client.set(key, b"1", nx=True, px=max(1, int(interval * 1000))))
        else:
            acquired = cache.add(key, 1, timeout=interval)
        if acquired:
            return
        time.sleep(min(0.05, interval / 4))


def _robots_allows(target: _Target, *, allow_loopback: bool) -> bool:
    origin = f"{target.scheme}://{target.host}:{target.port}"
    key = "factcheck:robots:" + hashlib.sha256(origin.encode()).hexdigest()
    body = cache.get(key)
    if body is None:
        try:
            result = _fetch(
                f"{origin}/robots.txt",
                accept=None,
                max_bytes=ROBOTS_MAX_BYTES,
                extra_headers={},
                respect_robots=False,
            )
            body, ttl = result.text, ROBOTS_CACHE_SECONDS
        except HTTPStatusError as exc:
            # 4xx: no robots.txt, everything allowed. 5xx: the site is unwell; allow, ask again soon.
            body, ttl = "", (ROBOTS_CACHE_SECONDS if exc.status < 500 else ROBOTS_ERROR_CACHE_SECONDS)
        except FetchError:
            body, ttl = "", ROBOTS_ERROR_CACHE_SECONDS
        cache.set(key, body, ttl)
    if not body.strip():
        return True
    return Protego.parse(body).can_fetch(target.url, settings.FACTCHECK_HTTP_USER_AGENT)


def _fetch(url: str, *, accept, max_bytes: int, extra_headers: dict, respect_robots: bool) -> FetchResult:
    allow_loopback = settings.FACTCHECK_HTTP_ALLOW_LOOPBACK
    connect_timeout = settings.FACTCHECK_HTTP_CONNECT_TIMEOUT
    read_timeout = settings.FACTCHECK_HTTP_READ_TIMEOUT
    deadline = time.monotonic() + connect_timeout + 2 * read_timeout
    budget = _budget_deadline.get()
    if budget is not None:
        if budget - time.monotonic() <= 0:
            raise FetchTimeout(f"The task's time budget ran out before fetching {url}.", url=url)
        deadline = min(deadline, budget)
        remaining = budget - time.monotonic()
        connect_timeout, read_timeout = min(connect_timeout, remaining), min(read_timeout, remaining)
    timeout = httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout)
    client = _http_client()
    requested, redirects = url, []

    for _hop in range(settings.FACTCHECK_HTTP_MAX_REDIRECTS + 1):
        target = _vet(url, allow_loopback=allow_loopback)
        if respect_robots and not _robots_allows(target, allow_loopback=allow_loopback):
            raise RobotsDisallowed(f"{target.host}'s robots.txt does not allow fetching {url}.", url=url)
        _wait_for_domain(target.host)

        request = _pinned_request(
            client,
            "GET",
            target,
            headers={
                "Accept": ", ".join(accept) + ", */*;q=0.1" if accept else "*/*",
                "Accept-Encoding": "gzip, deflate",
                **extra_headers,
            },
            timeout=timeout,
        )
        response = _send(client, request, target=target, url=url)

        try:
            if response.status_code in REDIRECT_STATUSES and response.headers.get("location"):
                location = urljoin(target.url, response.headers["location"])
                redirects.append(location)
                url = location
                continue
            return _read(response, requested=requested, url=url, accept=accept, max_bytes=max_bytes,
                         deadline=deadline, redirects=redirects)  # fmt: skip
        finally:
            response.close()

    raise TooManyRedirects(
        f"{requested} redirected more than {settings.FACTCHECK_HTTP_MAX_REDIRECTS} times.", url=requested
    )


def _send(client: httpx.Client, request: httpx.Request, *, target: _Target, url: str) -> httpx.Response:
    """Send a pinned request, streaming; transport failures become FetchTimeout / ConnectionFailed."""
    try:
        return client.send(request, stream=True)
    except httpx.TimeoutException:
        raise FetchTimeout(f"{target.host} did not answer {url} in time.", url=url) from None
    except httpx.HTTPError as exc:
        raise transport_failure(exc, host=target.host, url=url, doing="connect to") from None


def _pinned_request(client: httpx.Client, method: str, target: _Target, *, headers: dict, timeout, content=None):
    """A request to the vetted address itself; the original host goes in the Host header and TLS SNI."""
    default_port = 443 if target.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    host_header = host if target.port == default_port else f"{host}:{target.port}"
    return client.build_request(
        method,
        httpx.URL(target.url).copy_with(host=target.address, port=target.port),
        content=content,
        headers={"User-Agent": settings.FACTCHECK_HTTP_USER_AGENT, **headers, "Host": host_header},
        timeout=timeout,
        extensions={"sni_hostname": target.host} if target.scheme == "https" else {},
    )


def _read(response: httpx.Response, *, requested, url, accept, max_bytes, deadline, redirects) -> FetchResult:
    status = response.status_code
    if status >= 400:
        retry_after = _retry_after(response.headers.get("retry-after"))
        raise HTTPStatusError(
            f"{url} answered HTTP {status}"
            + (f" (retry after {retry_after:.0f}s)" if retry_after is not None else "")
            + ".",
            url=url,
            status=status,
            retry_after=retry_after,
        )
    media, charset = _media_type(response.headers.get("content-type", ""))
    if not _accepted(media, accept):
        raise BadContentType(
            f"{url} is {media or 'of no declared type'}, expected {' or '.join(accept)}.",
            url=url,
            content_type=media,
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"{url} is {int(declared)} bytes, more than the limit of {max_bytes}.", url=url)
    body = _read_body(response, url=url, max_bytes=max_bytes, deadline=deadline)
    return FetchResult(
        url=requested,
        final_url=url,
        status=status,
        headers={k.lower(): v for k, v in response.headers.items()},
        content_type=media,
        charset=charset,
        body=body,
        fetched_at=timezone.now(),
        redirects=redirects,
    )


def _read_body(response: httpx.Response, *, url: str, max_bytes: int, deadline: float) -> bytes:
    """The decoded body, stopped at `max_bytes` and at `deadline`; read failures become FetchErrors."""
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise TooLarge(f"{url} is larger than the limit of {max_bytes} bytes.", url=url)
            if time.monotonic() > deadline:
                raise FetchTimeout(f"{url} took too long to send its body.", url=url)
            chunks.append(chunk)
    except httpx.TimeoutException:
        raise FetchTimeout(f"{url} stopped sending its body.", url=url) from None
    except httpx.DecodingError as exc:
        raise MalformedResponse(f"{url} sent a body that cannot be decoded: {exc}", url=url) from None
    except httpx.HTTPError as exc:
        raise transport_failure(exc, host=urlsplit(url).hostname or url, url=url, doing="read from") from None
    return b"".join(chunks)


# --- Failures worded for people -----------------------------------------------------------------------
# Socket errors arrive as "[Errno -2] Name or service not known"; editors and the fetch status read a
# sentence instead: "Could not look up www.example.com: no network."

_LOOKUP_OFFLINE = {getattr(socket, name) for name in ("EAI_AGAIN", "EAI_FAIL") if hasattr(socket, name)}
_LOOKUP_NO_NAME = {
    getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA", "EAI_ADDRFAMILY") if hasattr(socket, name)
}
_SOCKET_REASONS = {
    "ECONNREFUSED": "the connection was refused",
    "ECONNRESET": "the connection was reset",
    "ECONNABORTED": "the connection was aborted",
    "ENETUNREACH": "no network",
    "ENETDOWN": "no network",
    "EHOSTUNREACH": "the host cannot be reached",
    "EPIPE": "the connection was closed",
}
_network_checked: dict[str, tuple[float, bool]] = {}


def network_available() -> bool:
    """Whether a name resolves at all (settings.FACTCHECK_HTTP_PROBE_HOST), checked at most once a minute:
    a name that cannot be looked up means no such host when this works, no network when it does not."""
    host = getattr(settings, "FACTCHECK_HTTP_PROBE_HOST", "") or ""
    if not host:
        return True
    checked_at, available = _network_checked.get(host, (0.0, True))
    if time.monotonic() - checked_at < 60:
        return available
    try:
        socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
        available = True
    except (OSError, UnicodeError):
        available = False
    _network_checked[host] = (time.monotonic(), available)
    return available


def lookup_failure(host: str, exc: BaseException, *, url: str = "") -> FetchError:
    """The FetchError for a host name that could not be resolved, worded as a sentence."""
    errno = getattr(exc, "errno", None)
    if isinstance(exc, UnicodeError):
        return InvalidURL(f"Could not look up {host}: the name is not valid.", url=url)
    if errno in _LOOKUP_OFFLINE or (errno in _LOOKUP_NO_NAME and not network_available()):
        return NoNetwork(f"Could not look up {host}: no network.", url=url)
    if errno in _LOOKUP_NO_NAME:
        return HostNotFound(f"Could not look up {host}: there is no such host.", url=url)
    return ConnectionFailed(f"Could not look up {host}: {_reason(exc)}.", url=url)


def _reason(exc: BaseException) -> str:
    """A short phrase for a low-level failure, from the innermost OSError when there is one."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return f"its certificate could not be verified ({current.verify_message or current.reason})"
        if isinstance(current, ssl.SSLError):
            return f"the secure connection failed ({current.reason or current.__class__.__name__})"
        errno = getattr(current, "errno", None)
        if isinstance(errno, int) and errno > 0:
            import errno as errnos

            name = errnos.errorcode.get(errno, "")
            if name in _SOCKET_REASONS:
                return _SOCKET_REASONS[name]
            return (getattr(current, "strerror", None) or name or "a network error").rstrip(".").lower()
        current = (
            current.__cause__
            or current.__context__
            or (current.args[0] if current.args and isinstance(current.args[0], BaseException) else None)
        )
    text = str(exc).strip()
    text = text.split("] ", 1)[1] if text.startswith("[Errno") and "] " in text else text
    return (text or exc.__class__.__name__).rstrip(".")


def transport_failure(exc: BaseException, *, host: str, url: str, doing: str) -> FetchError:
    reason = _reason(exc)
    if reason == "no network":
        return NoNetwork(f"Could not {doing} {host}: no network.", url=url)
    return ConnectionFailed(f"Could not {doing} {host}: {reason}.", url=url)


def host_of(url: str) -> str:
    """The lower-case host of a URL, '' when there is none (or the URL does not parse, e.g. an unclosed "[")."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
