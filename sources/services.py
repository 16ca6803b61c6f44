"""Writes for sources and evidence: starting fetches, recording what fetchers found, editor-added URLs.

Fetch lifecycle of one (claim, fetcher), one ClaimFetch row:

    pending ──task starts──▶ running ──▶ done (sources_found)
       ▲                        │
       └──retryable failure─────┤ (requested_at moves to when the retry is due)
                                └──▶ failed (error: the reason, for the admin)

`claims_fetch_sources` (new claims, admin action, API) and the beat job re-queue rows;
tasks claim a row with a conditional update, so a redelivered task adds nothing twice.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils import timezone

from claims.matching.embeddings import Remembered
from claims.models import Article, Claim, Outlet
from factcheck import enqueue, runlock
from factcheck.exceptions import InvalidInput, NotAllowed
from factcheck.redaction import redact

from . import conf, http, selectors, stance_llm
from .evidence import RankedPassage, StanceSuggestion, rank_passages, split_passages, suggest_stances
from .evidence.copies import is_copy, shingles
from .evidence.similarity import best_sentence_similarities
from .fetchers.base import FoundDocument, enabled_fetchers, get_fetcher, registry
from .fetchers.internal import article_document
from .models import ClaimFetch, Evidence, Lead, Source, SourceRequest

logger = logging.getLogger(__name__)
Status = ClaimFetch.Status


# --- Starting fetches ------------------------------------------------------------------------------------


def claims_fetch_sources(
    *, claim_ids: list[int], fetchers: list[str] | None = None, force: bool = False
) -> list[ClaimFetch]:
    """Queue one fetch task per (claim, fetcher); tasks are sent after the surrounding transaction commits.

    `fetchers` defaults to settings.FACTCHECK_FETCHERS. Without `force`, fetchers already pending,
    running or done for a claim are left alone (failed ones are tried again); with `force` every
    one is reset to pending and run again. Returns the rows queued.
    """
    names = list(dict.fromkeys(fetchers)) if fetchers is not None else enabled_fetchers()
    unknown = [n for n in names if n not in registry()]
    if unknown:
        raise InvalidInput(f"Unknown fetcher: {', '.join(unknown)}. Known fetchers: {', '.join(registry())}.")
    existing_ids = set(Claim.objects.filter(pk__in=claim_ids).values_list("pk", flat=True))
    missing = [i for i in claim_ids if i not in existing_ids]
    if missing:
        raise InvalidInput(f"No claim with id {', '.join(map(str, missing))}.")

    queued: list[ClaimFetch] = []
    with transaction.atomic():
        for claim_id in dict.fromkeys(claim_ids):
            for name in names:
                fetch, created = ClaimFetch.objects.get_or_create(claim_id=claim_id, fetcher=name)
                if not created:
                    if not force and fetch.status != Status.FAILED:
                        continue
                    updated = ClaimFetch.objects.filter(pk=fetch.pk).update(
                        status=Status.PENDING, error="", requested_at=timezone.now(), started_at=None, finished_at=None
                    )
                    if not updated:
                        continue
                    fetch.refresh_from_db()
                queued.append(fetch)
                enqueue.claim_fetch(claim_id, name, unsent=partial(claim_fetch_unsent, claim_id=claim_id, fetcher=name))
    return queued


def claim_fetch_asked_during_run(*, claim_id: int, fetcher: str) -> None:
    """A message found the fetch's run lock held by a live run. Most such messages are copies (a redelivery, a
    sweeper's resend) of the running row's own. But when the row is pending, somebody asked for the fetch again
    ("Fetch sources again") after that run had started: the live run leaves it pending (it writes its outcome
    only on a running row), and the stuck-fetch sweeper sends it at its first run once the lock is free."""
    claim_fetch_unsent(claim_id=claim_id, fetcher=fetcher)


def claim_fetch_unsent(*, claim_id: int, fetcher: str) -> None:
    """The broker could not take the fetch's message (an outage): the row stays pending, dated back so that the
    stuck-fetch sweeper sends it at its first run once the broker is back, instead of FACTCHECK_FETCH_STUCK_MINUTES
    later (that wait is for messages that may still be on their way; this one is known not to be)."""
    due = timezone.now() - timedelta(minutes=conf.get("FACTCHECK_FETCH_STUCK_MINUTES"), seconds=1)
    ClaimFetch.objects.filter(claim_id=claim_id, fetcher=fetcher, status=Status.PENDING).update(requested_at=due)


# --- Running one fetch (called by the task) --------------------------------------------------------------


def fetch_run_key(*, claim_id: int, fetcher: str) -> str:
    """The run lock (factcheck.runlock) a fetch task holds while it runs this (claim, fetcher)."""
    return f"claim-fetch:{claim_id}:{fetcher}"


def claim_fetch_start(*, claim_id: int, fetcher: str) -> bool:
    """Claim the row for this run with a conditional update: pending becomes running; so does running when the
    caller holds the fetch's run lock (fetch_run_key): then nobody is running it, its worker died. A row merely
    running for long is never taken over (the fetch worker's thread pool enforces no time limit: a slow run
    under load is alive). So no fetch runs twice at once, and a duplicate message (a redelivery, a copy the
    sweeper sent) finds nothing to do once the row is done.

    False means there is nothing to do: the row is gone, done, failed for good, or running elsewhere.
    """
    claimable = Q(status=Status.PENDING)
    if runlock.held_here(fetch_run_key(claim_id=claim_id, fetcher=fetcher)):
        claimable |= Q(status=Status.RUNNING)
    return bool(
        ClaimFetch.objects.filter(claimable, claim_id=claim_id, fetcher=fetcher).update(
            status=Status.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1, error=""
        )
    )


def claim_fetch_restart(*, claim_id: int, fetcher: str, status: str) -> bool:
    """The sweeper's restart of a fetch it found stuck in `status` (pending too long, or running past the time
    limit): back to pending and sent again, unless a live run holds its run lock, or the row moved on meanwhile.
    Holding the lock while it resets the row, no run can start or finish in between. True: sent again."""
    with runlock.held(fetch_run_key(claim_id=claim_id, fetcher=fetcher)) as ours:
        if not ours:
            return False  # running, alive: only slow
        reset = ClaimFetch.objects.filter(claim_id=claim_id, fetcher=fetcher, status=status).update(
            status=Status.PENDING, error="", requested_at=timezone.now(), started_at=None, finished_at=None
        )
    if reset:  # sent once the lock is released: a worker that found it held would drop the message
        enqueue.claim_fetch(claim_id, fetcher, unsent=partial(claim_fetch_unsent, claim_id=claim_id, fetcher=fetcher))
    return bool(reset)


def claim_fetch_run(*, claim_id: int, fetcher: str) -> int | None:
    """Run one fetcher for one claim and store what it found. Returns the number of sources, or None
    when there was nothing to do. FetchErrors and FetcherNotConfigured propagate: the task decides."""
    if not claim_fetch_start(claim_id=claim_id, fetcher=fetcher):
        return None
    runner = get_fetcher(fetcher)
    query = selectors.claim_query(claim_id=claim_id, article_texts=runner.reads_article_text)
    if query is None:
        return None
    documents = without_own_copies(
        _web_documents(runner.fetch(query), fetcher=fetcher),
        own_texts=selectors.claim_own_texts(claim_id=claim_id),
    )
    plan = evidence_plan(claim_text=query.text, documents=documents, claim_vector=query.vector)
    stance_llm.refine(claim_text=query.text, plan=plan)  # outside the transaction: it may take a while
    with transaction.atomic():
        count = evidence_record(
            claim_id=claim_id, fetcher=fetcher, documents=documents, claim_date=query.claim_date, plan=plan
        )
        # Only while still running: an editor who asked for the fetch again during this run set the row back to
        # pending, and that request is run again once this run's lock is released (claim_fetch_asked_during_run).
        ClaimFetch.objects.filter(claim_id=claim_id, fetcher=fetcher, status=Status.RUNNING).update(
            status=Status.DONE, sources_found=count, finished_at=timezone.now(), error=""
        )
    if runner.corroborates_back:
        internal_corroborate_back(query=query, documents=documents)
    return count


def without_own_copies(documents: list[FoundDocument], *, own_texts: list[str]) -> list[FoundDocument]:
    """Documents that are not the claim's own articles republished: a copy (same or near-same text)
    repeats the claim, it does not corroborate it. Documents without text (to-dos, failures) stay."""
    if not own_texts:
        return documents
    own = [shingles(text) for text in own_texts]
    kept = []
    for document in documents:
        text = document.text
        if not text and document.source_id:
            text = Source.objects.filter(pk=document.source_id).values_list("text", flat=True).first() or ""
        if text and any(is_copy(text, theirs) for theirs in own):
            logger.info("Left out %s: a copy of an article that makes the claim.", document.url)
            continue
        kept.append(document)
    return kept


def internal_corroborate_back(*, query, documents: list[FoundDocument]) -> list[int]:
    """Corroboration runs both ways: offer this claim's own articles to the claims of the articles the
    internal fetcher just found, so a claim of an article ingested earlier gains evidence from a later
    one without re-fetching everything. Returns the ids of the claims given new evidence."""
    own_articles = {m.article_id for m in query.mentions}
    found_articles = {d.metadata.get("article_id") for d in documents} - {None} - own_articles
    if not own_articles or not found_articles:
        return []
    own_documents = [
        article_document(a)
        for a in selectors.with_text_head(Article.objects.filter(pk__in=own_articles).select_related("outlet"))
    ]
    others = selectors.claims_of_articles_sharing_words(
        text=query.text, article_ids=found_articles, own_article_ids=own_articles, exclude_id=query.claim_id
    )
    touched = []
    for other_id in others:
        other_query = selectors.claim_query(claim_id=other_id, article_texts=False)  # its text, date and vector
        if other_query is None:
            continue
        offered = without_own_copies(own_documents, own_texts=selectors.claim_own_texts(claim_id=other_id))
        if not offered:
            continue
        # Ranked before the transaction opens: embedding waits its turn at the model thread, and a transaction
        # held open meanwhile kept row locks for minutes under load (bench/soak.py).
        plan = evidence_plan(claim_text=other_query.text, documents=offered, claim_vector=other_query.vector)
        with transaction.atomic():
            # Locked, so matching cannot merge it away before its evidence is written; gone already: nothing to do.
            # FOR NO KEY UPDATE (see source_store): it still waits for a merge, which deletes the row.
            if not Claim.objects.select_for_update(no_key=True).filter(pk=other_id).exists():
                continue
            if not evidence_record(
                claim_id=other_id, fetcher="internal", documents=offered, claim_date=other_query.claim_date, plan=plan
            ):
                continue
            linked = Evidence.objects.filter(claim_id=other_id, fetcher="internal").values("source_id").distinct()
            ClaimFetch.objects.filter(claim_id=other_id, fetcher="internal").update(sources_found=linked.count())
        touched.append(other_id)
    return touched


def claim_fetch_retry_later(*, claim_id: int, fetcher: str, error: str, countdown: float) -> None:
    """A retryable failure: back to pending, due again in `countdown` seconds (so the stuck-claims
    job does not restart it early)."""
    ClaimFetch.objects.filter(claim_id=claim_id, fetcher=fetcher, status=Status.RUNNING).update(
        status=Status.PENDING,
        error=redact(f"Will retry in {countdown:.0f}s: {error}")[:2000],
        requested_at=timezone.now() + timedelta(seconds=countdown),
    )


def claim_fetch_fail(*, claim_id: int, fetcher: str, error: str) -> None:
    """The run's final failure, written only while the row is still running (see claim_fetch_run)."""
    ClaimFetch.objects.filter(claim_id=claim_id, fetcher=fetcher, status=Status.RUNNING).update(
        status=Status.FAILED, error=redact(error)[:2000], finished_at=timezone.now()
    )


# --- Storing documents as sources and evidence ----------------------------------------------------------


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _outlet(name: str, domain: str) -> Outlet | None:
    """The outlet with this domain or name, created when new. Safe under concurrent workers."""
    domain = (domain or "").lower().removeprefix("www.").strip(".")
    name = (name or "").strip()[:200]
    if not name and not domain:
        return None
    for _ in range(2):
        outlet = (Outlet.objects.filter(domain=domain).first() if domain else None) or (
            Outlet.objects.filter(name__iexact=name).first() if name else None
        )
        if outlet:
            if domain and not outlet.domain and not Outlet.objects.filter(domain=domain).exists():
                Outlet.objects.filter(pk=outlet.pk, domain__isnull=True).update(domain=domain)
            return outlet
        try:
            with transaction.atomic():
                return Outlet.objects.create(name=name or domain, domain=domain or None)
        except IntegrityError:
            continue  # another worker created it a moment ago
    return None


def _web_documents(documents: list[FoundDocument], *, fetcher: str) -> list[FoundDocument]:
    """The documents with an http(s) URL; any other (a provider's `javascript:` link) is dropped and logged."""
    kept = [document for document in documents if document.source_id or http.is_web_url(document.url)]
    if len(kept) < len(documents):
        logger.warning("%s: dropped %d result(s) whose URL is not http(s)", fetcher, len(documents) - len(kept))
    return kept


def source_store(document: FoundDocument) -> Source:
    """Create or refresh the Source for a document, keyed by its canonical URL (a page is stored once)."""
    if document.source_id:
        return Source.objects.get(pk=document.source_id)
    url = http.canonical_url(document.url)
    if not (http.is_web_url(document.url) and http.is_web_url(url)):
        raise InvalidInput(f"Only http and https URLs are stored as sources, not {document.url[:100]!r}.")
    text = document.text or ""
    digest = _sha256(text) if text else ""
    stored_text = text if document.store_text else ""
    defaults = {
        "title": (document.title or "")[:500],
        "kind": document.kind,
        "outlet": _outlet(document.outlet_name, document.outlet_domain),
        "published_at": document.published_at,
        "metadata": document.metadata,
        "fetch_error": document.fetch_error,
    }
    if document.fetched_at or text:
        defaults.update(
            fetched_at=document.fetched_at or timezone.now(),
            http_status=document.http_status,
            content_type=document.content_type[:100],
            text=stored_text,
            text_sha256=digest,
        )
    elif document.http_status is not None:
        defaults["http_status"] = document.http_status  # an error status is worth showing too
    existing = (
        Source.objects.filter(url=url)
        .defer("text")
        .annotate(has_text=ExpressionWrapper(~Q(text=""), output_field=BooleanField()))
        .first()
    )
    if existing is not None and not text and (existing.has_text or existing.text_sha256):
        # A failed re-fetch keeps the snapshot we have; it only records the error.
        defaults = {"fetch_error": document.fetch_error} if document.fetch_error else {}
    elif existing is not None and digest and existing.text_sha256 == digest and "text" in defaults:
        del defaults["text"]  # the same snapshot: not written again (it may be megabytes)
    if existing is not None and not defaults.get("outlet") and "outlet" in defaults:
        defaults.pop("outlet")
    if existing is not None and existing.metadata.get("cited_by"):  # an editor's title, date and notes win
        defaults.pop("metadata", None)
        for field in ("title", "published_at"):
            if getattr(existing, field):
                defaults.pop(field, None)
    try:
        with transaction.atomic():
            source = _source_locked_update(url, defaults)
    except IntegrityError:  # created concurrently by another worker: update that row
        source = Source.objects.get(url=url)
        Source.objects.filter(pk=source.pk).update(**defaults)
        source.refresh_from_db()
    return source


def _source_locked_update(url: str, defaults: dict) -> Source:
    """update_or_create by URL, with the row locked FOR NO KEY UPDATE rather than FOR UPDATE.

    Django declares foreign keys DEFERRABLE INITIALLY DEFERRED on PostgreSQL: a transaction that wrote evidence
    checks its claim and source rows at COMMIT with FOR KEY SHARE, which FOR UPDATE blocks and FOR NO KEY UPDATE
    does not. With FOR UPDATE a fetch committing the evidence of source A for claim 1 waited for a corroboration
    run holding claim 1, which waited for source A: two articles' extraction and fetches deadlocked (the end-to-end
    seed test, about 1 run in 4). No key changes here, so the weaker lock still serialises every writer of the row.
    """
    source = Source.objects.select_for_update(no_key=True).filter(url=url).first()
    if source is None:
        return Source.objects.create(url=url, **defaults)
    for field, value in defaults.items():
        setattr(source, field, value)
    if defaults:
        source.save(update_fields=list(defaults))
    return source


def _published_after(published_at: datetime | None, claim_date) -> bool:
    if published_at is None or claim_date is None:
        return False
    end_of_claim_day = timezone.make_aware(datetime.combine(claim_date, time.max), timezone.get_default_timezone())
    return published_at > end_of_claim_day


@dataclass
class PlannedEvidence:
    """One document's best passages and their stance suggestions, before anything is written."""

    document: FoundDocument
    passages: list[RankedPassage]
    suggestions: list[StanceSuggestion]
    decided: bool  # the stance comes from what the document is (cited outlet, fact-check rating)


SHORTLIST = 10


def _rank(
    claim_text: str, passages: list[str], *, top_k: int, embed, min_relevance: float = 0.25
) -> list[RankedPassage]:
    """BM25 shortlists, then the claim's embedding against each passage's closest sentence and the terms rank
    together: on Factcheck-GPT's labels the first supporting or refuting passage ranks higher that way (MRR 0.866
    against 0.828 for BM25 alone; bench/evidence.py). Only the shortlist's sentences are embedded; the stance step
    embeds the few passages kept."""
    shortlist = rank_passages(claim_text, passages, top_k=max(SHORTLIST, top_k), min_relevance=0.0)
    if min_relevance > 0:
        # A passage of a page's text that shares no word with the claim is not embedded: embedding ten passages of
        # every page found, however unrelated, was most of a fetch's time (bench/pipeline.py). A provider's own
        # passages (min_relevance 0) are few and are all compared.
        shortlist = [passage for passage in shortlist if passage.matched_terms]
    if not shortlist:
        return []
    texts = [r.text for r in shortlist]
    scores = best_sentence_similarities(claim_text, texts, embed=embed)
    return rank_passages(claim_text, texts, top_k=top_k, min_relevance=min_relevance, similarities=scores)


# The process's memory of passage and claim embeddings, shared by its fetch threads (FACTCHECK_EVIDENCE_EMBEDDING_MEMORY).
passage_embeddings = Remembered(
    limit=conf.get("FACTCHECK_EVIDENCE_EMBEDDING_MEMORY"),
    shared_seconds=conf.get("FACTCHECK_EVIDENCE_EMBEDDING_SHARED_SECONDS"),
)


def evidence_plan(*, claim_text: str, documents: list[FoundDocument], claim_vector=None) -> list[PlannedEvidence]:
    """Rank each document's passages against the claim and suggest a stance from the text signals. Each text is
    embedded once for the whole plan (copies of one story share passages, and stance reuses the ranking's
    vectors) and, within the process's memory, once for all the plans that meet it again. `claim_vector`: the
    claim's stored embedding (ClaimQuery.vector), used instead of embedding the claim again."""
    per_source = conf.get("FACTCHECK_EVIDENCE_PER_SOURCE")
    embed = passage_embeddings if conf.get("FACTCHECK_EVIDENCE_EMBEDDING_MEMORY") else Remembered()
    if claim_vector is not None:
        embed.remember(claim_text, claim_vector)
    plan = []
    for document in documents:
        if document.todo:
            plan.append(PlannedEvidence(document, [], [], decided=True))
            continue
        text = document.text
        if not text and document.source_id:
            text = Source.objects.filter(pk=document.source_id).values_list("text", flat=True).first() or ""
        if document.passages:
            candidates = list(dict.fromkeys(p for p in document.passages if p.strip()))
            ranked = _rank(claim_text, candidates, top_k=per_source, embed=embed, min_relevance=0.0)
        else:
            passages = split_passages(text)
            ranked = _rank(claim_text, passages, top_k=per_source, embed=embed)
            if not ranked and document.keep_best and passages:
                ranked = rank_passages(claim_text, passages, top_k=1, min_relevance=0.0)[:1]
        if document.stance:
            suggestions = [StanceSuggestion(*document.stance) for _ in ranked]
        else:
            suggestions = suggest_stances(
                claim_text, [p.text for p in ranked], rating=document.rating or None, embedder=embed
            )
        plan.append(PlannedEvidence(document, ranked, suggestions, decided=bool(document.stance or document.rating)))
    return plan


def evidence_record(*, claim_id: int, fetcher: str, documents: list[FoundDocument], claim_date=None, plan=None) -> int:
    """Store documents as sources and their best passages as evidence for the claim. Idempotent:
    evidence is keyed by (claim, source, passage sha256). Returns the number of sources linked."""
    if plan is None:
        claim_text = Claim.objects.values_list("text", flat=True).get(pk=claim_id)
        plan = evidence_plan(claim_text=claim_text, documents=documents)
    linked: set[int] = set()
    # One order for every worker: concurrent runs insert shared sources in the same sequence and so
    # wait for each other instead of deadlocking on the unique URL index.
    for item in sorted(plan, key=lambda item: http.canonical_url(item.document.url)):
        source = source_store(item.document)
        if item.document.todo:
            # A place to look, not evidence: nothing of it was read (a cited outlet's own report).
            Lead.objects.update_or_create(
                claim_id=claim_id,
                source=source,
                defaults={
                    "todo": item.document.todo[:300],
                    "context": "\n".join(item.document.passages)[:2000],
                    "fetcher": fetcher,
                },  # fmt: skip
            )
            Evidence.objects.filter(claim_id=claim_id, source=source).delete()  # a card from before leads existed
            linked.add(source.pk)
            continue
        if not item.passages:
            continue
        after = _published_after(source.published_at, claim_date)
        for passage, suggestion in zip(item.passages, item.suggestions, strict=True):
            Evidence.objects.update_or_create(
                claim_id=claim_id,
                source=source,
                passage_sha256=_sha256(passage.text),
                defaults={
                    "passage": passage.text,
                    "relevance": passage.relevance,
                    "stance": suggestion.stance,
                    "stance_reason": suggestion.reason[:500],
                    "fetcher": fetcher,
                    "published_after_claim": after,
                },
            )
        linked.add(source.pk)
    return len(linked)


# --- Editor-added URLs and re-fetching -------------------------------------------------------------------


def source_add_url(*, claim_id: int, url: str, actor) -> Source:
    """Attach a URL an editor found to a claim and fetch it in the background (fetcher "url").

    Refuses, with a message for the editor, a URL that is not http(s) or that points at a
    private or otherwise blocked address.
    """
    url = (url or "").strip()
    if not url:
        raise InvalidInput("Give the URL of the page to add.")
    if actor is None or not actor.is_active or not actor.has_perm("claims.change_claim"):
        raise NotAllowed("You do not have permission to add sources to claims.")
    if not Claim.objects.filter(pk=claim_id).exists():
        raise InvalidInput(f"No claim with id {claim_id}.")
    try:
        http.check_url(url)
    except http.ConnectionFailed as exc:
        raise InvalidInput(f"This URL cannot be fetched: {exc.message}") from None
    except http.FetchError as exc:
        raise InvalidInput(exc.message) from None
    canonical = http.canonical_url(url)
    with transaction.atomic():
        source, _ = Source.objects.get_or_create(url=canonical, defaults={"kind": Source.Kind.OTHER})
        SourceRequest.objects.get_or_create(claim_id=claim_id, source=source, defaults={"requested_by": actor})
        claims_fetch_sources(claim_ids=[claim_id], fetchers=["url"], force=True)
    return source


def source_refetch(*, source_id: int) -> Source | None:
    """Fetch a web source again and refresh its snapshot; a failure is recorded, the old text kept."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return None
    try:
        result = http.fetch(source.url, accept=http.HTML + http.TEXT)
    except http.FetchError as exc:
        if exc.retryable:
            raise
        Source.objects.filter(pk=source.pk).update(fetch_error=exc.message, fetched_at=timezone.now())
        return source
    text = http.html_to_text(result.text, url=result.final_url) if result.content_type in http.HTML else result.text
    Source.objects.filter(pk=source.pk).update(
        text=text,
        text_sha256=_sha256(text),
        fetched_at=result.fetched_at,
        http_status=result.status,
        content_type=result.content_type,
        fetch_error="",
    )
    source.refresh_from_db()
    return source
