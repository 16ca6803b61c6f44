"""The review queue and the claim page's panels: one row per claim with everything the list shows computed by
correlated subqueries, so a page of 100 claims costs one query whatever the table size (PostgreSQL evaluates
the subqueries for the rows on the page only, after the index-ordered LIMIT)."""

from __future__ import annotations

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from sources.models import Evidence

from .. import bands
from ..models import Article, Claim, ClaimMatchSuggestion, ClaimMention

# The review queue: one row per claim with everything the list shows computed by correlated
# subqueries, so a page of 100 claims costs one query whatever the table size (PostgreSQL evaluates
# the subqueries for the rows on the page only, after the index-ordered LIMIT).


def count_of(queryset, field: str):
    """A correlated COUNT(...) subquery, 0 when there are no rows."""
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _paired_with_published(suggestions, claim_ref: str, other: str, own: str = ""):
    """A value from the best-scoring suggestion in `suggestions` that pairs this claim with a claim whose
    verdict is published: `other` is a lookup on that claim ("" for its id), `own` one on the suggestion
    itself. A pair is stored once (claim_id < candidate_id), so both sides are looked at."""
    suggestions = suggestions.order_by("-score")
    as_claim = suggestions.filter(claim_id=OuterRef(claim_ref), **{f"candidate__{k}": v for k, v in _PUBLISHED.items()})
    as_candidate = suggestions.filter(
        candidate_id=OuterRef(claim_ref), **{f"claim__{k}": v for k, v in _PUBLISHED.items()}
    )
    if own:
        first, second = own, own
    else:
        first, second = ("candidate__" + other, "claim__" + other) if other else ("candidate_id", "claim_id")
    return Coalesce(Subquery(as_claim.values(first)[:1]), Subquery(as_candidate.values(second)[:1]))


def claim_matches_published(*, claim_ref: str = "pk") -> tuple[Subquery, Subquery]:
    """(id, rating name) of a claim that may be the same as this one and already has a published verdict.

    Rejected pairs do not count."""
    live = ClaimMatchSuggestion.objects.exclude(decision=ClaimMatchSuggestion.Decision.REJECTED)
    return _paired_with_published(live, claim_ref, ""), _paired_with_published(live, claim_ref, "verdict__rating__name")


def claim_queue_hints(*, claim_ref: str = "pk") -> dict:
    """What the queue may say about checked claims paired with this one, without misleading: a published
    rating only for a claim editors confirmed is the same (`published_match_*`); for one that is only
    similar (a pending suggestion), the similarity and a link, never its rating (`similar_checked_*`)."""
    Decision = ClaimMatchSuggestion.Decision
    confirmed = ClaimMatchSuggestion.objects.filter(decision=Decision.CONFIRMED)
    pending = ClaimMatchSuggestion.objects.filter(decision=Decision.PENDING)
    return {
        "published_match_id": _paired_with_published(confirmed, claim_ref, ""),
        "published_match_rating": _paired_with_published(confirmed, claim_ref, "verdict__rating__name"),
        "similar_checked_id": _paired_with_published(pending, claim_ref, ""),
        "similar_checked_score": _paired_with_published(pending, claim_ref, "", own="score"),
    }


_PUBLISHED = {"verdict__published_at__isnull": False}  # PUBLISHED_CLAIM as lookups


def claim_queue() -> QuerySet[Claim]:
    """Every claim, annotated for the review queue; callers filter and order it."""

    mentions = ClaimMention.objects.filter(claim_id=OuterRef("pk")).order_by("article__published_at", "id")
    return Claim.objects.select_related("assignee").annotate(
        first_article_id=Subquery(mentions.values("article_id")[:1]),
        first_article_title=Subquery(mentions.values("article__title")[:1]),
        first_outlet_name=Subquery(mentions.values("article__outlet__name")[:1]),
        first_speaker=Subquery(mentions.exclude(speaker="").values("speaker")[:1]),
        article_count=count_of(ClaimMention.objects.filter(claim_id=OuterRef("pk")), "claim_id"),
        evidence_count=count_of(Evidence.objects.filter(claim_id=OuterRef("pk")), "claim_id"),
        **claim_queue_hints(),
    )


def claim_filter_checkworthiness_band(claims: QuerySet[Claim], band: str) -> QuerySet[Claim]:
    """Claims of one band of claims/bands.py (its key)."""
    chosen = bands.BY_KEY[band]
    if chosen.low is not None:
        claims = claims.filter(checkworthiness__gte=chosen.low)
    if chosen.high is not None:
        claims = claims.filter(checkworthiness__lt=chosen.high)
    return claims


def claim_filter_checkworthy(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """The default queue: claims at or above the "not check-worthy" threshold."""
    return claims.filter(checkworthiness__gte=bands.NOT_CHECKWORTHY)


def claim_filter_has_evidence(claims: QuerySet[Claim], has: bool) -> QuerySet[Claim]:

    exists = Exists(Evidence.objects.filter(claim_id=OuterRef("pk")))
    return claims.filter(exists if has else ~exists)


def claim_filter_outlet(claims: QuerySet[Claim], outlet_id: int) -> QuerySet[Claim]:
    # An uncorrelated IN (...) is computed once and hashed; no duplicate rows, no DISTINCT.
    return claims.filter(pk__in=ClaimMention.objects.filter(article__outlet_id=outlet_id).values("claim_id"))


def claim_search(claims: QuerySet[Claim], term: str) -> QuerySet[Claim]:
    """Claim text, speaker or article title contains the term.

    Three uncorrelated IN (...) sets, each computed once from its trigram index (migration 0005)
    and hashed: with 100k claims a correlated EXISTS under OR would cost a subquery per claim.
    """
    by_text = Claim.objects.filter(text__icontains=term).values("pk")
    by_speaker = ClaimMention.objects.filter(speaker__icontains=term).values("claim_id")
    by_title = ClaimMention.objects.filter(article_id__in=Article.objects.filter(title__icontains=term).values("pk"))
    return claims.filter(Q(pk__in=by_text) | Q(pk__in=by_speaker) | Q(pk__in=by_title.values("claim_id")))


def claim_similar(*, claim: Claim) -> list[dict]:
    """Match suggestions involving this claim, seen from its side: the other claim, score and decision."""
    suggestions = (
        ClaimMatchSuggestion.objects.filter(Q(claim=claim) | Q(candidate=claim))
        .select_related("claim__verdict__rating", "candidate__verdict__rating", "decided_by")
        .order_by("decision", "-score")
    )
    rows = []
    for suggestion in suggestions:
        other = suggestion.candidate if suggestion.claim_id == claim.pk else suggestion.claim
        verdict = getattr(other, "verdict", None)
        rows.append(
            {
                "suggestion": suggestion,
                "other": other,
                "verdict": verdict if verdict is not None and verdict.is_published else None,
            }
        )
    return rows


def _contradicting(claim_id=None) -> QuerySet[ClaimMatchSuggestion]:
    """Near-twin pairs a guard separates (a number, a date, a negation, a name): possible contradictions.
    A pair editors confirmed as the same claim is merged, so it is no longer one."""
    pairs = ClaimMatchSuggestion.objects.exclude(conflict="").exclude(decision=ClaimMatchSuggestion.Decision.CONFIRMED)
    return pairs if claim_id is None else pairs.filter(Q(claim_id=claim_id) | Q(candidate_id=claim_id))


def claim_contradictions(*, claim: Claim) -> list[dict]:
    """The claims that may contradict this one, each with why and where it was said (its first mention)."""
    pairs = list(_contradicting(claim.pk).select_related("claim", "candidate").order_by("-score"))
    others = [pair.candidate if pair.claim_id == claim.pk else pair.claim for pair in pairs]
    first_mention = (
        ClaimMention.objects.filter(claim_id=OuterRef("pk")).order_by("article__published_at", "id").values("pk")[:1]
    )  # three queries in all, however many pairs: the pairs, each other claim's first mention, those mentions
    first_ids = dict(
        Claim.objects.filter(pk__in=[o.pk for o in others])
        .annotate(first=Subquery(first_mention))
        .values_list("pk", "first")
    )
    mentions = ClaimMention.objects.select_related("article__outlet").in_bulk([i for i in first_ids.values() if i])
    return [
        {"pair": pair, "other": other, "conflict": pair.conflict, "mention": mentions.get(first_ids.get(other.pk))}
        for pair, other in zip(pairs, others)
    ]


def claim_filter_contradiction(claims: QuerySet[Claim], has: bool) -> QuerySet[Claim]:
    pairs = _contradicting().order_by()
    either = Q(pk__in=pairs.values("claim_id")) | Q(pk__in=pairs.values("candidate_id"))
    return claims.filter(either) if has else claims.exclude(either)


def article_mentions_with_claims(*, article: Article) -> QuerySet[ClaimMention]:
    return article.mentions.select_related("claim").order_by("start", "end")
