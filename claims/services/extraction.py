"""An article's claims: claim the article for one run, extract (claims.extraction: plain Python, no ORM),
store the claims idempotently (one Claim per distinct claim text across articles, one ClaimMention per
appearance), then embed, match and fetch sources for the new ones. Re-extraction keeps every claim an
editor has worked on."""

from __future__ import annotations

import datetime as dt
import logging
from difflib import SequenceMatcher

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from factcheck import enqueue, runlock
from factcheck.exceptions import InvalidInput
from sources.models import ClaimFetch
from sources.services import claims_fetch_sources

from ..extraction import CleanedText, extract_cleaned
from ..extraction import Status as ExtractionStatus
from ..extraction.cleaning import normalise_for_matching
from ..models import Article, Claim, ClaimMention
from .matching import claim_embed, claim_match
from .permissions import require
from .workflow import Status, claim_untouched

log = logging.getLogger("claims.extraction")
NEAR_DUPLICATE_RATIO = 0.95  # normalised texts this similar are the same claim (the semantic part is matching's)


def article_request_extraction(*, article: Article, actor) -> None:
    """An editor asks for an article's claims to be extracted again; the worker runs it after commit.

    Re-extraction keeps every claim an editor has worked on (see article_extract).
    """

    require(actor, "claims.change_article")
    # Even while "running": a worker that died leaves that status behind, and extraction is idempotent.
    Article.objects.filter(pk=article.pk).update(
        extraction_status=Article.ExtractionStatus.PENDING, extraction_error="", extraction_status_at=timezone.now()
    )
    article_id = article.pk
    enqueue.article_extract(article_id)


def _find_same_claim(normalized: str) -> Claim | None:
    """The stored claim with the same (exact) or near-exact normalised text, published ones aside: what
    readers see of a published fact-check changes only through an editor, so a new appearance of it
    becomes a claim of its own, suggested to editors as the same (claim_match)."""
    joinable = Claim.objects.exclude(status=Status.PUBLISHED)
    exact = joinable.filter(normalized_text=normalized).order_by("pk").first()
    if exact is not None:
        return exact
    words = normalized.split()
    if len(words) < 4:
        return None
    candidates = joinable.filter(normalized_text__startswith=" ".join(words[:3])).order_by("pk")[:200]
    for candidate in candidates:
        if SequenceMatcher(None, normalized, candidate.normalized_text).ratio() >= NEAR_DUPLICATE_RATIO:
            return candidate
    return None


def extraction_run_key(article_id: int) -> str:
    """The run lock (factcheck.runlock) an extraction holds while it runs."""
    return f"article-extract:{article_id}"


def article_extraction_claim(*, article_id: int) -> bool:
    """Claim the article for one extraction run (conditional update): any state but running; running too when
    the caller holds the extraction's run lock (extraction_run_key): then nobody is running it, its worker died.
    An extraction merely running for long is never taken over (a thread pool enforces no time limit).
    False: someone else is running it."""

    claimable = ~Q(extraction_status=Article.ExtractionStatus.RUNNING)
    if runlock.held_here(extraction_run_key(article_id)):
        claimable = Q()
    return bool(
        Article.objects.filter(claimable, pk=article_id).update(
            extraction_status=Article.ExtractionStatus.RUNNING, extraction_error="", extraction_status_at=timezone.now()
        )
    )


def articles_restart_stuck_extraction(*, pending_seconds: int, queued: set[int]) -> list[int]:
    """Re-send the extraction of articles a crash left behind: pending for longer than `pending_seconds`
    (the message was lost), or running past the task's hard time limit with no live run holding its run lock
    (the worker died). Articles whose message is still in the queue (`queued`) are left to it. Returns the ids
    re-sent."""

    now = timezone.now()
    Extraction = Article.ExtractionStatus
    stuck = Article.objects.filter(
        Q(extraction_status=Extraction.PENDING, extraction_status_at__lt=now - dt.timedelta(seconds=pending_seconds))
        | Q(extraction_status=Extraction.RUNNING,
            extraction_status_at__lt=now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT))
    ).exclude(pk__in=queued)  # fmt: skip
    sent = []
    for article_id, status in stuck.order_by("pk").values_list("pk", "extraction_status")[:1000]:
        with runlock.held(extraction_run_key(article_id)) as ours:
            # Reset while holding the lock, so no run starts or ends in between; the message is sent after it.
            restarted = ours and Article.objects.filter(pk=article_id, extraction_status=status).update(
                extraction_status=Extraction.PENDING, extraction_status_at=timezone.now()
            )
        if restarted:
            enqueue.article_extract(article_id)
            sent.append(article_id)
    return sent


def article_extract(*, article_id: int, backend: str | None = None) -> list[Claim]:
    """Extract an article's claims and store them; idempotent. Returns the article's claims in article order.

    Re-extraction neither duplicates claims nor drops claims an editor has worked on. A claim
    already stored from another article gains a mention instead of a twin. New claims are then
    matched (claim_match) and sent for sources (claims_fetch_sources).
    """

    with runlock.held(extraction_run_key(article_id)) as ours:  # held until the article's outcome is written
        if not ours:
            return []  # a live run is extracting it
        return _article_extract(article_id=article_id, backend=backend)


def _article_extract(*, article_id: int, backend: str | None) -> list[Claim]:
    article = Article.objects.select_related("outlet").filter(pk=article_id).first()
    if article is None:
        return []
    if not article_extraction_claim(article_id=article.pk):
        return []  # another worker is extracting it (or the article is gone)
    cleaned = CleanedText(
        text=article.cleaned_text,
        title=article.title,
        outlet=article.outlet.name if article.outlet else "",
        published=article.published_at.date() if article.published_at else None,
    )
    try:
        result = extract_cleaned(cleaned, language=article.language, backend=backend)
    except Exception as exc:  # recorded on the article for editors; the task decides about retries
        log.exception("Extraction of article %s failed", article.pk)
        Article.objects.filter(pk=article.pk).update(
            extraction_status=Article.ExtractionStatus.FAILED,
            extraction_error=f"{type(exc).__name__}: {exc}"[:2000],
            extraction_status_at=timezone.now(),
        )
        raise
    if result.status != ExtractionStatus.DONE:
        Article.objects.filter(pk=article.pk).update(
            extraction_status=Article.ExtractionStatus.UNSUPPORTED,
            extraction_status_at=timezone.now(),
            extraction_error=result.message,
            language=result.language[:16] or article.language,
        )
        return []

    try:
        new_claim_ids, vectors = _extraction_store(article, result)
    except Exception:  # a database error: back to pending, for the task's retry or the sweeper
        Article.objects.filter(pk=article.pk, extraction_status=Article.ExtractionStatus.RUNNING).update(
            extraction_status=Article.ExtractionStatus.PENDING, extraction_status_at=timezone.now()
        )
        raise
    # Claims of this article never sent for sources (new now, or left by a run whose worker died after
    # storing them) are matched and sent; only then is the extraction done, so a crash before this
    # point leaves it running for the sweeper, and the re-run picks them up.

    unsent = (
        Claim.objects.filter(mentions__article=article)
        .exclude(Exists(ClaimFetch.objects.filter(claim=OuterRef("pk"))))
        .values_list("pk", flat=True)
        .distinct()
    )
    surviving = _after_new_claims(list(dict.fromkeys([*new_claim_ids, *unsent])), vectors)
    Article.objects.filter(pk=article.pk).update(
        extraction_status=Article.ExtractionStatus.DONE, extraction_status_at=timezone.now()
    )
    log.info("Article %s: %d claims, %d new", article.pk, len(result.claims), len(surviving))
    ids = ClaimMention.objects.filter(article=article).order_by("start", "pk").values_list("claim_id", flat=True)
    order = list(dict.fromkeys(ids))
    claims = Claim.objects.in_bulk(order)
    return [claims[i] for i in order if i in claims]


def _extraction_store(article: Article, result) -> tuple[list[int], dict[int, np.ndarray]]:
    """Store an extraction's claims and mentions; returns the ids of new claims and the embeddings the extraction
    made of them (check-worthiness), which matching stores rather than computing again. One short transaction per
    claim (SQLite has one writer at a time: a long article must not hold it for all its claims); the
    article is claimed for this run (article_extraction_claim), so no other run writes beside it."""

    new_claim_ids: list[int] = []
    vectors: dict[int, np.ndarray] = {}  # embedded by the extraction (check-worthiness); matching stores them
    kept_mentions: set[int] = set()
    for extracted in result.claims:
        normalized = normalise_for_matching(extracted.text)
        if not normalized:
            continue
        with transaction.atomic():
            claim = _claim_to_mention(article, extracted, normalized)
            if claim is None:
                claim = Claim.objects.create(
                    text=extracted.text,
                    normalized_text=normalized,
                    checkworthiness=min(1.0, max(0.0, extracted.checkworthiness)),
                    checkworthiness_signals=[[words, push] for words, push in extracted.signals],
                    claim_type=extracted.claim_type if extracted.claim_type in Claim.Type.values else Claim.Type.OTHER,
                    about_date=extracted.date,
                    needs_context="; ".join(extracted.needs_context)[:2000],
                    decomposed=extracted.decomposed,
                )
                new_claim_ids.append(claim.pk)
                if extracted.embedding is not None:
                    vectors[claim.pk] = extracted.embedding
            mention, _ = ClaimMention.objects.update_or_create(
                claim=claim,
                article=article,
                start=extracted.start,
                end=extracted.end,
                defaults={
                    "sentence": extracted.sentence,
                    "speaker": extracted.speaker[:300],
                    "cited_source": extracted.cited_source[:300],
                    "is_direct_quote": extracted.is_direct_quote,
                    "extracted_by": extracted.backend,
                },
            )
        kept_mentions.add(mention.pk)
    # Mentions this extraction no longer finds go, unless an editor has worked on their claim.
    for stale in ClaimMention.objects.filter(article=article).exclude(pk__in=kept_mentions).select_related("claim"):
        with transaction.atomic():
            claim = stale.claim
            if stale.added_by_id is not None or not claim_untouched(claim):
                continue  # an editor recorded this mention (a missed claim, a split) or worked on its claim
            stale.delete()
            if not ClaimMention.objects.filter(claim=claim).exists():
                claim.delete()
    Article.objects.filter(pk=article.pk).update(
        extraction_status_at=timezone.now(),
        extraction_error=result.message[:2000],
        language=result.language[:16],
    )
    return new_claim_ids, vectors


def _claim_to_mention(article: Article, extracted, normalized: str) -> Claim | None:
    """The stored claim this extracted span is an appearance of, locked until the mention is stored; None for a new
    claim. Locked first, because a concurrent extraction may be merging it away (matching._merge_pair locks both
    claims, moves their mentions, deletes one): a mention inserted beside that merge pointed at a deleted claim
    (a foreign-key error at commit, or a deadlock with the merge's own check of it), and the extraction failed
    (two articles sharing a claim, extracted at once). Locked first, we wait for the merge and look again,
    finding the claim it kept."""
    for _attempt in range(3):
        # A claim an editor rewrote is still the one this span makes: found by the text it was extracted as.
        rewritten = ClaimMention.objects.filter(
            article=article, start=extracted.start, end=extracted.end, claim__extracted_text=extracted.text
        ).first()
        found = rewritten.claim if rewritten is not None else _find_same_claim(normalized)
        if found is None:
            return None
        locked = Claim.objects.select_for_update(no_key=True).filter(pk=found.pk).first()
        if locked is not None:
            return locked
    return _find_same_claim(normalized)  # merged away three times over: the claim the last merge kept, unlocked


def _after_new_claims(claim_ids: list[int], vectors: dict[int, np.ndarray]) -> list[int]:
    """Match each new claim against the known ones (with the embedding the extraction made of it, when it
    made one), then ask for sources for those that stay and are check-worthy enough to be in the queue."""
    surviving: list[int] = []
    for claim_id in claim_ids:
        try:
            if claim_id in vectors and (claim := Claim.objects.filter(pk=claim_id).first()) is not None:
                claim_embed(claim=claim, vector=vectors[claim_id])
            outcome = claim_match(claim_id=claim_id)
        except Exception:  # matching is a separate concern: a failure there must not undo the extraction
            log.exception("Matching claim %s failed", claim_id)
            surviving.append(claim_id)
            continue
        if not outcome.gone and not outcome.merged:
            surviving.append(claim_id)
    # Sources only for claims in the editors' queue (see FACTCHECK_FETCH_MIN_CHECKWORTHINESS).
    worth_fetching = list(
        Claim.objects.filter(
            pk__in=surviving, checkworthiness__gte=settings.FACTCHECK_FETCH_MIN_CHECKWORTHINESS
        ).values_list("pk", flat=True)
    )
    if worth_fetching:
        try:
            claims_fetch_sources(claim_ids=worth_fetching)
        except InvalidInput:  # a claim merged away meanwhile
            claims_fetch_sources(
                claim_ids=list(Claim.objects.filter(pk__in=worth_fetching).values_list("pk", flat=True))
            )
    return surviving
