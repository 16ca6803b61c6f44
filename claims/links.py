"""Public URLs of claims: the public claim page (ClaimReview's `url`, Atom links, Google's pageUrl, the API's
`public_url`), under FACTCHECK_PUBLIC_BASE_URL, and path templates for building many of them cheaply; and the
one rule for which source URLs public output may carry."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def path_template(name: str) -> str:
    """The path of URL `name` for an id, with "{}" where the id goes: `path_template("claim-public").format(7)`."""
    return _path_template(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@functools.lru_cache(maxsize=64)  # reverse() is costly and its answer only changes with the URLconf and prefix
def _path_template(name: str, urlconf, prefix: str) -> str:
    path = reverse(name, args=[0], urlconf=urlconf)
    return path[: path.rindex("/0/")] + "/{}/" + path[path.rindex("/0/") + 3 :]


def public_claim_url_template() -> str:
    """The public claim page's URL with "{}" where the claim id goes."""
    return settings.FACTCHECK_PUBLIC_BASE_URL.rstrip("/") + path_template("claim-public")


def public_claim_url(claim_id: int) -> str:
    return public_claim_url_template().format(claim_id)


def public_source_url(url: str | None) -> str | None:
    """A source's URL as public output may carry it: an http(s) URL, never one of our own admin pages (the
    internal fetcher cites an article that has no URL of its own by its admin page); None otherwise."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if parts.path.startswith(_admin_path(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())):
        return None
    return url


@functools.lru_cache(maxsize=8)
def _admin_path(urlconf, prefix: str) -> str:
    return reverse("admin:index", urlconf=urlconf)


def internal_article_url(article_id: int) -> str:
    """Where an editor can read one of our own articles (its admin page), as an absolute URL. Never public:
    public output drops such links (see the rule above)."""
    return settings.FACTCHECK_PUBLIC_BASE_URL.rstrip("/") + reverse("admin:claims_article_change", args=[article_id])
