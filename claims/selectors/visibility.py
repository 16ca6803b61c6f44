"""Who sees what. The public (anonymous users, and accounts without a role) sees published verdicts and the
claims they concern, nothing else: every API queryset starts here, so no filter, count, search or page can reach
an unpublished row."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Article, Claim, ClaimMention, Verdict

# What each kind of reader may see. The public (anonymous users, and accounts without a role) sees
# published verdicts and the claims they concern, nothing else: every API queryset starts here, so
# no filter, count, search or page can reach an unpublished row.


STAFF_READ_PERMISSION = "claims.view_claim"

# The condition for "public", spelled once: the verdict is published. A claim under correction is in
# review (or ready) again, but its published verdict keeps serving readers until the correction is
# published (the draft lives in VerdictCorrection); only an unpublication takes it down.
PUBLISHED_CLAIM = Q(verdict__published_at__isnull=False)
# The same condition seen from the verdict.
PUBLISHED_VERDICT = Q(published_at__isnull=False)


def user_sees_unpublished(user) -> bool:
    """Reviewers, editors and admins read everything; anyone else reads the published record only."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(STAFF_READ_PERMISSION))


def claim_status_for(status: str, *, user) -> str:
    """The claim's status as this reader may see it. Someone without a role sees only claims whose verdict is
    published (the querysets here), and sees them as published also while editors draft a correction of the
    verdict (in review or ready again inside): what readers see changes only when the correction is published."""
    return status if user_sees_unpublished(user) else Claim.Status.PUBLISHED.value


def claim_published_q(prefix: str = "") -> Q:
    """PUBLISHED_CLAIM seen from a model related to Claim through `prefix` (e.g. "claim__")."""
    return Q(**{f"{prefix}verdict__published_at__isnull": False})


def claim_list_visible(*, user) -> QuerySet[Claim]:
    claims = Claim.objects.all()
    if not user_sees_unpublished(user):
        claims = claims.filter(PUBLISHED_CLAIM)
    return claims


def verdict_list_visible(*, user) -> QuerySet[Verdict]:
    return verdicts_visible(user_sees_unpublished(user))


def verdicts_visible(unpublished_too: bool) -> QuerySet[Verdict]:
    return Verdict.objects.all() if unpublished_too else Verdict.objects.filter(PUBLISHED_VERDICT)


def article_list_visible(*, user) -> QuerySet[Article]:
    """The public sees an article only when it makes a published claim (it is an appearance of that claim)."""
    articles = Article.objects.all()
    if not user_sees_unpublished(user):
        articles = articles.filter(article_is_public(OuterRef("pk")))
    return articles


def article_is_public(article_id) -> Exists:
    """The one rule for what the public may see of an article, for a query on any model: true where the article
    `article_id` (an OuterRef or expression) makes a published claim. Sources standing for one of our
    articles, and their passages, follow it too (sources.selectors)."""
    return Exists(ClaimMention.objects.filter(claim_published_q("claim__"), article_id=article_id))


def verdict_list_published() -> QuerySet[Verdict]:
    """Published verdicts with their claim and rating (one query); see `claimreviews_for_verdicts` for the rest."""
    return Verdict.objects.filter(PUBLISHED_VERDICT).select_related("claim", "rating")


# A verdict as a flat row (`.values(*VERDICT_ROW_FIELDS)`): what the public lists read, without
