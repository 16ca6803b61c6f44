"""Editors working on a claim together: internal notes (who, when; never public) and who the claim is assigned to.

Assignment itself is `workflow.claim_assign`; this module adds the notes and the list of people a claim
can be handed to. No public surface (public page, API for readers, ClaimReview, feeds) reads ClaimNote.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from factcheck.exceptions import InvalidInput

from ..models import Claim, ClaimNote
from .permissions import REVIEW_PERMISSION, require

MAX_NOTE_CHARS = 5000


def claim_note_add(*, claim: Claim, text: str, actor) -> ClaimNote:
    """Add an internal note to a claim, signed by the actor."""
    require(actor, REVIEW_PERMISSION)
    text = (text or "").strip()
    if not text:
        raise InvalidInput("Write the note before adding it.")
    if len(text) > MAX_NOTE_CHARS:
        raise InvalidInput(f"A note is at most {MAX_NOTE_CHARS} characters.")
    return ClaimNote.objects.create(claim=claim, author=actor, text=text)


def claim_notes(*, claim: Claim) -> QuerySet[ClaimNote]:
    """The claim's notes, oldest first, with their authors (one query)."""
    return ClaimNote.objects.filter(claim=claim).select_related("author").order_by("created_at", "pk")


def assignable_users() -> QuerySet:
    """Who a claim can be assigned to: active staff accounts that may review claims."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    can_review = (
        Q(is_superuser=True)
        | Q(groups__permissions__codename="change_claim")
        | Q(user_permissions__codename="change_claim")
    )
    return users.filter(can_review).distinct().order_by("username")
