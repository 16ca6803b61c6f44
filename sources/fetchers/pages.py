"""Fetching one web page into a FoundDocument: shared by the fetchers that follow links."""

from __future__ import annotations

import html as htmllib
import re
from datetime import datetime

from django.utils import timezone

from sources import http

from .base import FoundDocument

PAGE_TYPES = http.HTML + http.TEXT


def _published(html: str, url: str) -> datetime | None:
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception:  # htmldate raises on odd markup; a missing date is not an error
        return None
    if not found:
        return None
    try:
        return timezone.make_aware(datetime.fromisoformat(found))
    except ValueError:
        return None


def fetch_page(url: str, *, kind: str, title: str = "", raise_retryable: bool = False, **extra) -> FoundDocument:
    """The page's readable text, or a document carrying the fetch error (non-retryable errors never raise;
    retryable ones do when `raise_retryable`, so the task retries; no network always does)."""
    try:
        result = http.fetch(url, accept=PAGE_TYPES)
    except http.FetchError as exc:
        # Offline, every page fails alike: the fetcher's status says so once, instead of each page.
        if (raise_retryable and exc.retryable) or isinstance(exc, http.NoNetwork):
            raise
        status = getattr(exc, "status", None)
        return FoundDocument(url=url, title=title, kind=kind, fetch_error=exc.message, http_status=status, **extra)
    if result.content_type in http.HTML:
        html = result.text
        text = http.html_to_text(html, url=result.final_url)
        published = _published(html, result.final_url)
        if not title:
            match = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
            title = htmllib.unescape(" ".join(match.group(1).split())) if match else ""
    else:
        text, published = result.text, None
    return FoundDocument(
        url=result.final_url,
        title=title,
        text=text,
        kind=kind,
        published_at=extra.pop("published_at", None) or published,
        http_status=result.status,
        content_type=result.content_type,
        fetched_at=result.fetched_at,
        **extra,
    )
