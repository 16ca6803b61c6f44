"""Google Fact Check Tools, ClaimReview read/write ("Pages") API: our ClaimReview as Google's
ClaimReviewMarkupPage, and the four calls the sync needs.

    POST   {base}/v1alpha1/pages           pages.create  -> the page, with `name` (pages/{id}) and `versionId`
    PUT    {base}/v1alpha1/{name}          pages.update  (a full update; the body quotes name and versionId)
    DELETE {base}/v1alpha1/{name}          pages.delete  -> {}
    GET    {base}/v1alpha1/pages?url=...   pages.list    -> {"claimReviewMarkupPages": [at most one page]}

Auth is OAuth 2.0 with the `factchecktools` scope: google-auth mints the access token from a
service-account JSON file (its `token_uri` says where to exchange the signed assertion), and the
account must be a user of the site in Search Console. Every request, the token exchange included,
goes through the one safe HTTP client (sources.http).

`markup_page` is pure (a ClaimReview dict in, a dict out); the rest is I/O.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass

SCOPE = "https://www.googleapis.com/auth/factchecktools"
API_TIMEOUT_SECONDS = 15.0
MAX_RESPONSE_BYTES = 1024 * 1024
_PAGE_NAME = re.compile(r"^pages/[A-Za-z0-9_\-.~%]+$")


# --- The body: pure ------------------------------------------------------------------------------


def _date(value: str | None) -> str | None:
    """The calendar date of an ISO 8601 timestamp ("2022-07-13T09:00:00+00:00" -> "2022-07-13")."""
    return value[:10] if value else None


def markup_page(review: dict, *, author_image_url: str = "") -> dict:
    """The ClaimReviewMarkupPage of one ClaimReview (claims.claimreview's output), without name or versionId.

    Google's field for each of ours: pageUrl and every markup's url = our `url`; publishDate =
    `datePublished`; claimReviewAuthor = `author`; claimReviewed; claimDate = the claim's
    `datePublished`; claimAppearances and claimFirstAppearance = the appearances' URLs; claimAuthor =
    the claim's `author`; rating.textualRating = `reviewRating.alternateName`, with the numeric
    rating and its scale only when ours has them (a rating off the scale is published by name).
    """
    claim = review.get("itemReviewed") or {}
    rating_in = review.get("reviewRating") or {}
    rating: dict = {"textualRating": rating_in.get("alternateName", "")}
    for key in ("ratingValue", "bestRating", "worstRating"):
        if rating_in.get(key) is not None:
            rating[key] = rating_in[key]
    markup: dict = {"claimReviewed": review.get("claimReviewed", ""), "url": review["url"], "rating": rating}
    if claim.get("datePublished"):
        markup["claimDate"] = _date(claim["datePublished"])
    appearances = [work["url"] for work in claim.get("appearance") or [] if work.get("url")]
    if appearances:
        markup["claimAppearances"] = appearances
    if (claim.get("firstAppearance") or {}).get("url"):
        markup["claimFirstAppearance"] = claim["firstAppearance"]["url"]
    if (claim.get("author") or {}).get("name"):
        markup["claimAuthor"] = {"name": claim["author"]["name"]}
    author = {"name": (review.get("author") or {}).get("name", "")}
    if author_image_url:
        author["imageUrl"] = author_image_url
    return {
        "pageUrl": review["url"],
        "publishDate": _date(review.get("datePublished")),
        "claimReviewAuthor": author,
        "claimReviewMarkups": [markup],
    }


# --- Errors -------------------------------------------------------------------------------------


class GoogleFactCheckError(Exception):
    """A call failed; `retryable` says whether a later attempt may succeed. `message` is for people."""

    def __init__(self, message: str, *, retryable: bool, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.status = status
        self.retry_after = retry_after


# --- Credentials ----------------------------------------------------------------------------------

_credentials_lock = threading.Lock()
_credentials_cache: dict[tuple[str, float], object] = {}


def _transport():
    """google-auth's transport interface over the safe client, so the token exchange obeys its limits too."""
    from google.auth import exceptions, transport

    from sources import http as safe_http

    class _Response(transport.Response):
        def __init__(self, result):
            self._result = result

        status = property(lambda self: self._result.status)
        headers = property(lambda self: self._result.headers)
        data = property(lambda self: self._result.body)

    class _SafeRequest(transport.Request):
        def __call__(self, url, method="GET", body=None, headers=None, timeout=None, **kwargs):
            try:
                result = safe_http.request(
                    method, url, body=body, headers=dict(headers or {}), timeout=timeout or API_TIMEOUT_SECONDS,
                    max_response_bytes=MAX_RESPONSE_BYTES,
                )  # fmt: skip
            except safe_http.FetchError as exc:
                raise exceptions.TransportError(exc.message, retryable=exc.retryable) from None
            return _Response(result)

    return _SafeRequest()


def access_token(credentials_file: str) -> str:
    """A valid access token for the service account in `credentials_file`, refreshed when it expires.

    The credentials are kept per process (and per file version: a replaced file is read again).
    Raises GoogleFactCheckError: not retryable when the file cannot be used, retryable when the
    token endpoint could not be reached or says to try again.
    """
    import os

    from google.auth import exceptions
    from google.oauth2 import service_account

    try:
        key = (credentials_file, os.stat(credentials_file).st_mtime)
    except OSError as exc:
        raise GoogleFactCheckError(
            f"The Google credentials file {credentials_file} cannot be read: {exc.strerror or exc}.", retryable=False
        ) from None
    with _credentials_lock:
        credentials = _credentials_cache.get(key)
        if credentials is None:
            try:
                credentials = service_account.Credentials.from_service_account_file(credentials_file, scopes=[SCOPE])
            except (ValueError, KeyError, exceptions.GoogleAuthError) as exc:
                raise GoogleFactCheckError(
                    f"The Google credentials file {credentials_file} is not a usable service-account key: {exc}",
                    retryable=False,
                ) from None
            _credentials_cache.clear()
            _credentials_cache[key] = credentials
        if not credentials.valid:
            try:
                credentials.refresh(_transport())
            except exceptions.TransportError as exc:  # from _SafeRequest: a blocked address is final, a timeout is not
                raise GoogleFactCheckError(
                    f"Google's token endpoint could not be reached: {exc}", retryable=exc.retryable
                ) from None
            except exceptions.GoogleAuthError as exc:  # RefreshError: refused, or an answer that is not a token
                raise GoogleFactCheckError(
                    f"Google refused the service account's token request: {exc}", retryable=bool(exc.retryable)
                ) from None
        return credentials.token


def forget_credentials() -> None:
    """Drop the cached credentials (a 401 means the token was revoked; the next call mints another)."""
    with _credentials_lock:
        _credentials_cache.clear()


# --- Calls ----------------------------------------------------------------------------------------


def _error_message(result) -> str:
    """Google's own words when the body is its error shape ({"error": {"code", "message", "status"}})."""
    try:
        error = json.loads(result.body)["error"]
        return f"{error.get('status') or error.get('code')}: {error.get('message', '')}".strip()
    except (ValueError, KeyError, TypeError, AttributeError):
        return result.body[:200].decode("utf-8", errors="replace").strip()


def _call(method: str, path: str, *, api_url: str, credentials_file: str, body: dict | None = None,
          params: dict | None = None) -> tuple[int, dict]:  # fmt: skip
    """One authorised call; returns (status, JSON body) for a 2xx or a 404, raises GoogleFactCheckError otherwise."""
    import httpx

    from sources import http as safe_http

    url = f"{api_url.rstrip('/')}/v1alpha1/{path}"
    if params:
        url = str(httpx.URL(url).copy_merge_params(params))
    headers = {"Authorization": f"Bearer {access_token(credentials_file)}", "Accept": "application/json"}
    content = None
    if body is not None:
        headers["Content-Type"] = "application/json; charset=utf-8"
        content = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    try:
        result = safe_http.request(
            method,
            url,
            body=content,
            headers=headers,
            timeout=API_TIMEOUT_SECONDS,
            max_response_bytes=MAX_RESPONSE_BYTES,
        )
    except safe_http.FetchError as exc:  # blocked or invalid URL: final; timeout or connection: retry
        raise GoogleFactCheckError(exc.message, retryable=exc.retryable) from None
    status = result.status
    if status == 404:
        return status, {}
    if not 200 <= status < 300:
        if status == 401:
            forget_credentials()
        raise GoogleFactCheckError(
            f"Google Fact Check Tools answered {method} {path} with HTTP {status}: {_error_message(result)}",
            retryable=safe_http.retryable_status(status) or status in (401, 408),
            status=status,
            retry_after=safe_http.retry_after_seconds(result.headers.get("retry-after")),
        )
    try:
        data = json.loads(result.body or b"{}")
    except ValueError:
        raise GoogleFactCheckError(f"Google answered {method} {path} with a body that is not JSON.", retryable=True,
                                   status=status) from None  # fmt: skip
    if not isinstance(data, dict):
        raise GoogleFactCheckError(f"Google answered {method} {path} with JSON that is not an object.", retryable=False)
    return status, data


def _checked_page(data: dict, what: str) -> dict:
    name = data.get("name", "")
    if not _PAGE_NAME.match(name or ""):
        raise GoogleFactCheckError(f"Google's answer to {what} has no valid page name ({name!r}).", retryable=False)
    return data


@dataclass(frozen=True)
class PagesClient:
    """The Pages API at `api_url`, authorised by the service account in `credentials_file`."""

    api_url: str
    credentials_file: str

    def _call(self, method, path, **kwargs):
        return _call(method, path, api_url=self.api_url, credentials_file=self.credentials_file, **kwargs)

    def find(self, page_url: str) -> dict | None:
        """The page that already holds markup for `page_url` (pages.list by URL), or None."""
        _status, data = self._call("GET", "pages", params={"url": page_url})
        pages = data.get("claimReviewMarkupPages") or []
        return _checked_page(pages[0], "pages.list") if pages else None

    def create(self, body: dict) -> dict:
        status, data = self._call("POST", "pages", body=body)
        if status == 404:
            raise GoogleFactCheckError("Google answered pages.create with HTTP 404.", retryable=False, status=404)
        return _checked_page(data, "pages.create")

    def update(self, name: str, version_id: str, body: dict) -> dict | None:
        """A full update quoting the version we were given; None when Google no longer has the page."""
        if not _PAGE_NAME.match(name):
            raise GoogleFactCheckError(f"Not a Google page name: {name!r}.", retryable=False)
        full = {**body, "name": name}
        if version_id:
            full["versionId"] = version_id
        status, data = self._call("PUT", name, body=full)
        return None if status == 404 else _checked_page(data, "pages.update")

    def delete(self, name: str) -> None:
        """Delete the page's markup; a page Google no longer has counts as deleted."""
        if not _PAGE_NAME.match(name):
            raise GoogleFactCheckError(f"Not a Google page name: {name!r}.", retryable=False)
        self._call("DELETE", name)
