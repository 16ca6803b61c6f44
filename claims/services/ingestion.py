"""Articles in: by URL (fetched by a worker through the safe HTTP client) or as text/HTML, stored once
(sha256 of the cleaned text), their extraction enqueued after commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from django.db import transaction
from django.utils import timezone

from factcheck import enqueue
from factcheck.exceptions import DomainError, InvalidInput
from sources import http
from sources.http import FetchError, canonical_url, fetch, is_web_url

from ..extraction.cleaning import clean_text
from ..extraction.html import html_to_text
from ..extraction.language import detect
from ..models import Article, ArticleFetch, Outlet


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outlet_get_or_create(*, name: str = "", domain: str = "") -> Outlet | None:
    """Find an outlet by domain, then by name (case-insensitive); create it when unknown."""
    name, domain = (name or "").strip(), (domain or "").strip().lower().removeprefix("www.")
    if domain:
        outlet = Outlet.objects.filter(domain=domain).first()
        if outlet:
            return outlet
    if name:
        outlet = Outlet.objects.filter(name__iexact=name).first()
        if outlet:
            if domain and not outlet.domain:
                outlet.domain = domain
                outlet.save(update_fields=["domain"])
            return outlet
    if not (name or domain):
        return None
    outlet, _ = Outlet.objects.get_or_create(name=name or domain, defaults={"domain": domain or None})
    return outlet


log = logging.getLogger("claims.extraction")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _as_datetime(value) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(12), tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput(f"published_at must be an ISO date (YYYY-MM-DD) or date-time, not {value!r}.") from None
        if len(value.strip()) == 10:  # a bare date: noon UTC, so that no time zone moves it to another day
            return dt.datetime.combine(parsed.date(), dt.time(12), tzinfo=dt.timezone.utc)
        return _as_datetime(parsed)
    raise InvalidInput(f"published_at must be a date or a datetime, not {value!r}.")


def _fetch_page(url: str) -> tuple[str, str]:
    """(html, canonical final url) of a page, through the one safe HTTP client. A failure is an InvalidInput in
    words safe to show anyone (`fetch_error_public`); the detail, which may name internal addresses, goes to the log."""

    try:
        result = fetch(url, accept=HTML_TYPES)
    except FetchError as exc:
        log.warning("Could not fetch an article page: %s", exc.message)
        raise InvalidInput(fetch_error_public(exc)) from None
    return result.text, canonical_url(result.final_url)


def fetch_error_public(exc) -> str:
    """What to tell a client about a failed page fetch: the kind of failure, never the resolver's answers."""

    if isinstance(exc, http.InvalidURL):  # BlockedAddress included: "resolves to 10.0.0.5" stays in the log
        return "The URL is not a public web address we may fetch."
    if isinstance(exc, http.HTTPStatusError):
        return f"The site answered HTTP {exc.status}."
    if isinstance(exc, http.FetchTimeout):
        return "The site took too long to answer."
    if isinstance(exc, http.TooLarge):
        return "The page is larger than we fetch."
    if isinstance(exc, http.BadContentType):
        return "The URL is not an HTML page."
    if isinstance(exc, http.RobotsDisallowed):
        return "The site's robots.txt asks us not to fetch this page."
    if isinstance(exc, http.ConnectionFailed):
        return "The site could not be reached."
    return "The page could not be fetched."


def article_fetch_request(
    *, url: str, title: str = "", outlet_name: str = "", published_at=None, language: str = "", actor=None
) -> ArticleFetch:
    """Ask for an article by URL: answered at once, fetched by a worker (`article_fetch_run`). A URL already stored
    gives a fetch that is done, with its article. Only the URL's form is checked here: no DNS in the web request."""

    if not is_web_url(url or ""):
        raise InvalidInput("The article's URL must be an http or https address.")
    url = canonical_url(url)
    fields = dict(url=url, title=title[:500], outlet_name=outlet_name[:200], published_at=_as_datetime(published_at),
                  language=language[:16], requested_by=actor if getattr(actor, "pk", None) else None)  # fmt: skip
    known = Article.objects.filter(url=url).first()
    if known is not None:
        return ArticleFetch.objects.create(
            **fields, status=ArticleFetch.Status.DONE, article=known, finished_at=timezone.now()
        )
    fetch = ArticleFetch.objects.create(**fields)
    fetch_id = fetch.pk
    enqueue.article_fetch(fetch_id)
    return fetch


def article_fetch_run(*, fetch_id: int) -> ArticleFetch | None:
    """Fetch and ingest the page of a pending ArticleFetch; quiet when it is gone or already taken (idempotent)."""
    taken = ArticleFetch.objects.filter(pk=fetch_id, status=ArticleFetch.Status.PENDING).update(
        status=ArticleFetch.Status.RUNNING
    )
    if not taken:
        return None
    fetch = ArticleFetch.objects.get(pk=fetch_id)
    try:
        article, _ = article_ingest(
            url=fetch.url, title=fetch.title, outlet_name=fetch.outlet_name, published_at=fetch.published_at,
            language=fetch.language,
        )  # fmt: skip
    except DomainError as exc:
        fetch.status, fetch.error = ArticleFetch.Status.FAILED, exc.message[:300]
    else:
        fetch.status, fetch.article = ArticleFetch.Status.DONE, article
    fetch.finished_at = timezone.now()
    fetch.save(update_fields=["status", "error", "article", "finished_at"])
    return fetch


def article_ingest(
    *,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    title: str = "",
    outlet_name: str = "",
    published_at=None,
    language: str = "",
) -> tuple[Article, bool]:
    """Store an article once; returns (article, created). Extraction is enqueued after commit.

    Give exactly one of `text` (plain text) or `html`, or only `url` to fetch the page through
    sources.http. With text or html, `url` is the article's address and is not fetched.
    Title, outlet and date found in the page or its byline fill in whatever is not given.
    """

    if text is not None and html is not None:
        raise InvalidInput("Give the article as text or as HTML, not both.")
    if text is None and html is None and not url:
        raise InvalidInput("Give the article's text, its HTML or its URL.")
    published_at = _as_datetime(published_at)
    if url:
        if not is_web_url(url):
            raise InvalidInput("The article's URL must be an http or https address.")
        url = canonical_url(url)
        if len(url) > 2000:
            raise InvalidInput("The URL is longer than 2000 characters.")
        known = Article.objects.filter(url=url).first()
        if known is not None:
            return known, False
    if text is None and html is None and url:  # (no url was refused above)
        html, url = _fetch_page(url)
        known = Article.objects.filter(url=url).first()  # redirected to a page we have
        if known is not None:
            return known, False
    raw = text if text is not None else html
    if raw is None or not raw.strip():
        raise InvalidInput("The article has no text.")
    if "\x00" in raw:
        raise InvalidInput("The article contains a NUL character: it is not text (a binary file or a corrupt page?).")
    page_title = page_outlet = ""
    page_published = None
    page_headings = None
    body = raw
    if html is not None:
        page = html_to_text(html, url=url or "")
        body, page_title, page_outlet, page_published = page.text, page.title, page.outlet, page.published
        page_headings = page.headings
    cleaned = clean_text(
        body,
        title=title or page_title,
        outlet=outlet_name or page_outlet,
        published=published_at.date() if published_at else page_published,
        headings=page_headings,
    )
    if not cleaned.text.strip():
        raise InvalidInput("No article text is left once page furniture (menus, share buttons, bylines) is removed.")
    digest = text_sha256(cleaned.text)
    existing = Article.objects.filter(text_sha256=digest).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        article, created = Article.objects.get_or_create(
            text_sha256=digest,
            defaults={
                "raw_text": raw,
                "cleaned_text": cleaned.text,
                "title": cleaned.title[:500],
                "url": url or None,
                "outlet": outlet_get_or_create(name=cleaned.outlet[:200]),
                "published_at": published_at or _as_datetime(cleaned.published),
                "language": (language or detect(cleaned.text))[:16],
            },
        )
        if created:
            article_id = article.pk
            enqueue.article_extract(article_id)
    return article, created
