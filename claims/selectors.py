"""Reads for articles, claims and verdicts. Services write; these only select.

Each section belongs to one behaviour; append a section rather than editing another's.
"""

from __future__ import annotations

import functools

# --- Public ---------------------------------------------------------------------------------------
# What each kind of reader may see. The public (anonymous users, and accounts without a role) sees
# published verdicts and the claims they concern, nothing else: every API queryset starts here, so
# no filter, count, search or page can reach an unpublished row.

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet  # noqa: E402

from factcheck.validators import is_web_url  # noqa: E402

from .models import Article, Claim, ClaimMention, Rating, Verdict  # noqa: E402

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


def claim_published_q(prefix: str = "") -> Q:
    """PUBLISHED_CLAIM seen from a model related to Claim through `prefix` (e.g. "claim__")."""
    return Q(**{f"{prefix}verdict__published_at__isnull": False})


def claim_list_visible(*, user) -> QuerySet[Claim]:
    claims = Claim.objects.all()
    if not user_sees_unpublished(user):
        claims = claims.filter(PUBLISHED_CLAIM)
    return claims


def verdict_list_visible(*, user) -> QuerySet[Verdict]:
    return _verdicts_visible(user_sees_unpublished(user))


def _verdicts_visible(unpublished_too: bool) -> QuerySet[Verdict]:
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
# building three model instances per row.
VERDICT_ROW_FIELDS = (
    "id", "claim_id", "claim__text", "claim__status", "rating__name", "rating__value", "explanation",
    "published_at", "first_published_at", "corrected_at", "correction_reason", "created_at", "updated_at",
    "claim_reviewed",
)  # fmt: skip
# What a ClaimReview reads of a verdict (`claimreviews_for_verdicts`): the feed selects no more.
CLAIMREVIEW_ROW_FIELDS = (
    "id", "claim_id", "claim__text", "claim_reviewed", "rating__name", "rating__value", "published_at",
    "first_published_at", "corrected_at",
)  # fmt: skip


def verdict_row(verdict: Verdict) -> dict:
    """The VERDICT_ROW_FIELDS row of a verdict instance already in memory."""
    return {
        "id": verdict.pk, "claim_id": verdict.claim_id, "claim__text": verdict.claim.text,
        "claim__status": verdict.claim.status, "rating__name": verdict.rating.name,
        "rating__value": verdict.rating.value, "explanation": verdict.explanation,
        "published_at": verdict.published_at, "first_published_at": verdict.first_published_at,
        "corrected_at": verdict.corrected_at, "correction_reason": verdict.correction_reason,
        "created_at": verdict.created_at, "updated_at": verdict.updated_at,
        "claim_reviewed": verdict.claim_reviewed,
    }  # fmt: skip


# On PostgreSQL a page's sources and mentions come inside the page query as json_agg columns:
# one round trip, and hand-written SQL costs no ORM compilation (the same lists built with ORM
# subqueries cost as much CPU to compile as a second query). Other databases use a second query.
_SOURCES_JSON = """SELECT COALESCE(json_agg(json_build_object(
        'id', s.id, 'url', s.url, 'title', s.title, 'kind', s.kind, 'published_at', s.published_at)
        ORDER BY s.fetched_at DESC, s.id DESC), '[]')
    FROM claims_verdict_sources vs JOIN sources_source s ON s.id = vs.source_id
    WHERE vs.verdict_id = claims_verdict.id"""  # ORDER BY = Source.Meta.ordering
_MENTIONS_JSON = """SELECT COALESCE(json_agg(json_build_object(
        'speaker', m.speaker, 'article_id', a.id, 'url', a.url, 'title', a.title, 'published_at', a.published_at,
        'language', a.language, 'outlet', o.name) ORDER BY a.published_at, a.id, m.start), '[]')
    FROM claims_claimmention m JOIN claims_article a ON a.id = m.article_id
    LEFT JOIN claims_outlet o ON o.id = a.outlet_id
    WHERE m.claim_id = claims_verdict.claim_id"""
# ClaimReview's bestRating/worstRating (see `rating_scale_bounds`), computed once per query (an InitPlan).
_BEST_RATING = "SELECT max(value) FROM claims_rating"
_WORST_RATING = "SELECT min(value) FROM claims_rating"


def verdict_rows(
    verdicts: QuerySet[Verdict], *, fields=VERDICT_ROW_FIELDS, sources: bool = False, mentions: bool = False
) -> QuerySet:
    """`verdicts` as rows of `fields` (VERDICT_ROW_FIELDS by default); paginate, then `verdict_rows_complete()`.

    With `mentions` (what a ClaimReview needs) the rows also carry the rating scale's bounds."""
    from django.db import connections
    from django.db.models.expressions import RawSQL

    rows = verdicts.values(*fields)
    if mentions:
        rows = rows.annotate(best_rating=RawSQL(_BEST_RATING, []), worst_rating=RawSQL(_WORST_RATING, []))
    if connections[verdicts.db].vendor != "postgresql":
        return rows
    extra = {}
    if sources:
        extra["sources_json"] = RawSQL(_SOURCES_JSON, [])
    if mentions:
        extra["mentions_json"] = RawSQL(_MENTIONS_JSON, [])
    return rows.annotate(**extra)


# The public lists ask for the same rows on every request, and building their QuerySet (visibility
# joins, values, raw columns) costs about a third of a millisecond, as much as compiling it. So each
# is built once per process and handed out as a fresh clone: a QuerySet is only a description of a
# query until it is iterated, and the cached ones never are, so no result is shared between requests.


def verdict_rows_visible(*, user) -> QuerySet:
    """`verdict_list_visible(user)` as rows with their sources: the verdict list."""
    return _verdict_rows_recipe(user_sees_unpublished(user)).all()


def claimreview_rows() -> QuerySet:
    """Every published verdict as the rows a ClaimReview is built from (`claimreviews_for_verdicts`)."""
    return _claimreview_rows_recipe().all()


@functools.cache
def _verdict_rows_recipe(unpublished_too: bool) -> QuerySet:
    return verdict_rows(_verdicts_visible(unpublished_too), sources=True)


@functools.cache
def _claimreview_rows_recipe() -> QuerySet:
    return verdict_rows(verdict_list_published(), fields=CLAIMREVIEW_ROW_FIELDS, mentions=True)


def _with_datetimes(items: list[dict]) -> list[dict]:
    import datetime as dt

    for item in items:
        if isinstance(item["published_at"], str):
            item["published_at"] = dt.datetime.fromisoformat(item["published_at"])
    return items


def verdict_rows_complete(rows: list[dict], *, sources: bool = False, mentions: bool = False) -> list[dict]:
    """Give each row of a page its `sources` and/or `mentions` lists: from the JSON columns of
    `verdict_rows()` on PostgreSQL, else one flat query each."""
    for key, wanted in (("sources", sources), ("mentions", mentions)):
        if not wanted:
            continue
        for row in rows:
            if f"{key}_json" in row:
                row[key] = _with_datetimes(row.pop(f"{key}_json"))
        missing = [row for row in rows if key not in row]
        if missing:
            (verdicts_attach_sources if key == "sources" else _attach_mentions)(missing)
    return rows


def _attach_mentions(rows: list[dict]) -> None:
    by_claim: dict[int, list[dict]] = {row["claim_id"]: [] for row in rows}
    found = (
        ClaimMention.objects.filter(claim_id__in=list(by_claim))
        .order_by("article__published_at", "article_id", "start")
        .values_list(
            "claim_id", "speaker", "article_id", "article__url", "article__title", "article__published_at",
            "article__language", "article__outlet__name",
        )
    )  # fmt: skip
    for claim_id, speaker, article_id, url, title, published_at, language, outlet in found:
        by_claim[claim_id].append(
            {"speaker": speaker, "article_id": article_id, "url": url, "title": title,
             "published_at": published_at, "language": language, "outlet": outlet}
        )  # fmt: skip
    for row in rows:
        row["mentions"] = by_claim[row["claim_id"]]


def verdicts_attach_sources(rows: list[dict]) -> None:
    """Set `row["sources"]` (plain dicts, in Source's default order) on each verdict row, in one query.

    Django's prefetch_related builds a related manager and a queryset per verdict, which costs more
    than the query itself on a 50-row page; one flat values_list() query does not.
    """
    from sources.models import Source

    by_verdict: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    ordering = [f"source__{field}" if field[0] != "-" else f"-source__{field[1:]}" for field in Source._meta.ordering]
    sources = (
        Verdict.sources.through.objects.filter(verdict_id__in=list(by_verdict))
        .order_by(*ordering)
        .values_list("verdict_id", "source_id", "source__url", "source__title", "source__kind", "source__published_at")
    )
    for verdict_id, source_id, url, title, kind, published_at in sources:
        by_verdict[verdict_id].append(
            {"id": source_id, "url": url, "title": title, "kind": kind, "published_at": published_at}
        )
    for row in rows:
        row["sources"] = by_verdict[row["id"]]


def rating_scale_bounds() -> tuple[int | None, int | None]:
    """(best, worst) of the numeric scale (retired steps too: old verdicts still use them): ClaimReview's bestRating and worstRating."""
    values = [v for v in Rating.objects.filter(value__isnull=False).values_list("value", flat=True)]
    return (max(values), min(values)) if values else (None, None)


def _claimant(mentions: list[dict]) -> tuple[str, str]:
    """(name, schema type or "" to guess from the name) of who made the claim where it first appeared: that
    mention's own speaker, else (an unattributed sentence) the outlet that published it. Never the speaker of
    another appearance: merged claims keep each mention's attribution."""
    dated = [m for m in mentions if m["published_at"]]
    first = min(dated, key=lambda m: m["published_at"]) if dated else (mentions[0] if mentions else None)
    if first is None:
        return "", ""
    if first["speaker"].strip():
        return first["speaker"].strip(), ""
    return (first["outlet"] or "", "Organization") if first["outlet"] else ("", "")


def claimreviews_for_verdicts(verdicts) -> list[dict]:
    """ClaimReview dicts for published verdicts: instances with claim and rating loaded, or rows from
    `verdict_rows()` (one query for their mentions, none when rows already carry them)."""
    from django.conf import settings

    from .claimreview import Appearance, VerdictData, claimreview
    from .links import public_claim_url_template

    rows = [v if isinstance(v, dict) else verdict_row(v) for v in verdicts]
    if not rows:
        return []
    verdict_rows_complete(rows, mentions=True)
    if "best_rating" in rows[0]:  # read by the page query
        best, worst = rows[0]["best_rating"], rows[0]["worst_rating"]
    else:
        best, worst = rating_scale_bounds()
    page_url = public_claim_url_template()
    organization_name, organization_url = settings.FACTCHECK_ORGANIZATION_NAME, settings.FACTCHECK_ORGANIZATION_URL
    reviews = []
    for row in rows:
        appearances, seen = [], set()
        language = ""
        speaker, speaker_kind = _claimant(row["mentions"])
        for mention in row["mentions"]:
            language = language or mention["language"]
            if mention["article_id"] not in seen:  # an article ingested as text appears by headline and outlet
                seen.add(mention["article_id"])
                url = mention["url"] if is_web_url(mention["url"]) else ""
                appearances.append(Appearance(url, mention["title"], mention["outlet"] or "", mention["published_at"]))
        data = VerdictData(
            claim_text=row["claim__text"],
            claim_reviewed=row.get("claim_reviewed", ""),
            rating_name=row["rating__name"],
            rating_value=row["rating__value"],
            best_rating=best,
            worst_rating=worst,
            page_url=page_url.format(row["claim_id"]),
            organization_name=organization_name,
            organization_url=organization_url,
            first_published_at=row["first_published_at"] or row["published_at"],
            corrected_at=row["corrected_at"],
            speaker=speaker,
            speaker_kind=speaker_kind,
            appearances=appearances,
            language=language,
            organization_logo=settings.FACTCHECK_ORGANIZATION_LOGO,
            organization_same_as=tuple(settings.FACTCHECK_ORGANIZATION_SAME_AS),
        )
        reviews.append(claimreview(data))
    return reviews


# --- Admin ----------------------------------------------------------------------------------------
# The review queue: one row per claim with everything the list shows computed by correlated
# subqueries, so a page of 100 claims costs one query whatever the table size (PostgreSQL evaluates
# the subqueries for the rows on the page only, after the index-ordered LIMIT).

from django.db.models import Count, IntegerField, Subquery, Value  # noqa: E402
from django.db.models.functions import Coalesce  # noqa: E402

from . import bands  # noqa: E402
from .models import ClaimMatchSuggestion  # noqa: E402



def _count_of(queryset, field: str):
    """A correlated COUNT(...) subquery, 0 when there are no rows."""
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _paired_with_published(suggestions, claim_ref: str, other: str, own: str = ""):
    """A value from the best-scoring suggestion in `suggestions` that pairs this claim with a claim whose
    verdict is published: `other` is a lookup on that claim ("" for its id), `own` one on the suggestion
    itself. A pair is stored once (claim_id < candidate_id), so both sides are looked at."""
    suggestions = suggestions.order_by("-score")
    as_claim = suggestions.filter(claim_id=OuterRef(claim_ref), **{f"candidate__{k}": v for k, v in _PUBLISHED.items()})
    as_candidate = suggestions.filter(candidate_id=OuterRef(claim_ref), **{f"claim__{k}": v for k, v in _PUBLISHED.items()})
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
    from sources.models import Evidence  # sources depends on claims, not the other way round

    mentions = ClaimMention.objects.filter(claim_id=OuterRef("pk")).order_by("article__published_at", "id")
    return Claim.objects.select_related("assignee").annotate(
        first_article_id=Subquery(mentions.values("article_id")[:1]),
        first_article_title=Subquery(mentions.values("article__title")[:1]),
        first_outlet_name=Subquery(mentions.values("article__outlet__name")[:1]),
        first_speaker=Subquery(mentions.exclude(speaker="").values("speaker")[:1]),
        article_count=_count_of(ClaimMention.objects.filter(claim_id=OuterRef("pk")), "claim_id"),
        evidence_count=_count_of(Evidence.objects.filter(claim_id=OuterRef("pk")), "claim_id"),
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
    from sources.models import Evidence

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
        rows.append({
            "suggestion": suggestion,
            "other": other,
            "verdict": verdict if verdict is not None and verdict.is_published else None,
        })
    return rows


def _contradicting(claim_id=None) -> QuerySet[ClaimMatchSuggestion]:
    """Near-twin pairs a guard separates (a number, a date, a negation, a name): possible contradictions.
    A pair editors confirmed as the same claim is merged, so it is no longer one."""
    pairs = ClaimMatchSuggestion.objects.exclude(conflict="").exclude(decision=ClaimMatchSuggestion.Decision.CONFIRMED)
    return pairs if claim_id is None else pairs.filter(Q(claim_id=claim_id) | Q(candidate_id=claim_id))


def claim_contradictions(*, claim: Claim) -> list[dict]:
    """The claims that may contradict this one, each with why and where it was said (its first mention)."""
    rows = []
    for pair in _contradicting(claim.pk).select_related("claim", "candidate").order_by("-score"):
        other = pair.candidate if pair.claim_id == claim.pk else pair.claim
        mention = other.mentions.select_related("article__outlet").order_by("article__published_at", "id").first()
        rows.append({"pair": pair, "other": other, "conflict": pair.conflict, "mention": mention})
    return rows


def claim_filter_contradiction(claims: QuerySet[Claim], has: bool) -> QuerySet[Claim]:
    pairs = _contradicting().order_by()
    either = Q(pk__in=pairs.values("claim_id")) | Q(pk__in=pairs.values("candidate_id"))
    return claims.filter(either) if has else claims.exclude(either)


def article_mentions_with_claims(*, article: Article) -> QuerySet[ClaimMention]:
    return article.mentions.select_related("claim").order_by("start", "end")


# --- Matching -------------------------------------------------------------------------------------
# "Has this been checked?": claims close in meaning to a text or to another claim (claims.matching),
# the published verdict that already covers a claim, and where a claim has appeared.

from dataclasses import dataclass  # noqa: E402

from django.db.models import F  # noqa: E402


@dataclass(frozen=True)
class ClaimMatch:
    claim: Claim
    score: float
    verdict: Verdict | None  # the claim's verdict when it is published, else None


def _claim_matches(hits, *, user) -> list[ClaimMatch]:
    claims = claim_list_visible(user=user).select_related("verdict__rating").in_bulk([h.claim_id for h in hits])
    matches = []
    for hit in hits:
        claim = claims.get(hit.claim_id)
        if claim is None:  # deleted (merged) since the search, or not visible to this user
            continue
        verdict = getattr(claim, "verdict", None)
        published = verdict if verdict is not None and verdict.is_published else None
        matches.append(ClaimMatch(claim=claim, score=hit.score, verdict=published))
    return matches


def claim_match_text(*, text: str, user, limit: int = 10) -> list[ClaimMatch]:
    """The claims closest in meaning to `text`, best first, among those `user` may see."""
    from .matching.decide import matching_text
    from .matching.embeddings import embed_text
    from .matching.index import index_for

    among = None if user_sees_unpublished(user) else claim_list_visible(user=user)
    hits = index_for().search(embed_text(matching_text(text)), limit, among=among)
    return _claim_matches(hits, user=user)


def claim_neighbours(*, claim: Claim, user, limit: int = 10) -> list[ClaimMatch]:
    """Stored claims closest to this one (by its stored embedding), best first; [] before it is embedded."""
    from .matching.embeddings import from_bytes
    from .matching.index import index_for

    from .models import ClaimEmbedding

    stored = ClaimEmbedding.objects.filter(claim=claim).values_list("vector", flat=True).first()
    if stored is None:
        return []
    among = None if user_sees_unpublished(user) else claim_list_visible(user=user)
    hits = index_for().search(from_bytes(stored), limit, exclude={claim.pk}, among=among)
    return _claim_matches(hits, user=user)


def claim_known_verdict(claim: Claim) -> Verdict | None:
    """The published verdict that covers this claim: its own, or that of a claim matched to it
    (a suggestion not rejected by editors), the closest match first."""
    own = Verdict.objects.filter(PUBLISHED_VERDICT, claim=claim)
    verdict = own.select_related("rating").first()
    if verdict is not None:
        return verdict
    match_id, _rating = claim_matches_published(claim_ref="pk")
    matched = Claim.objects.filter(pk=claim.pk).annotate(match_id=match_id).values_list("match_id", flat=True).first()
    if matched is None:
        return None
    return Verdict.objects.select_related("rating", "claim").filter(claim_id=matched, published_at__isnull=False).first()


def claim_appearances(claim: Claim) -> QuerySet[ClaimMention]:
    """Every mention of the claim, earliest article first (undated articles last): ClaimReview's
    `firstAppearance` is the first, `appearance` the rest."""
    return (
        ClaimMention.objects.filter(claim=claim)
        .select_related("article__outlet")
        .order_by(F("article__published_at").asc(nulls_last=True), "article_id", "start")
    )


# --- Public index -----------------------------------------------------------------------------------
# The public list of published fact-checks at /: flat rows (no model instances), newest first, searchable.


def public_index_rows(*, search: str = "") -> QuerySet:
    """Published verdicts as rows for the public index; `search` matches the claim's text or the summary."""
    verdicts = verdict_list_published()
    if search:
        verdicts = verdicts.filter(Q(claim__text__icontains=search) | Q(claim_reviewed__icontains=search))
    return verdicts.order_by("-published_at", "-id").values(
        "claim_id", "claim__text", "claim_reviewed", "rating__name", "published_at", "first_published_at", "corrected_at"
    )
