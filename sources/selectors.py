"""Reads for sources, evidence and fetch status; also the plain-data view of a claim the fetchers get."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import BigIntegerField, Exists, OuterRef, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from claims.models import Article, Claim, Verdict
from claims.selectors import (
    PUBLISHED_VERDICT,
    article_is_public,
    claim_published_q,
    claim_stored_vector,
    user_sees_unpublished,
)
from factcheck import text_search

from .evidence.text import content_tokens
from .fetchers.base import ClaimQuery, MentionContext
from .models import ClaimFetch, Evidence, Source, SourceRequest

# --- What the public may see of sources and evidence ---------------------------------------------
# Staff see everything. The public sees a source when a published verdict cites it or when it backs a
# published claim, and a passage when its claim is published, but never a source that stands for one of
# our own articles (kind "article", from the internal fetcher) unless that article is public itself
# (claims.selectors.article_is_public): its title, admin URL and text would tell unpublished claims.


def _not_an_unpublished_article(prefix: str = "") -> Q:
    article_id = Cast(KeyTextTransform("article_id", OuterRef(f"{prefix}metadata")), BigIntegerField())
    return ~Q(**{f"{prefix}kind": Source.Kind.ARTICLE}) | Q(article_is_public(article_id))


def source_list_visible(*, user) -> QuerySet[Source]:
    sources = Source.objects.all()
    if user_sees_unpublished(user):
        return sources
    cited = Verdict.objects.filter(PUBLISHED_VERDICT, sources=OuterRef("pk"))
    backing = Evidence.objects.filter(claim_published_q("claim__"), source_id=OuterRef("pk"))
    return sources.filter(Q(Exists(cited)) | (Q(Exists(backing)) & _not_an_unpublished_article()))


def evidence_list_visible(*, user) -> QuerySet[Evidence]:
    evidence = Evidence.objects.all()
    if user_sees_unpublished(user):
        return evidence
    return evidence.filter(claim_published_q("claim__")).filter(_not_an_unpublished_article("source__"))


def claim_query(*, claim_id: int, article_texts: bool = True) -> ClaimQuery | None:
    """Everything a fetcher may know about a claim, as plain data; None when the claim is gone.

    `article_texts`: the mentions carry their article's text as received (MentionContext.article_text), else "".
    That text is the whole page's HTML, often hundreds of kilobytes: loaded for every fetch and for every claim
    that internal_corroborate_back offers an article to, it was a fifth of PostgreSQL's busy time while only the
    cited fetcher reads it (Fetcher.reads_article_text; bench/pipeline.py --fresh)."""
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        return None
    unread = ("article__cleaned_text",) if article_texts else ("article__cleaned_text", "article__raw_text")
    rows = claim.mentions.select_related("article").defer(*unread)
    mentions = tuple(
        MentionContext(
            article_id=m.article_id,
            article_url=m.article.url,
            article_title=m.article.title,
            article_text=m.article.raw_text if article_texts else "",
            sentence=m.sentence,
            cited_source=m.cited_source,
            speaker=m.speaker,
            article_published_at=m.article.published_at,
        )
        for m in rows.order_by("article__published_at", "id")
    )
    published = [m.article_published_at for m in mentions if m.article_published_at]
    claim_date = claim.about_date or (min(published).date() if published else None)
    requested = tuple(
        SourceRequest.objects.filter(claim_id=claim_id).order_by("id").values_list("source_id", "source__url")
    )
    return ClaimQuery(
        claim_id=claim.pk,
        text=claim.text,
        about_date=claim.about_date,
        claim_date=claim_date,
        mentions=mentions,
        requested_urls=requested,
        vector=claim_stored_vector(claim_id=claim.pk, text=claim.text),
    )


def _sharing_words(queryset: QuerySet, field: str, terms: list[str], *, indexed: bool = True) -> QuerySet:
    """Rows whose `field` contains two of the search words (the one word when there is only one), annotated with
    how many (`shared`). One shared word is no corroboration: "investigating" alone matched any story about any
    inquiry, and ranking the passages of 50 such articles per claim was most of the fetch worker's time
    (bench/pipeline.py). On PostgreSQL through the table's indexed word column (factcheck.text_search): reading
    every article's text for every claim grew with the corpus."""
    return text_search.sharing_words(queryset, field, terms, indexed=indexed)


def _search_terms(text: str, limit: int = 6) -> list[str]:
    # The longest content words are the most specific; plural/inflection stems still match by substring.
    tokens = sorted(set(content_tokens(text)), key=len, reverse=True)
    return [t[:-1] if t.endswith("e") and len(t) > 5 else t for t in tokens if len(t) > 3][:limit]


def internal_articles(*, text: str, exclude_ids: set[int], limit: int = 20) -> QuerySet[Article]:
    """Our own ingested articles that share specific words with `text`, those sharing the most first, newest first
    among equals (passages are ranked later, in Python). See _sharing_words."""
    terms = _search_terms(text)
    if not terms:
        return Article.objects.none()
    return with_text_head(
        _sharing_words(Article.objects.exclude(pk__in=exclude_ids), "cleaned_text", terms)
        .select_related("outlet")
        .order_by("-shared", "-published_at", "-id")
    )[:limit]


def claims_of_articles_sharing_words(
    *, text: str, article_ids: set[int], own_article_ids: set[int], exclude_id: int
) -> list[int]:
    """The ids of the claims of `article_ids` (none of `own_article_ids`) that share specific words with `text`:
    those that an article making the claim `text` may corroborate (internal_corroborate_back), not every claim of
    every article found. In id order. See _sharing_words."""
    terms = _search_terms(text)
    if not terms:
        return []
    claims = (
        Claim.objects.filter(mentions__article_id__in=article_ids)
        .exclude(mentions__article_id__in=own_article_ids)
        .exclude(pk=exclude_id)
    )
    # Only the ids, made distinct: a DISTINCT over whole claim rows (texts, signals) sorted every column of every
    # mention's row, two fifths of PostgreSQL's busy time (bench/pipeline.py --fresh).
    shared = _sharing_words(claims, "text", terms, indexed=False)  # a few articles' claims
    return list(shared.order_by("pk").values_list("pk", flat=True).distinct())


def with_text_head(articles: QuerySet[Article]) -> QuerySet[Article]:
    """Articles with only the extracted part of their text loaded (`text_head`, the first
    FACTCHECK_EXTRACTION_MAX_CHARS characters): neither a 2 MB body nor the raw HTML comes into memory."""
    head = Substr("cleaned_text", 1, settings.FACTCHECK_EXTRACTION_MAX_CHARS)
    return articles.defer("raw_text", "cleaned_text").annotate(text_head=head)


def internal_sources(*, text: str, exclude_kinds: tuple[str, ...] = (), limit: int = 50) -> QuerySet[Source]:
    """Sources fetched earlier (for any claim) whose text shares specific words with `text`, those sharing the
    most first, the most recently fetched among equals. See _sharing_words."""
    terms = _search_terms(text)
    if not terms:
        return Source.objects.none()
    return _sharing_words(Source.objects.exclude(text="").exclude(kind__in=exclude_kinds), "text", terms).order_by(
        "-shared", "-fetched_at", "-id"
    )[:limit]


def claim_own_texts(*, claim_id: int) -> list[str]:
    """The extracted part of the cleaned text of every article that mentions the claim: what is not evidence for
    it. Only the head (as with_text_head): the claims come from it, and every fetch compares each document found
    against these texts' shingles; a 2 MB body took each fetch thread some 50 MB for its shingles
    (tests/faults/test_worker_memory.py)."""
    head = Substr("cleaned_text", 1, settings.FACTCHECK_EXTRACTION_MAX_CHARS)
    return list(
        Article.objects.filter(mentions__claim_id=claim_id)
        .distinct()
        .exclude(cleaned_text="")
        .annotate(text_head=head)
        .values_list("text_head", flat=True)
    )


def stale_sources(*, older_than_days: int, limit: int) -> QuerySet[Source]:
    """Fetched web sources whose snapshot is older than `older_than_days`, oldest first."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    return (
        Source.objects.filter(fetched_at__lt=cutoff, url__regex=r"^https?://")
        .exclude(kind__in=[Source.Kind.ARTICLE, Source.Kind.CITED])
        .order_by("fetched_at")[:limit]
    )


def stuck_claim_fetches(*, pending_minutes: float, running_seconds: int) -> QuerySet[ClaimFetch]:
    """Fetches pending for longer than `pending_minutes`, or running past any time limit (a lost worker)."""
    now = timezone.now()
    return ClaimFetch.objects.filter(
        Q(status=ClaimFetch.Status.PENDING, requested_at__lt=now - timedelta(minutes=pending_minutes))
        | Q(status=ClaimFetch.Status.RUNNING, started_at__lt=now - timedelta(seconds=running_seconds))
    ).order_by("requested_at")
