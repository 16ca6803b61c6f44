"""What the change history (django-simple-history) records beside a save or delete: why, and by whom."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import models


def history_note(obj: models.Model, *, reason: str, user: AbstractBaseUser | None = None) -> None:
    """Record `reason` (and `user`, when given) in the history row of `obj`'s next save or delete.

    simple-history reads these two attributes off the instance; without `user` it takes the request's user
    (HistoryRequestMiddleware), or none in a worker. They are set here alone so that a type checker knows them.
    """
    setattr(obj, "_change_reason", reason)
    if user is not None:
        setattr(obj, "_history_user", user)
