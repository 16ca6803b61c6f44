"""Published verdicts as readers get them: flat rows for the lists and feeds, and schema.org ClaimReview."""

from __future__ import annotations

import datetime as dt
import functools

from django.conf import settings
from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from factcheck.validators import is_web_url

from ..claimreview import Appearance, VerdictData, claimreview
from ..links import public_claim_url_template
from ..models import ClaimMention, Rating, Verdict
from .visibility import user_sees_unpublished, verdict_list_published, verdicts_visible

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
    return verdict_rows(verdicts_visible(unpublished_too), sources=True)


@functools.cache
def _claimreview_rows_recipe() -> QuerySet:
    return verdict_rows(verdict_list_published(), fields=CLAIMREVIEW_ROW_FIELDS, mentions=True)


def _with_datetimes(items: list[dict]) -> list[dict]:

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

    by_verdict: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    sources = (
        Verdict.sources.through.objects.filter(verdict_id__in=list(by_verdict))
        .order_by("source")  # ordering by a relation follows its model's Meta.ordering: Source's default order
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
    values = [v for v in Rating.objects.filter(value__isnull=False).values_list("value", flat=True) if v is not None]
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


# The public list of published fact-checks at /: flat rows (no model instances), newest first, searchable.


def public_index_rows(*, search: str = "") -> QuerySet:
    """Published verdicts as rows for the public index; `search` matches the claim's text or the summary."""
    verdicts = verdict_list_published()
    if search:
        verdicts = verdicts.filter(Q(claim__text__icontains=search) | Q(claim_reviewed__icontains=search))
    return verdicts.order_by("-published_at", "-id").values(
        "claim_id",
        "claim__text",
        "claim_reviewed",
        "rating__name",
        "published_at",
        "first_published_at",
        "corrected_at",
    )
