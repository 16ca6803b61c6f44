""" "Has this been checked?": claims close in meaning to a text (claims.matching), the published verdict that
already covers a claim, and where a claim has appeared."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, F, OuterRef, QuerySet

from ..matching import embeddings
from ..matching.decide import join_conflict, matching_text
from ..matching.embeddings import embed_text
from ..matching.index import index_for
from ..models import Claim, ClaimEmbedding, ClaimMention, Verdict
from .queue import claim_matches_published
from .visibility import PUBLISHED_VERDICT, claim_list_visible, claim_status_for, user_sees_unpublished


@dataclass(frozen=True)
class ClaimMatch:
    claim: Claim
    score: float
    verdict: Verdict | None  # the claim's verdict when it is published, else None
    kind: str  # "same" claim, "possible"ly the same (editors would be asked), or only "related"
    status: str  # the claim's status as this reader may see it


def match_kind(*, score: float, text: str, other_text: str) -> str:
    """How a looked-up text relates to a stored claim, by the thresholds and guard that decide joins in matching:
    "same" at or above FACTCHECK_MATCH_SAME unless a guard (number, date, negation, name) separates them,
    "possible" from FACTCHECK_MATCH_SUGGEST up, "related" below."""
    if score >= settings.FACTCHECK_MATCH_SAME and not join_conflict(text, other_text):
        return "same"
    return "possible" if score >= settings.FACTCHECK_MATCH_SUGGEST else "related"


def _claim_matches(hits, *, user, text: str) -> list[ClaimMatch]:
    claims = claim_list_visible(user=user).select_related("verdict__rating").in_bulk([h.claim_id for h in hits])
    matches = []
    for hit in hits:
        claim = claims.get(hit.claim_id)
        if claim is None:  # deleted (merged) since the search, or not visible to this user
            continue
        verdict = getattr(claim, "verdict", None)
        published = verdict if verdict is not None and verdict.is_published else None
        matches.append(
            ClaimMatch(
                claim=claim,
                score=hit.score,
                verdict=published,
                kind=match_kind(score=hit.score, text=text, other_text=claim.text),
                status=claim_status_for(claim.status, user=user),
            )
        )
    return matches


def claim_match_text(*, text: str, user, limit: int = 10) -> list[ClaimMatch]:
    """The claims closest in meaning to `text`, best first, among those `user` may see."""

    among = None if user_sees_unpublished(user) else claim_list_visible(user=user)
    hits = index_for().search(embed_text(matching_text(text)), limit, among=among)
    return _claim_matches(hits, user=user, text=text)


def claim_stored_vector(*, claim_id: int, text: str):
    """The embedding stored for the claim (claim matching's), when it is of exactly `text` and made by the current
    model; None otherwise. Evidence ranking compares passages with it instead of embedding the claim again."""
    if matching_text(text) != text:
        return None
    row = (
        ClaimEmbedding.objects.filter(
            claim_id=claim_id,
            model_name=embeddings.model_name(),
            text_sha256=embeddings.text_digest(text),
        )
        .values_list("vector", flat=True)
        .first()
    )
    return embeddings.from_bytes(row) if row is not None else None


def claim_known_verdict_claim_id(claim_id: int) -> int | None:
    """The claim whose published verdict covers this one: itself, else a claim matched to it (a suggestion not
    rejected by editors), the closest match first; None when none does or the claim is gone. One query: matching
    asks it after every new claim."""
    match_id, _rating = claim_matches_published(claim_ref="pk")
    own = Exists(Verdict.objects.filter(PUBLISHED_VERDICT, claim_id=OuterRef("pk")))
    row = Claim.objects.filter(pk=claim_id).annotate(own=own, match_id=match_id).values_list("own", "match_id").first()
    if row is None:
        return None
    has_own, matched = row
    return claim_id if has_own else matched


def claim_known_verdict(claim: Claim) -> Verdict | None:
    """The published verdict that covers this claim: its own, or that of a claim matched to it
    (a suggestion not rejected by editors), the closest match first."""
    covering = claim_known_verdict_claim_id(claim.pk)
    if covering is None:
        return None
    return Verdict.objects.select_related("rating", "claim").filter(PUBLISHED_VERDICT, claim_id=covering).first()


def claim_appearances(claim: Claim) -> QuerySet[ClaimMention]:
    """Every mention of the claim, earliest article first (undated articles last): ClaimReview's
    `firstAppearance` is the first, `appearance` the rest."""
    return (
        ClaimMention.objects.filter(claim=claim)
        .select_related("article__outlet")
        .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
    )
