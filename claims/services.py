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

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from factcheck.exceptions import InvalidInput, InvalidTransition, NotAllowed

from .models import Article, Claim, Outlet, Rating, Verdict

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


def _transition(*, claim: Claim, to: str, actor, reason: str = "") -> Claim:
    """Move a claim to `to` under a row lock, or refuse with a message that says why."""
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        permission = TRANSITIONS.get((locked.status, to))
        if permission is None:
            allowed = ", ".join(Status(s).label.lower() for s in allowed_transitions(locked)) or "nothing"
            raise InvalidTransition(
                f"A claim that is {Status(locked.status).label.lower()} cannot become "
                f"{Status(to).label.lower()}; it can become: {allowed}."
            )
        _require(actor, permission)
        previous, locked.status = locked.status, to
        locked._change_reason = reason or f"{Status(previous).label} → {Status(to).label}"
        locked.save()
    claim.refresh_from_db()
    return claim


def claim_start_review(*, claim: Claim, actor) -> Claim:
    """Take a new claim into review; the actor becomes its assignee if it has none."""
    claim = _transition(claim=claim, to=Status.IN_REVIEW, actor=actor)
    if claim.assignee_id is None:
        claim_assign(claim=claim, assignee=actor, actor=actor)
    return claim


def claim_dismiss(*, claim: Claim, actor, reason: str = "") -> Claim:
    return _transition(claim=claim, to=Status.DISMISSED, actor=actor, reason=reason or "Dismissed: not check-worthy")


def claim_restore(*, claim: Claim, actor) -> Claim:
    return _transition(claim=claim, to=Status.NEW, actor=actor, reason="Restored from dismissed")


def claim_mark_verdict_ready(*, claim: Claim, actor) -> Claim:
    if not Verdict.objects.filter(claim=claim).exists():
        raise InvalidTransition("Draft a verdict (rating and explanation) before marking the claim ready.")
    return _transition(claim=claim, to=Status.VERDICT_READY, actor=actor)


def claim_send_back(*, claim: Claim, actor, reason: str = "") -> Claim:
    return _transition(claim=claim, to=Status.IN_REVIEW, actor=actor, reason=reason or "Sent back to review")


def claim_assign(*, claim: Claim, assignee, actor) -> Claim:
    _require(actor, REVIEW_PERMISSION)
    claim.assignee = assignee
    claim._change_reason = f"Assigned to {assignee}" if assignee else "Unassigned"
    claim.save(update_fields=["assignee", "updated_at"])
    return claim


def verdict_save(*, claim: Claim, rating: Rating, explanation: str, actor, sources=None) -> Verdict:
    """Create or update the draft verdict of a claim under review."""
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
        verdict = Verdict.objects.select_for_update().filter(claim=claim).first() or Verdict(claim=claim)
        verdict.rating = rating
        verdict.explanation = explanation
        verdict.reviewer = actor
        verdict.save()
        if sources is not None:
            verdict.sources.set(sources)
    return verdict


def verdict_publish(*, claim: Claim, actor) -> Verdict:
    """Publish the ready verdict. A republication after a correction records when it was corrected."""
    with transaction.atomic():
        _transition(claim=claim, to=Status.PUBLISHED, actor=actor, reason="Verdict published")
        verdict = Verdict.objects.select_for_update().get(claim=claim)
        now = timezone.now()
        if verdict.first_published_at is None:
            verdict.first_published_at = now
        elif verdict.correction_reason:
            verdict.corrected_at = now
        verdict.published_at = now
        verdict._change_reason = "Published"
        verdict.save()
    return verdict


def verdict_unpublish(*, claim: Claim, actor, reason: str) -> Verdict:
    """Withdraw a published verdict from the public; the claim goes back to verdict ready."""
    if not (reason or "").strip():
        raise InvalidInput("Say why the verdict is unpublished: the reason is kept in its history.")
    with transaction.atomic():
        _transition(claim=claim, to=Status.VERDICT_READY, actor=actor, reason=f"Unpublished: {reason.strip()}")
        verdict = Verdict.objects.select_for_update().get(claim=claim)
        verdict.published_at = None
        verdict._change_reason = f"Unpublished: {reason.strip()}"
        verdict.save()
    return verdict


def claim_reopen_for_correction(*, claim: Claim, actor, reason: str) -> Verdict:
    """Reopen a published claim to correct its verdict.

    The verdict leaves the public API while it is being corrected (readers must
    never see a half-edited verdict); its published version stays in the history,
    and republishing records `corrected_at` for ClaimReview's dateModified.
    """
    if not (reason or "").strip():
        raise InvalidInput("Say what is being corrected: the reason is published with the correction.")
    with transaction.atomic():
        _transition(claim=claim, to=Status.IN_REVIEW, actor=actor, reason=f"Correction: {reason.strip()}")
        verdict = Verdict.objects.select_for_update().get(claim=claim)
        verdict.correction_reason = reason.strip()
        verdict.published_at = None
        verdict._change_reason = f"Correction opened: {reason.strip()}"
        verdict.save()
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


def article_ingest(
    *,
    text: str,
    title: str = "",
    url: str | None = None,
    outlet_name: str = "",
    published_at=None,
    language: str = "",
) -> tuple[Article, bool]:
    """Store an article once (by the sha256 of its cleaned text); returns (article, created)."""
    import unicodedata

    if not (text or "").strip():
        raise InvalidInput("The article has no text.")
    cleaned = "\n".join(line.strip() for line in unicodedata.normalize("NFKC", text).splitlines()).strip()
    digest = text_sha256(cleaned)
    existing = Article.objects.filter(text_sha256=digest).first()
    if existing:
        return existing, False
    with transaction.atomic():
        article, created = Article.objects.get_or_create(
            text_sha256=digest,
            defaults={
                "raw_text": text,
                "cleaned_text": cleaned,
                "title": title[:500],
                "url": url or None,
                "outlet": outlet_get_or_create(name=outlet_name),
                "published_at": published_at,
                "language": language,
            },
        )
    return article, created
