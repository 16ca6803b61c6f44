"""The rating scale editors choose a verdict's rating from."""

from __future__ import annotations

from ..models import Rating

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
