"""The review workflow of a claim: every change of its status happens here, under a row lock.

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

from dataclasses import dataclass

from django.db import transaction

from factcheck.exceptions import InvalidInput, InvalidTransition

from ..models import Claim, Verdict
from ..public_cache import public_output_changed
from .history import history_note
from .permissions import PUBLISH_PERMISSION, REVIEW_PERMISSION, refuse_control_characters, require

Status = Claim.Status

UNDECIDED = (Status.NEW, Status.IN_REVIEW, Status.VERDICT_READY)


@dataclass(frozen=True)
class Step:
    """One named step of the workflow: the status it leads to, the statuses it starts from, who may take it."""

    to: str | None  # None: work on the claim that leaves its status alone
    start: tuple[str, ...]
    permission: str


# Every step an editor can take, in one place: the services enforce it (transition) and the admin's buttons read it
# (claim_steps_open). Correcting and unpublishing also apply while a correction is drafted: see there.
STEPS: dict[str, Step] = {
    "start_review": Step(Status.IN_REVIEW, (Status.NEW,), REVIEW_PERMISSION),
    "dismiss": Step(Status.DISMISSED, (Status.NEW, Status.IN_REVIEW), REVIEW_PERMISSION),
    "restore": Step(Status.NEW, (Status.DISMISSED,), REVIEW_PERMISSION),
    "mark_ready": Step(Status.VERDICT_READY, (Status.IN_REVIEW,), REVIEW_PERMISSION),
    "send_back": Step(Status.IN_REVIEW, (Status.VERDICT_READY,), REVIEW_PERMISSION),
    "publish": Step(Status.PUBLISHED, (Status.VERDICT_READY,), PUBLISH_PERMISSION),
    "unpublish": Step(Status.VERDICT_READY, (Status.PUBLISHED,), PUBLISH_PERMISSION),
    "correct": Step(Status.IN_REVIEW, (Status.PUBLISHED,), PUBLISH_PERMISSION),
    "assign": Step(None, tuple(Status), REVIEW_PERMISSION),
    "fetch_sources": Step(None, UNDECIDED, REVIEW_PERMISSION),
    "add_source": Step(None, UNDECIDED, REVIEW_PERMISSION),
}

# (from, to) -> the permission the actor needs: the steps that move a claim, as the row-locked check reads them.
TRANSITIONS: dict[tuple[str, str], str] = {
    (start, step.to): step.permission for step in STEPS.values() if step.to is not None for start in step.start
}


def claim_steps_open(*, claim: Claim, actor=None) -> list[str]:
    """The steps this claim can take now (and that `actor`, when given, may take), in STEPS order.

    While a correction of a published verdict is drafted the claim is in review or ready again, and its
    published version is still up: unpublishing applies, dismissing does not (it would leave it public)."""
    published = published_verdict(claim) is not None
    open_steps = []
    for name, step in STEPS.items():
        applies = claim.status in step.start or (name == "unpublish" and published)
        if name == "dismiss" and published:
            applies = False
        if applies and (actor is None or (actor.is_active and actor.has_perm(step.permission))):
            open_steps.append(name)
    return open_steps


def allowed_transitions(claim: Claim) -> list[str]:
    """The statuses a claim may move to next, whoever asks."""
    return [to for (frm, to) in TRANSITIONS if frm == claim.status]


def transition(*, claim: Claim, step: str, actor, reason: str = "") -> Claim:
    """Take the named step (STEPS) under a row lock, or refuse with a message that says why. Several steps
    share a target (start review, send back and correct all lead to in review) but not a start."""
    to, start = STEPS[step].to, STEPS[step].start
    if to is None:  # a programming error: steps like "assign" have their own service
        raise ValueError(f"The step {step!r} leaves a claim's status alone; it is not a transition.")
    refuse_control_characters(reason, what="The reason")
    with transaction.atomic():
        locked = Claim.objects.select_for_update(no_key=True).get(pk=claim.pk)
        permission = TRANSITIONS.get((locked.status, to))
        if permission is None or locked.status not in start:
            allowed = ", ".join(Status(s).label.lower() for s in allowed_transitions(locked)) or "nothing"
            raise InvalidTransition(
                f"A claim that is {Status(locked.status).label.lower()} cannot become "
                f"{Status(to).label.lower()}; it can become: {allowed}."
            )
        require(actor, permission)
        previous, locked.status = locked.status, to
        history_note(locked, reason=reason or f"{Status(previous).label} → {Status(to).label}")
        locked.save()
        if Status.PUBLISHED in (previous, to):
            public_output_changed()  # cached public pages and readers' ETags go stale when this commits
    claim.refresh_from_db()
    return claim


def claim_start_review(*, claim: Claim, actor) -> Claim:
    """Take a new claim into review; the actor becomes its assignee if it has none."""
    claim = transition(claim=claim, step="start_review", actor=actor)
    if claim.assignee_id is None:
        claim_assign(claim=claim, assignee=actor, actor=actor)
    return claim


def claim_dismiss(*, claim: Claim, actor, reason: str = "") -> Claim:
    if published_verdict(claim) is not None:
        raise InvalidTransition("This claim's verdict is published; unpublish it before dismissing the claim.")
    return transition(claim=claim, step="dismiss", actor=actor, reason=reason or "Dismissed: not check-worthy")


def claim_restore(*, claim: Claim, actor) -> Claim:
    return transition(claim=claim, step="restore", actor=actor, reason="Restored from dismissed")


def claim_mark_verdict_ready(*, claim: Claim, actor) -> Claim:
    if not Verdict.objects.filter(claim=claim).exists():
        raise InvalidTransition("Draft a verdict (rating and explanation) before marking the claim ready.")
    return transition(claim=claim, step="mark_ready", actor=actor)


def claim_send_back(*, claim: Claim, actor, reason: str = "") -> Claim:
    return transition(claim=claim, step="send_back", actor=actor, reason=reason or "Sent back to review")


def claim_assign(*, claim: Claim, assignee, actor) -> Claim:
    require(actor, REVIEW_PERMISSION)
    claim.assignee = assignee
    history_note(claim, reason=f"Assigned to {assignee}" if assignee else "Unassigned")
    claim.save(update_fields=["assignee", "updated_at"])
    return claim


def published_verdict(claim: Claim) -> Verdict | None:
    return Verdict.objects.filter(claim=claim, published_at__isnull=False).first()


CLAIM_EDITABLE_FIELDS = ("claim_type", "about_date", "checkworthiness")


def claim_edit(*, claim: Claim, actor, **changes) -> Claim:
    """Correct what extraction got wrong (type, date, check-worthiness) while the claim is not yet decided.

    The claim's text is not editable: matching and the mentions rest on it; a wrong claim is dismissed.
    """
    require(actor, REVIEW_PERMISSION)
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
    history_note(claim, reason="Edited: " + ", ".join(sorted(changes)))
    claim.save(update_fields=[*changes, "updated_at"])
    return claim


def claim_untouched(claim: Claim) -> bool:
    """No editor has worked on it: new, unassigned, not rewritten, no verdict. Only such claims may be dropped on
    re-extraction."""
    return (
        claim.status == Status.NEW
        and claim.assignee_id is None
        and not claim.extracted_text
        and not Verdict.objects.filter(claim=claim).exists()
    )
