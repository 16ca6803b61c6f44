"""A claim's verdict: drafting, publishing (four-eyes, If-Match), corrections that keep the published
version serving, and unpublishing, the only takedown."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from factcheck.exceptions import InvalidInput, InvalidTransition, NotAllowed, StaleVersion

from ..models import Claim, Rating, Verdict, VerdictCorrection, VerdictPublication
from ..public_cache import public_output_changed
from .google import verdict_google_sync_queue
from .history import history_note
from .permissions import PUBLISH_PERMISSION, REVIEW_PERMISSION, require
from .webhooks import verdict_announce
from .workflow import Status, transition


def verdict_save(
    *, claim: Claim, rating: Rating, explanation: str, actor, sources=None, claim_reviewed: str | None = None
) -> Verdict:
    """Create or update the draft verdict of a claim under review.

    While a published verdict is being corrected the draft is its VerdictCorrection: the verdict
    itself keeps serving readers until the correction is published.

    `claim_reviewed` is ClaimReview's claimReviewed, the editors' short statement of the claim (None: leave
    it as it is; empty: the claim's text). It is stored as written: no machine cut.
    """
    require(actor, REVIEW_PERMISSION)
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
        draft: Verdict | VerdictCorrection
        if verdict is not None and verdict.published_at is not None:
            correction = VerdictCorrection.objects.filter(verdict=verdict).first()
            if correction is None:  # not opened through claim_reopen_for_correction (e.g. rows written by hand)
                correction = VerdictCorrection(verdict=verdict, opened_by=actor)
            draft = correction
        else:
            if verdict is None:
                verdict = Verdict(claim=claim)
            draft = verdict
        draft.rating = rating
        draft.explanation = explanation
        if claim_reviewed is not None:
            draft.claim_reviewed = " ".join(claim_reviewed.split())
        draft.reviewer = actor
        draft.save()
        if sources is not None:
            draft.sources.set(sources)
    return verdict


def verdict_version(*, verdict: Verdict) -> str:
    """What publishing would publish, as an opaque token: it changes whenever the verdict or its correction
    draft is saved. The admin's confirmation page and the API's ETag carry it; `verdict_publish` compares."""
    stamps = Verdict.objects.filter(pk=verdict.pk).values_list("updated_at", "correction__updated_at").first() or ()
    return f"{verdict.pk}." + ".".join(str(int(stamp.timestamp() * 1_000_000)) for stamp in stamps if stamp)


def verdict_drafted_by(*, verdict: Verdict):
    """Who last drafted what publishing would publish: the correction's drafter, else the verdict's."""
    draft = VerdictCorrection.objects.filter(verdict=verdict).select_related("reviewer").first()
    return draft.reviewer if draft is not None else verdict.reviewer


def verdict_four_eyes_blocks(*, verdict: Verdict, actor) -> bool:
    """With FACTCHECK_FOUR_EYES, whoever drafted what publishing would publish cannot also publish it."""
    if not settings.FACTCHECK_FOUR_EYES or actor is None:
        return False
    drafter = verdict_drafted_by(verdict=verdict)
    return drafter is not None and drafter.pk == actor.pk


def _check_four_eyes(*, verdict: Verdict, actor) -> None:
    if verdict_four_eyes_blocks(verdict=verdict, actor=actor):
        raise NotAllowed("Four-eyes rule: you drafted this verdict, so another editor must publish it.")


def verdict_publish(*, claim: Claim, actor, expected_version: str | None = None) -> Verdict:
    """Publish the ready verdict. A correction's draft replaces the published version and records
    when it was corrected (ClaimReview's dateModified) and why.

    `expected_version` (from `verdict_version`, as the publisher saw it) refuses a verdict changed
    since: StaleVersion. Every caller passes it; None is only for scripts and tests that read and
    publish in one breath.
    """
    with transaction.atomic():  # a refusal below rolls the transition back
        transition(claim=claim, step="publish", actor=actor, reason="Verdict published")
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
        history_note(
            verdict, reason="Published" if draft is None else f"Correction published: {verdict.correction_reason}"
        )
        verdict.save()
        _record_publication(verdict=verdict, actor=actor, published_at=now)
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


def _record_publication(*, verdict: Verdict, actor, published_at: datetime) -> VerdictPublication:
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
        correction_reason=verdict.correction_reason if verdict.corrected_at == published_at else "",
        published_at=published_at,
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
        current = Claim.objects.select_for_update(no_key=True).get(pk=claim.pk)
        verdict = Verdict.objects.select_for_update().filter(claim=claim, published_at__isnull=False).first()
        if current.status == Status.PUBLISHED or verdict is None:
            transition(claim=claim, step="unpublish", actor=actor, reason=f"Unpublished: {reason}")
            verdict = Verdict.objects.select_for_update().get(claim=claim)
        else:  # under correction: the claim stays where the correction is
            require(actor, PUBLISH_PERMISSION)
            _fold_correction(verdict=verdict)
            history_note(current, reason=f"Unpublished during a correction: {reason}")
            current.save(update_fields=["updated_at"])
        verdict.published_at = None
        history_note(verdict, reason=f"Unpublished: {reason}")
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
        transition(claim=claim, step="correct", actor=actor, reason=f"Correction: {reason}")
        verdict = Verdict.objects.select_for_update().get(claim=claim)
        VerdictCorrection.objects.filter(verdict=verdict).delete()  # a stale draft from an older correction
        draft = VerdictCorrection.objects.create(
            verdict=verdict, rating=verdict.rating, claim_reviewed=verdict.claim_reviewed,
            explanation=verdict.explanation, reason=reason,
            reviewer=verdict.reviewer, opened_by=actor,
        )  # fmt: skip
        draft.sources.set(verdict.sources.all())
    return verdict
