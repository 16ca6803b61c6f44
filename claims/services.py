"""Writes for articles, claims and verdicts. Every state change of the review workflow happens here.

Workflow of a claim:

    new ──start review──▶ in_review ──mark verdict ready──▶ verdict_ready ──publish──▶ published
     │ ▲                    │ ▲                                │                          │
     │ └──restore──┐        │ └────────send back───────────────┘                          │
     └─dismiss──▶ dismissed ◀─dismiss                                                     │
                            ▲                                                             │
          in_review ◀───────┴──────────── correct (reason; the verdict's history keeps the │
          verdict_ready ◀──────────────── unpublish (reason)        published version) ◀──┘

Publishing, unpublishing and corrections need the `claims.publish_verdict` permission
(the Editor role); the rest needs `claims.change_claim` (the Reviewer role).
"""

from __future__ import annotations

import hashlib
import re

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from factcheck.exceptions import DomainError, InvalidInput, InvalidTransition, NotAllowed, StaleVersion

from .models import Article, ArticleFetch, Claim, Outlet, Rating, Verdict, VerdictCorrection, VerdictPublication
from .public_cache import public_output_changed

Status = Claim.Status

# (from, to) -> the permission the actor needs.
REVIEW_PERMISSION = "claims.change_claim"
PUBLISH_PERMISSION = "claims.publish_verdict"
TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.NEW, Status.IN_REVIEW): REVIEW_PERMISSION,
    (Status.NEW, Status.DISMISSED): REVIEW_PERMISSION,
    (Status.IN_REVIEW, Status.DISMISSED): REVIEW_PERMISSION,
    (Status.DISMISSED, Status.NEW): REVIEW_PERMISSION,
    (Status.IN_REVIEW, Status.VERDICT_READY): REVIEW_PERMISSION,
    (Status.VERDICT_READY, Status.IN_REVIEW): REVIEW_PERMISSION,
    (Status.VERDICT_READY, Status.PUBLISHED): PUBLISH_PERMISSION,
    (Status.PUBLISHED, Status.VERDICT_READY): PUBLISH_PERMISSION,  # unpublish
    (Status.PUBLISHED, Status.IN_REVIEW): PUBLISH_PERMISSION,  # correction
}


def allowed_transitions(claim: Claim) -> list[str]:
    """The statuses a claim may move to next, whoever asks."""
    return [to for (frm, to) in TRANSITIONS if frm == claim.status]


def _require(actor: AbstractBaseUser | None, permission: str) -> None:
    if actor is None or not actor.is_active or not actor.has_perm(permission):
        raise NotAllowed("You do not have permission to do this: it needs %s." % permission.split(".")[1].replace("_", " "))


_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def refuse_control_characters(text: str, *, what: str) -> str:
    """`text` unchanged, or InvalidInput when it holds a control character other than tab and line breaks
    (PostgreSQL cannot store NUL at all; the others are pasted noise no reader should get)."""
    found = _CONTROL_CHARACTER.search(text or "")
    if found:
        raise InvalidInput(f"{what} contains a control character (U+{ord(found.group()):04X}); remove it and try again.")
    return text


def _transition(*, claim: Claim, to: str, actor, reason: str = "", only_from: tuple[str, ...] = ()) -> Claim:
    """Move a claim to `to` under a row lock, or refuse with a message that says why.

    `only_from` narrows the table for a named step: several steps share a target
    (start review, send back and correct all lead to in review) but not a source.
    """
    refuse_control_characters(reason, what="The reason")
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        permission = TRANSITIONS.get((locked.status, to))
        if permission is None or (only_from and locked.status not in only_from):
            allowed = ", ".join(Status(s).label.lower() for s in allowed_transitions(locked)) or "nothing"
            raise InvalidTransition(
                f"A claim that is {Status(locked.status).label.lower()} cannot become "
                f"{Status(to).label.lower()}; it can become: {allowed}."
            )
        _require(actor, permission)
        previous, locked.status = locked.status, to
        locked._change_reason = reason or f"{Status(previous).label} → {Status(to).label}"
        locked.save()
        if Status.PUBLISHED in (previous, to):
            public_output_changed()  # cached public pages and readers' ETags go stale when this commits
    claim.refresh_from_db()
    return claim


def claim_start_review(*, claim: Claim, actor) -> Claim:
    """Take a new claim into review; the actor becomes its assignee if it has none."""
    claim = _transition(claim=claim, to=Status.IN_REVIEW, actor=actor, only_from=(Status.NEW,))
    if claim.assignee_id is None:
        claim_assign(claim=claim, assignee=actor, actor=actor)
    return claim


def claim_dismiss(*, claim: Claim, actor, reason: str = "") -> Claim:
    if _published_verdict(claim) is not None:
        raise InvalidTransition("This claim's verdict is published; unpublish it before dismissing the claim.")
    return _transition(claim=claim, to=Status.DISMISSED, actor=actor, reason=reason or "Dismissed: not check-worthy")


def claim_restore(*, claim: Claim, actor) -> Claim:
    return _transition(claim=claim, to=Status.NEW, actor=actor, reason="Restored from dismissed")


def claim_mark_verdict_ready(*, claim: Claim, actor) -> Claim:
    if not Verdict.objects.filter(claim=claim).exists():
        raise InvalidTransition("Draft a verdict (rating and explanation) before marking the claim ready.")
    return _transition(claim=claim, to=Status.VERDICT_READY, actor=actor)


def claim_send_back(*, claim: Claim, actor, reason: str = "") -> Claim:
    return _transition(
        claim=claim,
        to=Status.IN_REVIEW,
        actor=actor,
        reason=reason or "Sent back to review",
        only_from=(Status.VERDICT_READY,),
    )


def claim_assign(*, claim: Claim, assignee, actor) -> Claim:
    _require(actor, REVIEW_PERMISSION)
    claim.assignee = assignee
    claim._change_reason = f"Assigned to {assignee}" if assignee else "Unassigned"
    claim.save(update_fields=["assignee", "updated_at"])
    return claim


def _published_verdict(claim: Claim) -> Verdict | None:
    return Verdict.objects.filter(claim=claim, published_at__isnull=False).first()


def verdict_save(
    *, claim: Claim, rating: Rating, explanation: str, actor, sources=None, claim_reviewed: str | None = None
) -> Verdict:
    """Create or update the draft verdict of a claim under review.

    While a published verdict is being corrected the draft is its VerdictCorrection: the verdict
    itself keeps serving readers until the correction is published.

    `claim_reviewed` is ClaimReview's claimReviewed, the editors' short statement of the claim (None: leave
    it as it is; empty: the claim's text). It is stored as written: no machine cut.
    """
    _require(actor, REVIEW_PERMISSION)
    explanation = (explanation or "").strip()
    if not explanation:
        raise InvalidInput("A verdict needs an explanation for readers.")
    if not rating.is_active:
        raise InvalidInput(f"The rating {rating.name!r} is retired; choose another.")
    if claim.status not in (Status.IN_REVIEW, Status.VERDICT_READY):
        raise InvalidTransition(
            f"Verdicts are drafted while a claim is in review; this one is {Status(claim.status).label.lower()}."
            + (" Start a correction to change a published verdict." if claim.status == Status.PUBLISHED else "")
        )
    with transaction.atomic():
        verdict = Verdict.objects.select_for_update().filter(claim=claim).first()
        if verdict is not None and verdict.published_at is not None:
            draft = VerdictCorrection.objects.filter(verdict=verdict).first()
            if draft is None:  # not opened through claim_reopen_for_correction (e.g. rows written by hand)
                draft = VerdictCorrection(verdict=verdict, opened_by=actor)
        else:
            draft = verdict or Verdict(claim=claim)
        draft.rating = rating
        draft.explanation = explanation
        if claim_reviewed is not None:
            draft.claim_reviewed = " ".join(claim_reviewed.split())
        draft.reviewer = actor
        draft.save()
        if sources is not None:
            draft.sources.set(sources)
    return verdict or draft


def verdict_version(*, verdict: Verdict) -> str:
    """What publishing would publish, as an opaque token: it changes whenever the verdict or its correction
    draft is saved. The admin's confirmation page and the API's ETag carry it; `verdict_publish` compares."""
    stamps = Verdict.objects.filter(pk=verdict.pk).values_list("updated_at", "correction__updated_at").first() or ()
    return f"{verdict.pk}." + ".".join(str(int(stamp.timestamp() * 1_000_000)) for stamp in stamps if stamp)


def verdict_drafted_by(*, verdict: Verdict):
    """Who last drafted what publishing would publish: the correction's drafter, else the verdict's."""
    draft = VerdictCorrection.objects.filter(verdict=verdict).select_related("reviewer").first()
    return draft.reviewer if draft is not None else verdict.reviewer


def _check_four_eyes(*, verdict: Verdict, actor) -> None:
    from django.conf import settings

    if not settings.FACTCHECK_FOUR_EYES:
        return
    drafter = verdict_drafted_by(verdict=verdict)
    if drafter is not None and actor is not None and drafter.pk == actor.pk:
        raise NotAllowed(
            "Four-eyes rule: you drafted this verdict, so another editor must publish it."
        )


def verdict_publish(*, claim: Claim, actor, expected_version: str | None = None) -> Verdict:
    """Publish the ready verdict. A correction's draft replaces the published version and records
    when it was corrected (ClaimReview's dateModified) and why.

    `expected_version` (from `verdict_version`, as the publisher saw it) refuses a verdict changed
    since: StaleVersion. Every caller passes it; None is only for scripts and tests that read and
    publish in one breath.
    """
    with transaction.atomic():  # a refusal below rolls the transition back
        _transition(claim=claim, to=Status.PUBLISHED, actor=actor, reason="Verdict published")
        verdict = Verdict.objects.select_for_update().get(claim=claim)
        if expected_version is not None and verdict_version(verdict=verdict) != expected_version:
            raise StaleVersion("The verdict changed after you reviewed it; review it again before publishing.")
        _check_four_eyes(verdict=verdict, actor=actor)
        now = timezone.now()
        draft = _fold_correction(verdict=verdict)
        if verdict.first_published_at is None:
            verdict.first_published_at = now
        elif verdict.correction_reason:
            verdict.corrected_at = now
        verdict.published_at = now
        verdict._change_reason = "Published" if draft is None else f"Correction published: {verdict.correction_reason}"
        verdict.save()
        _record_publication(verdict=verdict, actor=actor)
        verdict_announce(verdict=verdict)  # webhooks, sent after commit
        verdict_google_sync_queue(verdict=verdict)  # Google Fact Check Tools, when configured
    return verdict


def _fold_correction(*, verdict: Verdict) -> VerdictCorrection | None:
    """Move the correction's draft (if any) into the verdict, unsaved, and delete the draft."""
    draft = VerdictCorrection.objects.filter(verdict=verdict).select_related("rating").first()
    if draft is not None:
        verdict.rating, verdict.explanation, verdict.reviewer = draft.rating, draft.explanation, draft.reviewer
        verdict.claim_reviewed = draft.claim_reviewed
        verdict.correction_reason = draft.reason
        verdict.sources.set(draft.sources.all())
        draft.delete()
    return draft


def _record_publication(*, verdict: Verdict, actor) -> VerdictPublication:
    last = verdict.publications.order_by("-number").values_list("number", flat=True).first() or 0
    return VerdictPublication.objects.create(
        verdict=verdict,
        number=last + 1,
        claim_text=verdict.claim.text,
        claim_reviewed=verdict.claim_reviewed,
        rating_name=verdict.rating.name,
        rating_value=verdict.rating.value,
        explanation=verdict.explanation,
        sources=[{"id": s.pk, "url": s.url, "title": s.title} for s in verdict.sources.order_by("pk")],
        correction_reason=verdict.correction_reason if verdict.corrected_at == verdict.published_at else "",
        published_at=verdict.published_at,
        published_by=actor,
        drafted_by=verdict.reviewer,
    )


def verdict_unpublish(*, claim: Claim, actor, reason: str) -> Verdict:
    """Withdraw a published verdict from the public: the only takedown.

    A published claim goes back to verdict ready. A claim whose correction is being drafted keeps its
    status; its draft becomes the (unpublished) verdict, so the work on it is not lost.
    """
    if not (reason or "").strip():
        raise InvalidInput("Say why the verdict is unpublished: the reason is kept in its history.")
    reason = reason.strip()
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        verdict = Verdict.objects.select_for_update().filter(claim=claim, published_at__isnull=False).first()
        if current.status == Status.PUBLISHED or verdict is None:
            _transition(claim=claim, to=Status.VERDICT_READY, actor=actor, reason=f"Unpublished: {reason}")
            verdict = Verdict.objects.select_for_update().get(claim=claim)
        else:  # under correction: the claim stays where the correction is
            _require(actor, PUBLISH_PERMISSION)
            _fold_correction(verdict=verdict)
            current._change_reason = f"Unpublished during a correction: {reason}"
            current.save(update_fields=["updated_at"])
        verdict.published_at = None
        verdict._change_reason = f"Unpublished: {reason}"
        verdict.save()
        public_output_changed()  # also when the claim kept its status (under correction): the takedown is public
        verdict_google_sync_queue(verdict=verdict)  # its Google page goes too
    return verdict


def claim_reopen_for_correction(*, claim: Claim, actor, reason: str) -> Verdict:
    """Reopen a published claim to correct its verdict.

    The published verdict keeps serving readers (page, API, ClaimReview, feeds, Google) while the
    correction is drafted in a VerdictCorrection, which starts as a copy of it; publishing the
    correction replaces the published version and records `corrected_at` for ClaimReview's dateModified.
    """
    if not (reason or "").strip():
        raise InvalidInput("Say what is being corrected: the reason is published with the correction.")
    reason = reason.strip()
    with transaction.atomic():
        _transition(
            claim=claim,
            to=Status.IN_REVIEW,
            actor=actor,
            reason=f"Correction: {reason}",
            only_from=(Status.PUBLISHED,),
        )
        verdict = Verdict.objects.select_for_update().get(claim=claim)
        VerdictCorrection.objects.filter(verdict=verdict).delete()  # a stale draft from an older correction
        draft = VerdictCorrection.objects.create(
            verdict=verdict, rating=verdict.rating, claim_reviewed=verdict.claim_reviewed,
            explanation=verdict.explanation, reason=reason,
            reviewer=verdict.reviewer, opened_by=actor,
        )  # fmt: skip
        draft.sources.set(verdict.sources.all())
    return verdict


CLAIM_EDITABLE_FIELDS = ("claim_type", "about_date", "checkworthiness")


def claim_edit(*, claim: Claim, actor, **changes) -> Claim:
    """Correct what extraction got wrong (type, date, check-worthiness) while the claim is not yet decided.

    The claim's text is not editable: matching and the mentions rest on it; a wrong claim is dismissed.
    """
    _require(actor, REVIEW_PERMISSION)
    unknown = set(changes) - set(CLAIM_EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"These claim fields cannot be edited: {', '.join(sorted(unknown))}.")
    if claim.status in (Status.PUBLISHED, Status.VERDICT_READY) and changes:
        raise InvalidTransition(
            f"A claim that is {Status(claim.status).label.lower()} cannot be edited; send it back to review first."
        )
    checkworthiness = changes.get("checkworthiness")
    if checkworthiness is not None and not 0.0 <= checkworthiness <= 1.0:
        raise InvalidInput("Check-worthiness is a number between 0 and 1.")
    if not changes:
        return claim
    for field, value in changes.items():
        setattr(claim, field, value)
    claim._change_reason = "Edited: " + ", ".join(sorted(changes))
    claim.save(update_fields=[*changes, "updated_at"])
    return claim


def article_request_extraction(*, article: Article, actor) -> None:
    """An editor asks for an article's claims to be extracted again; the worker runs it after commit.

    Re-extraction keeps every claim an editor has worked on (see article_extract).
    """
    from .tasks import article_extract_task

    _require(actor, "claims.change_article")
    # Even while "running": a worker that died leaves that status behind, and extraction is idempotent.
    Article.objects.filter(pk=article.pk).update(
        extraction_status=Article.ExtractionStatus.PENDING, extraction_error="", extraction_status_at=timezone.now()
    )
    article_id = article.pk
    transaction.on_commit(lambda: article_extract_task.delay(article_id))


# --- Rating scale -------------------------------------------------------------------------------

# The default scale, seeded when a database has none (migration 0003 and after every migrate, so a
# test database flushed between transactional tests gets it back). Once a scale exists it is the
# admins' data: renamed or retired steps are never re-added.
DEFAULT_RATING_SCALE = [
    ("True", 5, "The claim is accurate and nothing significant is missing."),
    ("Mostly true", 4, "The claim is accurate but needs clarification or additional information."),
    ("Misleading", 3, "The claim contains accurate elements but leaves a false impression."),
    ("Mostly false", 2, "The claim contains an element of truth but ignores critical facts."),
    ("False", 1, "The claim is inaccurate."),
    ("Unverifiable", None, "The available evidence can neither confirm nor refute the claim."),
]


def rating_scale_ensure_default() -> int:
    """Create the default rating scale if there is no rating at all; returns how many were created."""
    if Rating.objects.exists():
        return 0
    Rating.objects.bulk_create(
        [Rating(name=name, value=value, description=text) for name, value, text in DEFAULT_RATING_SCALE]
    )
    return len(DEFAULT_RATING_SCALE)


# --- Articles -----------------------------------------------------------------------------------


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


# --- Ingestion and extraction ------------------------------------------------------------------
# article_ingest stores an article once (sha256 of its cleaned text) and enqueues extraction after
# commit; article_extract turns it into claims through claims.extraction (pure, no ORM) and stores
# them idempotently: one Claim per distinct claim text across articles, one ClaimMention per appearance.

import datetime as _dt  # noqa: E402
import logging as _logging  # noqa: E402
from difflib import SequenceMatcher as _SequenceMatcher  # noqa: E402

from .models import ClaimMention  # noqa: E402

_extraction_log = _logging.getLogger("claims.extraction")
NEAR_DUPLICATE_RATIO = 0.95  # normalised texts this similar are the same claim (the semantic part is matching's)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _as_datetime(value) -> _dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, _dt.timezone.utc)
    if isinstance(value, _dt.date):
        return _dt.datetime.combine(value, _dt.time(12), tzinfo=_dt.timezone.utc)
    if isinstance(value, str):
        try:
            parsed = _dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput(f"published_at must be an ISO date (YYYY-MM-DD) or date-time, not {value!r}.") from None
        if len(value.strip()) == 10:  # a bare date: noon UTC, so that no time zone moves it to another day
            return _dt.datetime.combine(parsed.date(), _dt.time(12), tzinfo=_dt.timezone.utc)
        return _as_datetime(parsed)
    raise InvalidInput(f"published_at must be a date or a datetime, not {value!r}.")


def _fetch_page(url: str) -> tuple[str, str]:
    """(html, canonical final url) of a page, through the one safe HTTP client. A failure is an InvalidInput in
    words safe to show anyone (`fetch_error_public`); the detail, which may name internal addresses, goes to the log."""
    from sources.http import FetchError, canonical_url, fetch

    try:
        result = fetch(url, accept=HTML_TYPES)
    except FetchError as exc:
        _extraction_log.warning("Could not fetch an article page: %s", exc.message)
        raise InvalidInput(fetch_error_public(exc)) from None
    return result.text, canonical_url(result.final_url)


def fetch_error_public(exc) -> str:
    """What to tell a client about a failed page fetch: the kind of failure, never the resolver's answers."""
    from sources import http

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
    from sources.http import canonical_url, is_web_url

    from .tasks import article_fetch_task

    if not is_web_url(url or ""):
        raise InvalidInput("The article's URL must be an http or https address.")
    url = canonical_url(url)
    fields = dict(url=url, title=title[:500], outlet_name=outlet_name[:200], published_at=_as_datetime(published_at),
                  language=language[:16], requested_by=actor if getattr(actor, "pk", None) else None)  # fmt: skip
    known = Article.objects.filter(url=url).first()
    if known is not None:
        return ArticleFetch.objects.create(**fields, status=ArticleFetch.Status.DONE, article=known, finished_at=timezone.now())
    fetch = ArticleFetch.objects.create(**fields)
    fetch_id = fetch.pk
    transaction.on_commit(lambda: article_fetch_task.delay(fetch_id))
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
    from .extraction.cleaning import clean_text
    from .extraction.html import html_to_text
    from .extraction.language import detect
    from .tasks import article_extract_task

    if text is not None and html is not None:
        raise InvalidInput("Give the article as text or as HTML, not both.")
    if text is None and html is None and not url:
        raise InvalidInput("Give the article's text, its HTML or its URL.")
    published_at = _as_datetime(published_at)
    if url:
        from sources.http import canonical_url, is_web_url

        if not is_web_url(url):
            raise InvalidInput("The article's URL must be an http or https address.")
        url = canonical_url(url)
        if len(url) > 2000:
            raise InvalidInput("The URL is longer than 2000 characters.")
        known = Article.objects.filter(url=url).first()
        if known is not None:
            return known, False
    if text is None and html is None:
        html, url = _fetch_page(url)
        known = Article.objects.filter(url=url).first()  # redirected to a page we have
        if known is not None:
            return known, False
    raw = text if text is not None else html
    if not (raw or "").strip():
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
            transaction.on_commit(lambda: article_extract_task.delay(article_id))
    return article, created


def _claim_untouched(claim: Claim) -> bool:
    """No editor has worked on it: new, unassigned, not rewritten, no verdict. Only such claims may be dropped on
    re-extraction."""
    return (
        claim.status == Status.NEW
        and claim.assignee_id is None
        and not claim.extracted_text
        and not Verdict.objects.filter(claim=claim).exists()
    )


def _find_same_claim(normalized: str) -> Claim | None:
    """The stored claim with the same (exact) or near-exact normalised text, published ones aside: what
    readers see of a published fact-check changes only through an editor, so a new appearance of it
    becomes a claim of its own, suggested to editors as the same (claim_match)."""
    joinable = Claim.objects.exclude(status=Status.PUBLISHED)
    exact = joinable.filter(normalized_text=normalized).order_by("pk").first()
    if exact is not None:
        return exact
    words = normalized.split()
    if len(words) < 4:
        return None
    candidates = joinable.filter(normalized_text__startswith=" ".join(words[:3])).order_by("pk")[:200]
    for candidate in candidates:
        if _SequenceMatcher(None, normalized, candidate.normalized_text).ratio() >= NEAR_DUPLICATE_RATIO:
            return candidate
    return None


def article_extraction_claim(*, article_id: int) -> bool:
    """Claim the article for one extraction run (conditional update): any state but running, or running
    for longer than the task's hard time limit (its worker died). False: someone else is running it."""
    from django.db.models import Q

    now = timezone.now()
    stale = now - _dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    return bool(
        Article.objects.filter(pk=article_id)
        .filter(~Q(extraction_status=Article.ExtractionStatus.RUNNING) | Q(extraction_status_at__lt=stale))
        .update(extraction_status=Article.ExtractionStatus.RUNNING, extraction_error="", extraction_status_at=now)
    )


def articles_restart_stuck_extraction(*, pending_seconds: int, queued: set[int]) -> list[int]:
    """Re-send the extraction of articles a crash left behind: pending for longer than `pending_seconds`
    (the message was lost), or running past the task's hard time limit (the worker died). Articles whose
    message is still in the queue (`queued`) are left to it. Returns the ids re-sent."""
    from django.db.models import Q

    from .tasks import article_extract_task

    now = timezone.now()
    Extraction = Article.ExtractionStatus
    stuck = Article.objects.filter(
        Q(extraction_status=Extraction.PENDING, extraction_status_at__lt=now - _dt.timedelta(seconds=pending_seconds))
        | Q(extraction_status=Extraction.RUNNING,
            extraction_status_at__lt=now - _dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT))
    ).exclude(pk__in=queued)  # fmt: skip
    ids = list(stuck.order_by("pk").values_list("pk", flat=True)[:1000])
    for article_id in ids:
        article_extract_task.delay(article_id)
    return ids


def article_extract(*, article_id: int, backend: str | None = None) -> list[Claim]:
    """Extract an article's claims and store them; idempotent. Returns the article's claims in article order.

    Re-extraction neither duplicates claims nor drops claims an editor has worked on. A claim
    already stored from another article gains a mention instead of a twin. New claims are then
    matched (claim_match) and sent for sources (claims_fetch_sources).
    """
    from .extraction import CleanedText, Status as ExtractionStatus, extract_cleaned

    article = Article.objects.select_related("outlet").filter(pk=article_id).first()
    if article is None:
        return []
    if not article_extraction_claim(article_id=article.pk):
        return []  # another worker is extracting it (or the article is gone)
    cleaned = CleanedText(
        text=article.cleaned_text,
        title=article.title,
        outlet=article.outlet.name if article.outlet else "",
        published=article.published_at.date() if article.published_at else None,
    )
    try:
        result = extract_cleaned(cleaned, language=article.language, backend=backend)
    except Exception as exc:  # recorded on the article for editors; the task decides about retries
        _extraction_log.exception("Extraction of article %s failed", article.pk)
        Article.objects.filter(pk=article.pk).update(
            extraction_status=Article.ExtractionStatus.FAILED,
            extraction_error=f"{type(exc).__name__}: {exc}"[:2000],
            extraction_status_at=timezone.now(),
        )
        raise
    if result.status != ExtractionStatus.DONE:
        Article.objects.filter(pk=article.pk).update(
            extraction_status=Article.ExtractionStatus.UNSUPPORTED,
            extraction_status_at=timezone.now(),
            extraction_error=result.message,
            language=result.language[:16] or article.language,
        )
        return []

    try:
        new_claim_ids, vectors = _extraction_store(article, result)
    except Exception:  # a database error: back to pending, for the task's retry or the sweeper
        Article.objects.filter(pk=article.pk, extraction_status=Article.ExtractionStatus.RUNNING).update(
            extraction_status=Article.ExtractionStatus.PENDING, extraction_status_at=timezone.now()
        )
        raise
    # Claims of this article never sent for sources (new now, or left by a run whose worker died after
    # storing them) are matched and sent; only then is the extraction done, so a crash before this
    # point leaves it running for the sweeper, and the re-run picks them up.
    from sources.models import ClaimFetch

    unsent = (
        Claim.objects.filter(mentions__article=article)
        .exclude(Exists(ClaimFetch.objects.filter(claim=OuterRef("pk"))))
        .values_list("pk", flat=True)
        .distinct()
    )
    surviving = _after_new_claims(list(dict.fromkeys([*new_claim_ids, *unsent])), vectors)
    Article.objects.filter(pk=article.pk).update(
        extraction_status=Article.ExtractionStatus.DONE, extraction_status_at=timezone.now()
    )
    _extraction_log.info("Article %s: %d claims, %d new", article.pk, len(result.claims), len(surviving))
    ids = ClaimMention.objects.filter(article=article).order_by("start", "pk").values_list("claim_id", flat=True)
    order = list(dict.fromkeys(ids))
    claims = Claim.objects.in_bulk(order)
    return [claims[i] for i in order if i in claims]


def _extraction_store(article: Article, result) -> tuple[list[int], dict[int, np.ndarray]]:
    """Store an extraction's claims and mentions; returns the ids of new claims and the embeddings the extraction
    made of them (check-worthiness), which matching stores rather than computing again. One short transaction per
    claim (SQLite has one writer at a time: a long article must not hold it for all its claims); the
    article is claimed for this run (article_extraction_claim), so no other run writes beside it."""
    from .extraction.pipeline import normalise_for_matching

    new_claim_ids: list[int] = []
    vectors: dict[int, np.ndarray] = {}  # embedded by the extraction (check-worthiness); matching stores them
    kept_mentions: set[int] = set()
    for extracted in result.claims:
        normalized = normalise_for_matching(extracted.text)
        if not normalized:
            continue
        with transaction.atomic():
            # A claim an editor rewrote is still the one this span makes: found by the text it was extracted as.
            rewritten = ClaimMention.objects.filter(
                article=article, start=extracted.start, end=extracted.end, claim__extracted_text=extracted.text
            ).first()
            claim = rewritten.claim if rewritten is not None else _find_same_claim(normalized)
            if claim is None:
                claim = Claim.objects.create(
                    text=extracted.text,
                    normalized_text=normalized,
                    checkworthiness=min(1.0, max(0.0, extracted.checkworthiness)),
                    checkworthiness_signals=[[words, push] for words, push in extracted.signals],
                    claim_type=extracted.claim_type if extracted.claim_type in Claim.Type.values else Claim.Type.OTHER,
                    about_date=extracted.date,
                    needs_context="; ".join(extracted.needs_context)[:2000],
                    decomposed=extracted.decomposed,
                )
                new_claim_ids.append(claim.pk)
                if extracted.embedding is not None:
                    vectors[claim.pk] = extracted.embedding
            mention, _ = ClaimMention.objects.update_or_create(
                claim=claim,
                article=article,
                start=extracted.start,
                end=extracted.end,
                defaults={
                    "sentence": extracted.sentence,
                    "speaker": extracted.speaker[:300],
                    "cited_source": extracted.cited_source[:300],
                    "is_direct_quote": extracted.is_direct_quote,
                    "extracted_by": extracted.backend,
                },
            )
        kept_mentions.add(mention.pk)
    # Mentions this extraction no longer finds go, unless an editor has worked on their claim.
    for stale in ClaimMention.objects.filter(article=article).exclude(pk__in=kept_mentions).select_related("claim"):
        with transaction.atomic():
            claim = stale.claim
            if stale.added_by_id is not None or not _claim_untouched(claim):
                continue  # an editor recorded this mention (a missed claim, a split) or worked on its claim
            stale.delete()
            if not ClaimMention.objects.filter(claim=claim).exists():
                claim.delete()
    Article.objects.filter(pk=article.pk).update(
        extraction_status_at=timezone.now(),
        extraction_error=result.message[:2000],
        language=result.language[:16],
    )
    return new_claim_ids, vectors


def _after_new_claims(claim_ids: list[int], vectors: dict[int, np.ndarray]) -> list[int]:
    """Match each new claim against the known ones (with the embedding the extraction made of it, when it
    made one), then ask for sources for those that stay."""
    surviving: list[int] = []
    for claim_id in claim_ids:
        try:
            if claim_id in vectors and (claim := Claim.objects.filter(pk=claim_id).first()) is not None:
                claim_embed(claim=claim, vector=vectors[claim_id])
            outcome = claim_match(claim_id=claim_id)
        except Exception:  # matching is a separate concern: a failure there must not undo the extraction
            _extraction_log.exception("Matching claim %s failed", claim_id)
            surviving.append(claim_id)
            continue
        if not outcome.gone and not outcome.merged:
            surviving.append(claim_id)
    if surviving:
        from sources.services import claims_fetch_sources

        try:
            claims_fetch_sources(claim_ids=surviving)
        except InvalidInput:  # a claim merged away meanwhile
            claims_fetch_sources(claim_ids=list(Claim.objects.filter(pk__in=surviving).values_list("pk", flat=True)))
    return surviving


# --- Matching -----------------------------------------------------------------------------------
# One claim, many appearances. A new claim is embedded and compared with the stored claims
# (claims.matching): at or above FACTCHECK_MATCH_SAME its mentions and evidence join the existing
# claim and the duplicate row goes; from FACTCHECK_MATCH_SUGGEST up, editors are asked. Their
# decisions outrank scores: a rejected pair is never suggested again, a confirmed pair is merged.

import numpy as np  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db.models import Exists, OuterRef, Q  # noqa: E402

from .matching import decide as matching_decide  # noqa: E402
from .matching.decide import MatchOutcome  # noqa: E402
from .models import ClaimEmbedding, ClaimMatchSuggestion, ClaimMention  # noqa: E402

MATCH_NEIGHBOURS = 10  # neighbours looked at per new claim
MATCH_PERMISSION = "claims.change_claimmatchsuggestion"
Decision = ClaimMatchSuggestion.Decision


def claim_embed(*, claim: Claim, vector: np.ndarray | None = None):
    """The claim's embedding, computed and stored unless the stored one is for the same text and model.

    `vector`: the embedding the extraction already made of this claim's matching text with the current model
    (it scored check-worthiness with it); stored as it is, so the claim is not embedded a second time."""
    from .matching import embeddings
    from .matching.index import index_for

    text = matching_decide.matching_text(claim.text)
    digest = text_sha256(text)
    name = embeddings.model_name()
    stored = ClaimEmbedding.objects.filter(claim=claim).first()
    if stored is not None and stored.text_sha256 == digest and stored.model_name == name:
        return embeddings.from_bytes(stored.vector)
    vector = embeddings.embed_text(text) if vector is None else np.asarray(vector, dtype=np.float32)
    with transaction.atomic():
        ClaimEmbedding.objects.update_or_create(
            claim=claim, defaults={"vector": embeddings.to_bytes(vector), "model_name": name, "text_sha256": digest}
        )
        index_for().add(claim.pk, vector)
    return vector


def _untouched(claim: Claim) -> bool:
    """No editor has worked on it (see _claim_untouched). Only such a claim may be absorbed silently."""
    return _claim_untouched(claim)


def _pair_decisions(claim_id: int, other_ids) -> dict[int, str]:
    rows = ClaimMatchSuggestion.objects.filter(
        Q(claim_id=claim_id, candidate_id__in=other_ids) | Q(candidate_id=claim_id, claim_id__in=other_ids)
    ).values_list("claim_id", "candidate_id", "decision")
    return {(b if a == claim_id else a): decision for a, b, decision in rows}


def claim_match(*, claim_id: int) -> MatchOutcome:
    """Match a newly stored claim against the known ones; idempotent, and quiet when the claim is gone.

    Called by the extraction's storage code for every new claim. Returns what happened: joined an
    existing claim (the new row is gone), suggested to editors, or left alone; and whether a matching
    claim already carries a published verdict.
    """
    from .matching.index import index_for

    for _attempt in range(3):  # a concurrent merge may delete a neighbour between search and merge
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is None:
            return MatchOutcome(claim_id=claim_id, gone=True)
        vector = claim_embed(claim=claim)
        hits = index_for().search(vector, MATCH_NEIGHBOURS, exclude={claim.pk, *_same_sentence_claims(claim)})
        # Near-twins a guard separates are never joined, and are shown as possible contradictions.
        near = [h.claim_id for h in hits if h.score >= settings.FACTCHECK_MATCH_SUGGEST]
        texts = dict(Claim.objects.filter(pk__in=near).values_list("pk", "text"))
        conflicts = {pk: why for pk, other in texts.items() if (why := matching_decide.join_conflict(claim.text, other))}
        plan = matching_decide.match_plan(
            hits,
            same=settings.FACTCHECK_MATCH_SAME,
            suggest=settings.FACTCHECK_MATCH_SUGGEST,
            decisions=_pair_decisions(claim.pk, [h.claim_id for h in hits]),
            conflicts=conflicts,
        )
        suggest = list(plan.suggest)
        if plan.join is not None:
            merged = _merge_pair(claim.pk, plan.join.claim_id, reason="same claim (similarity %.3f)" % plan.join.score)
            if merged is _GONE:
                continue
            if merged is not None:
                kept, absorbed = merged
                return MatchOutcome(
                    claim_id=kept,
                    merged_from=absorbed,
                    score=plan.join.score,
                    known_verdict_claim_id=_known_verdict_id(kept),
                )
            suggest.insert(0, plan.join)  # an editor has worked on both claims: ask instead of merging
        suggested = []
        for hit in suggest:
            low, high = matching_decide.ordered_pair(claim.pk, hit.claim_id)
            ClaimMatchSuggestion.objects.get_or_create(
                claim_id=low, candidate_id=high, defaults={"score": hit.score, "conflict": conflicts.get(hit.claim_id, "")}
            )
            suggested.append(hit.claim_id)
        return MatchOutcome(
            claim_id=claim.pk,
            score=hits[0].score if hits else None,
            suggested=tuple(suggested),
            known_verdict_claim_id=_known_verdict_id(claim.pk),
        )
    return MatchOutcome(claim_id=claim_id, gone=not Claim.objects.filter(pk=claim_id).exists())


def _same_sentence_claims(claim: Claim) -> set[int]:
    """Claims decomposed from a sentence this claim also comes from: different facts by construction
    ("X became the second state to recognise Y" and "X recognised Y"), however alike their wording."""
    mentions = list(claim.mentions.values_list("article_id", "sentence"))
    if not mentions:
        return set()
    same = Q()
    for article_id, sentence in mentions:
        same |= Q(article_id=article_id, sentence=sentence)
    return set(ClaimMention.objects.filter(same).exclude(claim_id=claim.pk).values_list("claim_id", flat=True))


_GONE = object()


def _merge_pair(claim_id: int, other_id: int, *, reason: str, actor=None, force: bool = False):
    """Merge two claims found to be the same; returns (kept id, absorbed id), None when neither may be
    absorbed, or _GONE when one of them no longer exists.

    The absorbed claim is one no editor has touched (`force`: an editor confirmed the pair, then any
    claim without a verdict may be absorbed). Between two untouched claims the older one stays, so
    that claims matched concurrently converge on one row.
    """
    with transaction.atomic():
        locked = {c.pk: c for c in Claim.objects.select_for_update().filter(pk__in=[claim_id, other_id]).order_by("pk")}
        if len(locked) < 2:
            return _GONE
        choice = merge_order(locked[claim_id], locked[other_id], force=force)
        if choice is not None:
            absorbed, kept = choice
            ids = kept.pk, absorbed.pk  # delete() clears absorbed.pk
            claim_merge(source=absorbed, target=kept, reason=reason, actor=actor)
            return ids
    return None


def merge_order(one: Claim, other: Claim, *, force: bool = False) -> tuple[Claim, Claim] | None:
    """(absorbed, kept) for two claims found to be the same, or None when neither may be absorbed.

    Between two untouched claims the newer is absorbed; `force` (an editor confirmed the pair): any
    claim without a verdict may be absorbed, an untouched one rather than a worked-on one.
    """
    older, newer = sorted((one, other), key=lambda claim: claim.pk)
    choices = [(newer, older), (older, newer)]
    if force:  # an untouched claim is folded into a worked-on one rather than the other way round
        choices.sort(key=lambda choice: not _untouched(choice[0]))
    for absorbed, kept in choices:
        if kept.status == Status.PUBLISHED and not force:
            continue  # joining would change a published fact-check behind the editors' backs: suggested instead
        if not Verdict.objects.filter(claim=absorbed).exists() if force else _untouched(absorbed):
            return absorbed, kept
    return None


def claim_merge(*, source: Claim, target: Claim, reason: str = "", actor=None) -> Claim:
    """Move every appearance and piece of evidence of `source` to `target`, then delete `source`.

    `source` must have no verdict. Duplicates (the same span of the same article, the same passage of
    the same source) are dropped rather than copied. Editors' decisions about `source` carry over to
    `target`; a rejection wins over a pending suggestion.
    """
    from sources.models import Evidence

    if source.pk == target.pk:
        raise InvalidInput("A claim cannot be merged into itself.")
    if Verdict.objects.filter(claim=source).exists():
        raise InvalidTransition(f"Claim {source.pk} has a verdict; merge the other claim into it instead.")
    with transaction.atomic():
        same_span = ClaimMention.objects.filter(
            claim=target, article_id=OuterRef("article_id"), start=OuterRef("start"), end=OuterRef("end")
        )
        ClaimMention.objects.filter(claim=source).exclude(Exists(same_span)).update(claim=target)
        same_passage = Evidence.objects.filter(
            claim=target, source_id=OuterRef("source_id"), passage_sha256=OuterRef("passage_sha256")
        )
        Evidence.objects.filter(claim=source).exclude(Exists(same_passage)).update(claim=target)
        _carry_suggestions(source=source, target=target)
        changed = []
        if source.checkworthiness > target.checkworthiness:  # the score and the reasons for it go together
            target.checkworthiness, target.checkworthiness_signals = source.checkworthiness, source.checkworthiness_signals
            changed = [*changed, "checkworthiness", "checkworthiness_signals"]
        if target.about_date is None and source.about_date is not None:
            target.about_date, changed = source.about_date, [*changed, "about_date"]
        target._change_reason = f"Claim {source.pk} merged in: {reason}" if reason else f"Claim {source.pk} merged in"
        if actor is not None:
            target._history_user = actor
        target.save(update_fields=[*changed, "updated_at"])
        if target.status == Status.PUBLISHED:
            public_output_changed()  # its appearances are public
        source._change_reason = f"Merged into claim {target.pk}: {reason}" if reason else f"Merged into claim {target.pk}"
        if actor is not None:
            source._history_user = actor
        source.delete()
    return target


def _carry_suggestions(*, source: Claim, target: Claim) -> None:
    rank = {Decision.PENDING: 0, Decision.CONFIRMED: 1, Decision.REJECTED: 2}
    for suggestion in ClaimMatchSuggestion.objects.filter(Q(claim=source) | Q(candidate=source)):
        other = suggestion.candidate_id if suggestion.claim_id == source.pk else suggestion.claim_id
        if other == target.pk:
            continue  # the pair being merged; it goes with the source
        low, high = matching_decide.ordered_pair(target.pk, other)
        existing = ClaimMatchSuggestion.objects.filter(claim_id=low, candidate_id=high).first()
        if existing is None:
            ClaimMatchSuggestion.objects.create(
                claim_id=low,
                candidate_id=high,
                score=suggestion.score,
                decision=suggestion.decision,
                decided_by_id=suggestion.decided_by_id,
                decided_at=suggestion.decided_at,
            )
        elif rank[suggestion.decision] > rank[existing.decision]:
            existing.decision, existing.decided_by_id = suggestion.decision, suggestion.decided_by_id
            existing.decided_at = suggestion.decided_at
            existing.save(update_fields=["decision", "decided_by", "decided_at"])


def _known_verdict_id(claim_id: int) -> int | None:
    from .selectors import claim_known_verdict

    claim = Claim.objects.filter(pk=claim_id).first()
    verdict = claim_known_verdict(claim) if claim is not None else None
    return verdict.claim_id if verdict is not None else None


def claim_match_decide(*, suggestion: ClaimMatchSuggestion, decision: str, actor) -> MatchOutcome:
    """An editor says whether two suggested claims are the same.

    Rejected: stored, and the pair is never suggested again. Confirmed: the claims are merged (the one
    with a verdict stays; between two without, the older one), and the suggestion goes with the merged
    claim; the kept claim's history records who confirmed it. Deciding again the same way changes nothing.
    """
    _require(actor, MATCH_PERMISSION)
    if decision not in (Decision.CONFIRMED, Decision.REJECTED):
        raise InvalidInput("Decide 'confirmed' (the same claim) or 'rejected' (different claims).")
    with transaction.atomic():
        locked = ClaimMatchSuggestion.objects.select_for_update().filter(pk=suggestion.pk).first()
        if locked is None:
            raise InvalidTransition("This suggestion no longer exists: one of its claims was merged or deleted.")
        if locked.decision == decision:
            return MatchOutcome(claim_id=locked.claim_id, suggested=(locked.candidate_id,))
        if locked.decision != Decision.PENDING:
            raise InvalidTransition(
                f"This pair was already {Decision(locked.decision).label.lower()!r} by an editor; it cannot be changed."
            )
        if decision == Decision.REJECTED:
            locked.decision, locked.decided_by, locked.decided_at = decision, actor, timezone.now()
            locked.save(update_fields=["decision", "decided_by", "decided_at"])
            return MatchOutcome(claim_id=locked.claim_id)
        merged = _merge_pair(
            locked.claim_id, locked.candidate_id, reason=f"confirmed by {actor}", actor=actor, force=True
        )
        if merged is None:
            raise InvalidTransition(
                "Both claims have verdicts, so neither can be folded into the other. Dismiss one of them instead."
            )
        if merged is _GONE:
            raise InvalidTransition("One of the two claims no longer exists.")
        kept, absorbed = merged
    return MatchOutcome(
        claim_id=kept, merged_from=absorbed, score=locked.score, known_verdict_claim_id=_known_verdict_id(kept)
    )


def claims_embed_missing(*, batch_size: int = 64) -> int:
    """Embed every claim without a current embedding (none yet, another text or another model), in batches.

    For claims stored before matching existed, or after FACTCHECK_EMBEDDING_MODEL changed. Returns how many
    were embedded. Matching itself is not re-run: stored claims keep their suggestions and merges.
    """
    from .matching import embeddings
    from .matching.index import index_for

    name, done, last_id = embeddings.model_name(), 0, 0
    while True:
        batch = list(
            Claim.objects.filter(pk__gt=last_id).order_by("pk").values_list("pk", "text")[: batch_size * 8]
        )
        if not batch:
            return done
        last_id = batch[-1][0]
        stored = dict(
            ClaimEmbedding.objects.filter(claim_id__in=[pk for pk, _ in batch], model_name=name).values_list(
                "claim_id", "text_sha256"
            )
        )
        todo = [
            (pk, text)
            for pk, text in ((pk, matching_decide.matching_text(text)) for pk, text in batch)
            if stored.get(pk) != text_sha256(text)
        ]
        if not todo:
            continue
        vectors = embeddings.embed_texts([text for _, text in todo], batch_size=batch_size)
        index = index_for()
        with transaction.atomic():
            for (pk, text), vector in zip(todo, vectors):
                ClaimEmbedding.objects.update_or_create(
                    claim_id=pk,
                    defaults={"vector": embeddings.to_bytes(vector), "model_name": name, "text_sha256": text_sha256(text)},
                )
                index.add(pk, vector)
        done += len(todo)


# --- Publishing ---------------------------------------------------------------------------------
# Webhooks: when a verdict is published or a correction republished, every active subscription
# receives an HMAC-SHA256-signed POST, delivered by Celery with retries through the safe HTTP client.

WEBHOOK_SIGNATURE_HEADER = "X-Factcheck-Signature"
WEBHOOK_TIMEOUT_SECONDS = 10.0
WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024


def webhook_subscription_save(
    *, subscription_id: int | None, actor, url: str, secret: str, is_active: bool
) -> "WebhookSubscription":
    """Create a subscription owned by `actor`, or change one `actor` owns (a superuser may change any).
    An empty `secret` keeps the stored one; a new subscription needs one."""
    from .models import WebhookSubscription

    _require(actor, "claims.add_webhooksubscription" if subscription_id is None else "claims.change_webhooksubscription")
    if subscription_id is None:
        if not secret:
            raise InvalidInput("A new subscription needs a secret.")
        return WebhookSubscription.objects.create(url=url, secret=secret, is_active=is_active, owner=actor)
    with transaction.atomic():
        subscription = WebhookSubscription.objects.select_for_update().filter(pk=subscription_id).first()
        if subscription is None or (subscription.owner_id != actor.pk and not actor.is_superuser):
            raise NotAllowed("This webhook subscription belongs to someone else.")
        subscription.url, subscription.is_active = url, is_active
        if secret:
            subscription.secret = secret
        subscription.save()
    return subscription


class WebhookDeliveryError(Exception):
    """One delivery attempt failed; `retryable` says whether a later attempt may succeed."""

    def __init__(self, message: str, *, retryable: bool, status: int | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.status = status


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it and rejects
    stale timestamps, so a captured request cannot be replayed later."""
    import hmac

    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def webhook_signature_valid(*, secret: str, header: str, body: bytes, tolerance: int = 300, now: int | None = None) -> bool:
    """The receiver's side of `webhook_signature` (documented for subscribers; used by the tests)."""
    import hmac
    import time

    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else int(time.time())) - timestamp) > tolerance:
        return False
    expected = webhook_signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, header)


def _webhook_event(verdict: Verdict) -> str:
    return "verdict.corrected" if verdict.corrected_at and verdict.corrected_at == verdict.published_at else "verdict.published"


def verdict_announce(*, verdict: Verdict) -> list:
    """Record one delivery per active subscription for this publication and queue them after commit.

    Called by `verdict_publish`. Idempotent: the event id is the verdict and the moment it was
    published, and (subscription, event id) is unique, so announcing twice queues nothing new.
    """
    from .models import WebhookDelivery, WebhookSubscription
    from .selectors import claimreviews_for_verdicts, verdict_list_published
    from .tasks import webhook_deliver_task

    subscriptions = list(WebhookSubscription.objects.filter(is_active=True))
    if not subscriptions or verdict.published_at is None:
        return []
    event = _webhook_event(verdict)
    event_id = f"{event}:{verdict.pk}:{int(verdict.published_at.timestamp() * 1_000_000)}"
    published = verdict_list_published().filter(pk=verdict.pk).first()
    claimreview = claimreviews_for_verdicts([published])[0] if published else None
    payload = {
        "event": event,
        "event_id": event_id,
        "verdict": {
            "id": verdict.pk,
            "claim_id": verdict.claim_id,
            "rating": verdict.rating.name,
            "published_at": verdict.published_at.isoformat(),
            "first_published_at": verdict.first_published_at.isoformat() if verdict.first_published_at else None,
            "corrected_at": verdict.corrected_at.isoformat() if verdict.corrected_at else None,
            "correction_reason": verdict.correction_reason if event == "verdict.corrected" else "",
        },
        "claimreview": claimreview,
    }
    deliveries = []
    for subscription in subscriptions:
        delivery, created = WebhookDelivery.objects.get_or_create(
            subscription=subscription, event_id=event_id, defaults={"verdict": verdict, "event": event, "payload": payload}
        )
        if created:
            deliveries.append(delivery)
            webhook_deliver_task.delay(delivery.pk)  # sent when the surrounding transaction commits
    return deliveries


def _webhook_post(url: str, *, body: bytes, headers: dict) -> int:
    """POST through the one safe HTTP client (vetted address, no redirects, bounded time and response).
    Returns the status; raises WebhookDeliveryError."""
    from sources import http as safe_http

    try:
        return safe_http.post(
            url,
            body=body,
            headers={"Content-Type": "application/json", **headers},
            timeout=WEBHOOK_TIMEOUT_SECONDS,
            max_response_bytes=WEBHOOK_MAX_RESPONSE_BYTES,
        )
    except safe_http.HTTPStatusError as exc:
        retryable = exc.status >= 500 or exc.status in (408, 429)
        raise WebhookDeliveryError(exc.message, retryable=retryable, status=exc.status) from None
    except safe_http.FetchError as exc:  # blocked or invalid URL: final; timeout, DNS or connection: retry
        raise WebhookDeliveryError(exc.message, retryable=exc.retryable) from None


def webhook_deliver(*, delivery_id: int, final_attempt: bool = False):
    """Make one delivery attempt; quiet when the delivery is gone or already delivered.

    Raises WebhookDeliveryError when the attempt fails and a retry may help (the task retries);
    a failure that cannot be helped, or the final attempt, marks the delivery failed.
    """
    import json
    import time

    from django.db.models import F

    from .models import WebhookDelivery

    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status == WebhookDelivery.Status.DELIVERED:
        return delivery
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode("utf-8")
    headers = {
        WEBHOOK_SIGNATURE_HEADER: webhook_signature(
            secret=delivery.subscription.secret, timestamp=int(time.time()), body=body
        ),
        "X-Factcheck-Event": delivery.event,
        "X-Factcheck-Delivery": delivery.event_id,
    }
    WebhookDelivery.objects.filter(pk=delivery.pk).update(attempts=F("attempts") + 1)
    try:
        status = _webhook_post(delivery.subscription.url, body=body, headers=headers)
    except WebhookDeliveryError as exc:
        failed = final_attempt or not exc.retryable
        WebhookDelivery.objects.filter(pk=delivery.pk).exclude(status=WebhookDelivery.Status.DELIVERED).update(
            last_error=str(exc)[:2000],
            response_status=exc.status,
            status=WebhookDelivery.Status.FAILED if failed else WebhookDelivery.Status.PENDING,
        )
        if not failed:
            raise
        delivery.refresh_from_db()
        return delivery
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.DELIVERED, response_status=status, delivered_at=timezone.now(), last_error=""
    )
    delivery.refresh_from_db()
    return delivery


# --- Publishing: Google Fact Check Tools --------------------------------------------------------
# With GOOGLE_FACTCHECK_CREDENTIALS_FILE set, every publication, unpublication and correction queues a
# sync of the verdict's ClaimReview markup page in Google's Fact Check Tools API (claims.google_factcheck).
# The task brings Google's page to the verdict's state at the time it runs, so a late or redelivered
# task never undoes a later change, and publishing never waits for (or fails because of) Google.


def google_factcheck_enabled() -> bool:
    from django.conf import settings

    return bool(settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE)


def verdict_google_sync_queue(*, verdict: Verdict):
    """Mark the verdict's Google page as pending and queue its sync after commit; None when the feature
    is off, or when an unpublished verdict has never been sent to Google (nothing to delete)."""
    from .models import GoogleFactCheckPage
    from .tasks import google_factcheck_sync_task

    if not google_factcheck_enabled():
        return None
    if verdict.published_at is None and not GoogleFactCheckPage.objects.filter(verdict=verdict).exists():
        return None
    page, created = GoogleFactCheckPage.objects.get_or_create(verdict=verdict)
    if not created:
        GoogleFactCheckPage.objects.filter(pk=page.pk).update(
            status=GoogleFactCheckPage.Status.PENDING, attempts=0, last_error=""
        )
    google_factcheck_sync_task.delay(verdict.pk)  # sent when the surrounding transaction commits
    return page


def verdict_google_sync(*, verdict_id: int, final_attempt: bool = False):
    """Make Google's markup page match the verdict now: created or fully updated while it is published,
    deleted otherwise. Quiet (returns None) when there is no sync row for the verdict.

    Idempotent: a page whose body is unchanged since the last sync is not sent again, and a verdict
    with no page name yet first asks Google for a page at its URL (an earlier attempt may have created
    it and lost the answer), so a redelivered task never makes a second page. The row is locked while
    Google is called, so two syncs of one verdict do not interleave. Raises GoogleFactCheckError when
    the attempt failed and a retry may help; a final failure is recorded (status failed) and logged.
    """
    import json
    import logging

    from django.conf import settings
    from django.db.models import F

    from .google_factcheck import GoogleFactCheckError, PagesClient, markup_page
    from .links import public_claim_url
    from .models import GoogleFactCheckPage
    from .selectors import claimreviews_for_verdicts, verdict_list_published

    Sync = GoogleFactCheckPage.Status
    if not google_factcheck_enabled():
        return None
    client = PagesClient(settings.GOOGLE_FACTCHECK_API_URL, settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE)
    error = None
    with transaction.atomic():
        page = GoogleFactCheckPage.objects.select_for_update().filter(verdict_id=verdict_id).first()
        if page is None:
            return None
        published = verdict_list_published().filter(pk=verdict_id).first()
        changes: dict = {}
        try:
            if published is not None:
                body = markup_page(claimreviews_for_verdicts([published])[0])
                digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
                if page.status == Sync.SYNCED and page.name and page.body_sha256 == digest:
                    return page
                name, version_id = page.name, page.version_id
                if not name:
                    found = client.find(body["pageUrl"])
                    if found is not None:
                        name, version_id = found["name"], found.get("versionId", "")
                result = client.update(name, version_id, body) if name else None
                if result is None:  # never created, or deleted at Google since
                    result = client.create(body)
                changes = {"name": result["name"], "version_id": result.get("versionId", ""), "body_sha256": digest,
                           "status": Sync.SYNCED}  # fmt: skip
            else:
                name = page.name
                if not name:
                    found = client.find(public_claim_url(page.verdict.claim_id))
                    name = found["name"] if found else ""
                if name:
                    client.delete(name)
                changes = {"name": "", "version_id": "", "body_sha256": "", "status": Sync.DELETED}
            changes |= {"last_error": "", "synced_at": timezone.now()}
        except GoogleFactCheckError as exc:
            error = exc
            failed = final_attempt or not exc.retryable
            changes = {"last_error": exc.message[:2000], "status": Sync.FAILED if failed else Sync.PENDING}
        GoogleFactCheckPage.objects.filter(pk=page.pk).update(attempts=F("attempts") + 1, **changes)
    page.refresh_from_db()
    if error is not None:
        if page.status == Sync.FAILED:
            logging.getLogger(__name__).error(
                "Google Fact Check sync of verdict %s failed for good: %s", verdict_id, error.message
            )
            return page
        raise error
    return page
