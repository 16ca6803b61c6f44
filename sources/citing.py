"""Sources an editor cites by hand: a URL with its title, date and archived copy.

Such a source is stored and citable at once, before and whether or not the page can be fetched: a
site that is down, a name that does not resolve, or a machine without network leaves it "not fetched"
with a reason a person can read. When the address can be looked up the page is fetched in the
background (the `url` fetcher) for its passages; the editor's title and date outrank the page's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from claims.models import Claim
from factcheck.exceptions import InvalidInput, NotAllowed

from . import http
from .models import ClaimFetch, Source, SourceRequest

CITE_PERMISSION = "claims.change_claim"

# What a fetch failure means for an editor, from the safe client's messages (which name the mechanism).
_HUMAN_REASONS = (
    (re.compile(r"could not look up|cannot resolve|name or service not known|errno -[23]|getaddrinfo|nodename", re.I),
     "the site's name could not be looked up: the address may be wrong, or this machine is offline"),
    (re.compile(r"timed? ?out|timeout", re.I), "the site did not answer in time"),
    (re.compile(r"connection (?:was )?refused|errno 111", re.I), "the site refused the connection"),
    (re.compile(r"robots", re.I), "the site asks robots not to fetch this page"),
    (re.compile(r"\b(404|410)\b"), "the page was not found on the site"),
    (re.compile(r"\b(401|403)\b"), "the site refused access to the page"),
    (re.compile(r"\b5\d\d\b"), "the site had an error"),
    (re.compile(r"too large|bigger than", re.I), "the page is too large to fetch"),
    (re.compile(r"content type|content-type", re.I), "the address is not a web page or text"),
)  # fmt: skip


def human_fetch_reason(error: str) -> str:
    """A fetch error as a reason an editor can act on; the technical message when none fits."""
    for pattern, reason in _HUMAN_REASONS:
        if pattern.search(error or ""):
            return reason
    return (error or "").strip() or "not fetched yet"


@dataclass(frozen=True)
class FetchState:
    fetched: bool
    label: str  # "fetched" / "not fetched"
    reason: str  # why not, for a person; empty once fetched


def source_fetch_state(source: Source, *, claim_fetch: ClaimFetch | None = None) -> FetchState:
    """Where a cited source stands: fetched, or not fetched and why (its own error, else the claim's url fetch)."""
    if source.fetched_at and source.text:
        return FetchState(True, "fetched", "")
    if source.fetch_error:
        return FetchState(False, "not fetched", human_fetch_reason(source.fetch_error))
    if claim_fetch is not None and claim_fetch.status == ClaimFetch.Status.FAILED:
        return FetchState(False, "not fetched", human_fetch_reason(claim_fetch.error))
    return FetchState(False, "not fetched", "waiting for the background fetch")


def _as_datetime(value) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(12), tzinfo=dt.timezone.utc)
    raise InvalidInput("The source's date must be a date (YYYY-MM-DD).")


def _web_url(value: str, what: str) -> str:
    value = (value or "").strip()
    if not re.match(r"^https?://[^\s/?#]+", value, re.I):
        raise InvalidInput(f"The {what} must be a web address starting with http:// or https://.")
    if len(value) > 2000:
        raise InvalidInput(f"The {what} is longer than 2000 characters.")
    return value


def _archive_url(value: str) -> str:
    """An archive link is kept as written: an archived copy's address embeds the original URL in its path
    (https://web.archive.org/web/2022/https://…), which canonicalising would break by collapsing its "//"."""
    return _web_url(value, "archive link") if (value or "").strip() else ""


def source_cite(*, claim: Claim, url: str, actor, title: str = "", published_at=None, archive_url: str = "") -> Source:
    """Cite a page for a claim: stored now (citable in its verdict), fetched in the background when possible.

    An address the service must never reach (a private or loopback host) is refused; one whose name
    cannot be looked up right now is kept, "not fetched", with the reason.
    """
    if actor is None or not actor.is_active or not actor.has_perm(CITE_PERMISSION):
        raise NotAllowed("You do not have permission to cite sources for claims.")
    canonical = http.canonical_url(_web_url(url, "source's URL"))
    archive = _archive_url(archive_url)
    title = " ".join((title or "").split())[:500]
    published = _as_datetime(published_at)
    unreachable = ""
    try:
        http.check_url(canonical)
    except http.ConnectionFailed as exc:  # no DNS answer (offline?): keep it, say why
        unreachable = human_fetch_reason(exc.message)
    except http.FetchError as exc:  # blocked or invalid address: never stored
        raise InvalidInput(exc.message) from None
    with transaction.atomic():
        source, created = Source.objects.select_for_update(no_key=True).get_or_create(
            url=canonical, defaults={"kind": Source.Kind.OTHER}
        )
        changes = {"metadata": {**source.metadata, "cited_by": actor.get_username()}}
        if title:
            changes["title"] = title
        if published:
            changes["published_at"] = published
        if archive:
            changes["archive_url"] = archive
        if unreachable and not source.text:
            changes["fetch_error"] = unreachable
        Source.objects.filter(pk=source.pk).update(**changes)
        SourceRequest.objects.get_or_create(claim=claim, source=source, defaults={"requested_by": actor})
        if not unreachable:
            from .services import claims_fetch_sources

            claims_fetch_sources(claim_ids=[claim.pk], fetchers=["url"], force=True)
    source.refresh_from_db()
    return source
