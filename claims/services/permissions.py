"""Who may do what, and the input every write refuses: shared by the workflow's services."""

from __future__ import annotations

import re

from django.contrib.auth.models import AnonymousUser, User

from factcheck.exceptions import InvalidInput, NotAllowed

REVIEW_PERMISSION = "claims.change_claim"
PUBLISH_PERMISSION = "claims.publish_verdict"
MATCH_PERMISSION = "claims.change_claimmatchsuggestion"


# Whoever is asking, signed in or not (request.user); the project uses Django's own User model.
Actor = User | AnonymousUser


def require(actor: Actor | None, permission: str) -> None:
    if actor is None or not actor.is_active or not actor.has_perm(permission):
        raise NotAllowed(
            "You do not have permission to do this: it needs %s." % permission.split(".")[1].replace("_", " ")
        )


_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def refuse_control_characters(text: str, *, what: str) -> str:
    """`text` unchanged, or InvalidInput when it holds a control character other than tab and line breaks
    (PostgreSQL cannot store NUL at all; the others are pasted noise no reader should get)."""
    found = _CONTROL_CHARACTER.search(text or "")
    if found:
        raise InvalidInput(
            f"{what} contains a control character (U+{ord(found.group()):04X}); remove it and try again."
        )
    return text
