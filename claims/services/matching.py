"""One claim, many appearances. A new claim is embedded and compared with the stored claims
(claims.matching): at or above FACTCHECK_MATCH_SAME its mentions and evidence join the existing claim and
the duplicate row goes; from FACTCHECK_MATCH_SUGGEST up, editors are asked. Their decisions outrank
scores: a rejected pair is never suggested again, a confirmed pair is merged."""

from __future__ import annotations

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from factcheck.exceptions import InvalidInput, InvalidTransition
from sources.models import Evidence

from ..matching import decide as matching_decide
from ..matching import embeddings
from ..matching.contradiction import contradicting_neighbours, contradiction_floor
from ..matching.decide import MatchOutcome
from ..matching.index import index_for
from ..models import Claim, ClaimEmbedding, ClaimMatchSuggestion, ClaimMention, Verdict
from ..public_cache import public_output_changed
from ..selectors import claim_known_verdict_claim_id
from .history import history_note
from .permissions import MATCH_PERMISSION, require
from .workflow import Status, claim_untouched

MATCH_NEIGHBOURS = 10  # neighbours looked at per new claim
Decision = ClaimMatchSuggestion.Decision


def claim_embed(*, claim: Claim, vector: np.ndarray | None = None):
    """The claim's embedding, computed and stored unless the stored one is for the same text and model.

    `vector`: the embedding the extraction already made of this claim's matching text with the current model
    (it scored check-worthiness with it); stored as it is, so the claim is not embedded a second time."""

    text = matching_decide.matching_text(claim.text)
    digest = embeddings.text_digest(text)
    name = embeddings.model_name()
    stored = ClaimEmbedding.objects.filter(claim=claim).first()
    if stored is not None and stored.text_sha256 == digest and stored.model_name == name:
        return embeddings.from_bytes(stored.vector)
    vector = embeddings.embed_text(text) if vector is None else np.asarray(vector, dtype=np.float32)
    with transaction.atomic():
        ClaimEmbedding.objects.update_or_create(
            claim=claim, defaults={"vector": embeddings.to_bytes(vector), "model_name": name, "text_sha256": digest}
        )
        index_for().add(claim.pk, vector)
    return vector


def _untouched(claim: Claim) -> bool:
    """No editor has worked on it (see claim_untouched). Only such a claim may be absorbed silently."""
    return claim_untouched(claim)


def _pair_decisions(claim_id: int, other_ids) -> dict[int, str]:
    rows = ClaimMatchSuggestion.objects.filter(
        Q(claim_id=claim_id, candidate_id__in=other_ids) | Q(candidate_id=claim_id, claim_id__in=other_ids)
    ).values_list("claim_id", "candidate_id", "decision")
    return {(b if a == claim_id else a): decision for a, b, decision in rows}


def claim_match(*, claim_id: int, join: bool = True) -> MatchOutcome:
    """Match a newly stored claim against the known ones; idempotent, and quiet when the claim is gone.

    Called by the extraction's storage code for every new claim. Returns what happened: joined an
    existing claim (the new row is gone), suggested to editors, or left alone; and whether a matching
    claim already carries a published verdict.

    `join=False` (a claim an editor wrote, split off or added): a twin is only suggested, never merged, so
    the editor's claim is not folded away behind their back (a hand-added claim counts as untouched).
    """

    for _attempt in range(3):  # a concurrent merge may delete a neighbour between search and merge
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is None:
            return MatchOutcome(claim_id=claim_id, gone=True)
        vector = claim_embed(claim=claim)
        hits = index_for().search(vector, MATCH_NEIGHBOURS, exclude={claim.pk, *_same_sentence_claims(claim)})
        # Near-twins a guard separates are never joined; those that may contradict each other (a little below
        # the suggestion band too) are shown as possible contradictions.
        suggest_at = settings.FACTCHECK_MATCH_SUGGEST
        near = {h.claim_id: h.score for h in hits if h.score >= contradiction_floor(suggest_at)}
        texts = dict(Claim.objects.filter(pk__in=near).values_list("pk", "text"))
        conflicts = {
            pk: why
            for pk, other in texts.items()
            if near[pk] >= suggest_at and (why := matching_decide.join_conflict(claim.text, other))
        }
        contradictions = contradicting_neighbours(
            claim.text, {pk: (other, near[pk]) for pk, other in texts.items()}, suggest=suggest_at
        )
        plan = matching_decide.match_plan(
            hits,
            same=settings.FACTCHECK_MATCH_SAME,
            suggest=suggest_at,
            decisions=_pair_decisions(claim.pk, [h.claim_id for h in hits]),
            conflicts=conflicts,
            contradictions=contradictions,
        )
        suggest = list(plan.suggest)
        if plan.join is not None and not join:
            suggest.insert(0, plan.join)
        elif plan.join is not None:
            merged = _merge_pair(claim.pk, plan.join.claim_id, reason="same claim (similarity %.3f)" % plan.join.score)
            if merged is _GONE:
                continue
            if merged is not None:
                kept, absorbed = merged
                return MatchOutcome(
                    claim_id=kept,
                    merged_from=absorbed,
                    score=plan.join.score,
                    known_verdict_claim_id=claim_known_verdict_claim_id(kept),
                )
            suggest.insert(0, plan.join)  # an editor has worked on both claims: ask instead of merging
        suggested = []
        for hit in suggest:
            low, high = matching_decide.ordered_pair(claim.pk, hit.claim_id)
            ClaimMatchSuggestion.objects.get_or_create(
                claim_id=low,
                candidate_id=high,
                defaults={"score": hit.score, "conflict": contradictions.get(hit.claim_id, "")},
            )
            suggested.append(hit.claim_id)
        return MatchOutcome(
            claim_id=claim.pk,
            score=hits[0].score if hits else None,
            suggested=tuple(suggested),
            known_verdict_claim_id=claim_known_verdict_claim_id(claim.pk),
        )
    return MatchOutcome(claim_id=claim_id, gone=not Claim.objects.filter(pk=claim_id).exists())


def _same_sentence_claims(claim: Claim) -> set[int]:
    """Claims decomposed from a sentence this claim also comes from: different facts by construction
    ("X became the second state to recognise Y" and "X recognised Y"), however alike their wording."""
    mentions = list(claim.mentions.values_list("article_id", "sentence"))
    if not mentions:
        return set()
    same = Q()
    for article_id, sentence in mentions:
        same |= Q(article_id=article_id, sentence=sentence)
    return set(ClaimMention.objects.filter(same).exclude(claim_id=claim.pk).values_list("claim_id", flat=True))


_GONE = object()


def _merge_pair(claim_id: int, other_id: int, *, reason: str, actor=None, force: bool = False):
    """Merge two claims found to be the same; returns (kept id, absorbed id), None when neither may be
    absorbed, or _GONE when one of them no longer exists.

    The absorbed claim is one no editor has touched (`force`: an editor confirmed the pair, then any
    claim without a verdict may be absorbed). Between two untouched claims the older one stays, so
    that claims matched concurrently converge on one row.
    """
    with transaction.atomic():
        locked = {c.pk: c for c in Claim.objects.select_for_update().filter(pk__in=[claim_id, other_id]).order_by("pk")}
        if len(locked) < 2:
            return _GONE
        choice = merge_order(locked[claim_id], locked[other_id], force=force)
        if choice is not None:
            absorbed, kept = choice
            ids = kept.pk, absorbed.pk  # delete() clears absorbed.pk
            claim_merge(source=absorbed, target=kept, reason=reason, actor=actor)
            return ids
    return None


def merge_order(one: Claim, other: Claim, *, force: bool = False) -> tuple[Claim, Claim] | None:
    """(absorbed, kept) for two claims found to be the same, or None when neither may be absorbed.

    Between two untouched claims the newer is absorbed; `force` (an editor confirmed the pair): any
    claim without a verdict may be absorbed, an untouched one rather than a worked-on one.
    """
    older, newer = sorted((one, other), key=lambda claim: claim.pk)
    choices = [(newer, older), (older, newer)]
    if force:  # an untouched claim is folded into a worked-on one rather than the other way round
        choices.sort(key=lambda choice: not _untouched(choice[0]))
    for absorbed, kept in choices:
        if kept.status == Status.PUBLISHED and not force:
            continue  # joining would change a published fact-check behind the editors' backs: suggested instead
        if not Verdict.objects.filter(claim=absorbed).exists() if force else _untouched(absorbed):
            return absorbed, kept
    return None


def claim_merge(*, source: Claim, target: Claim, reason: str = "", actor=None) -> Claim:
    """Move every appearance and piece of evidence of `source` to `target`, then delete `source`.

    `source` must have no verdict. Duplicates (the same span of the same article, the same passage of
    the same source) are dropped rather than copied. Editors' decisions about `source` carry over to
    `target`; a rejection wins over a pending suggestion.
    """

    if source.pk == target.pk:
        raise InvalidInput("A claim cannot be merged into itself.")
    if Verdict.objects.filter(claim=source).exists():
        raise InvalidTransition(f"Claim {source.pk} has a verdict; merge the other claim into it instead.")
    with transaction.atomic():
        same_span = ClaimMention.objects.filter(
            claim=target, article_id=OuterRef("article_id"), start=OuterRef("start"), end=OuterRef("end")
        )
        ClaimMention.objects.filter(claim=source).exclude(Exists(same_span)).update(claim=target)
        same_passage = Evidence.objects.filter(
            claim=target, source_id=OuterRef("source_id"), passage_sha256=OuterRef("passage_sha256")
        )
        Evidence.objects.filter(claim=source).exclude(Exists(same_passage)).update(claim=target)
        _carry_suggestions(source=source, target=target)
        changed: list[str] = []
        if source.checkworthiness > target.checkworthiness:  # the score and the reasons for it go together
            target.checkworthiness, target.checkworthiness_signals = (
                source.checkworthiness,
                source.checkworthiness_signals,
            )
            changed = [*changed, "checkworthiness", "checkworthiness_signals"]
        if target.about_date is None and source.about_date is not None:
            target.about_date, changed = source.about_date, [*changed, "about_date"]
        merged_in = f"Claim {source.pk} merged in"
        history_note(target, reason=f"{merged_in}: {reason}" if reason else merged_in, user=actor)
        target.save(update_fields=[*changed, "updated_at"])
        if target.status == Status.PUBLISHED:
            public_output_changed()  # its appearances are public
        merged_into = f"Merged into claim {target.pk}"
        history_note(source, reason=f"{merged_into}: {reason}" if reason else merged_into, user=actor)
        source.delete()
    return target


def _carry_suggestions(*, source: Claim, target: Claim) -> None:
    rank: dict[str, int] = {Decision.PENDING: 0, Decision.CONFIRMED: 1, Decision.REJECTED: 2}  # by the stored value
    for suggestion in ClaimMatchSuggestion.objects.filter(Q(claim=source) | Q(candidate=source)):
        other = suggestion.candidate_id if suggestion.claim_id == source.pk else suggestion.claim_id
        if other == target.pk:
            continue  # the pair being merged; it goes with the source
        low, high = matching_decide.ordered_pair(target.pk, other)
        existing = ClaimMatchSuggestion.objects.filter(claim_id=low, candidate_id=high).first()
        if existing is None:
            ClaimMatchSuggestion.objects.create(
                claim_id=low,
                candidate_id=high,
                score=suggestion.score,
                decision=suggestion.decision,
                decided_by_id=suggestion.decided_by_id,
                decided_at=suggestion.decided_at,
            )
        elif rank[suggestion.decision] > rank[existing.decision]:
            existing.decision, existing.decided_by_id = suggestion.decision, suggestion.decided_by_id
            existing.decided_at = suggestion.decided_at
            existing.save(update_fields=["decision", "decided_by", "decided_at"])


def claim_match_decide(*, suggestion: ClaimMatchSuggestion, decision: str, actor) -> MatchOutcome:
    """An editor says whether two suggested claims are the same.

    Rejected: stored, and the pair is never suggested again. Confirmed: the claims are merged (the one
    with a verdict stays; between two without, the older one), and the suggestion goes with the merged
    claim; the kept claim's history records who confirmed it. Deciding again the same way changes nothing.
    """
    require(actor, MATCH_PERMISSION)
    if decision not in (Decision.CONFIRMED, Decision.REJECTED):
        raise InvalidInput("Decide 'confirmed' (the same claim) or 'rejected' (different claims).")
    with transaction.atomic():
        locked = ClaimMatchSuggestion.objects.select_for_update().filter(pk=suggestion.pk).first()
        if locked is None:
            raise InvalidTransition("This suggestion no longer exists: one of its claims was merged or deleted.")
        if locked.decision == decision:
            return MatchOutcome(claim_id=locked.claim_id, suggested=(locked.candidate_id,))
        if locked.decision != Decision.PENDING:
            raise InvalidTransition(
                f"This pair was already {Decision(locked.decision).label.lower()!r} by an editor; it cannot be changed."
            )
        if decision == Decision.REJECTED:
            locked.decision, locked.decided_by, locked.decided_at = decision, actor, timezone.now()
            locked.save(update_fields=["decision", "decided_by", "decided_at"])
            return MatchOutcome(claim_id=locked.claim_id)
        merged = _merge_pair(
            locked.claim_id, locked.candidate_id, reason=f"confirmed by {actor}", actor=actor, force=True
        )
        if merged is None:
            raise InvalidTransition(
                "Both claims have verdicts, so neither can be folded into the other. Dismiss one of them instead."
            )
        if merged is _GONE:
            raise InvalidTransition("One of the two claims no longer exists.")
        kept, absorbed = merged
    return MatchOutcome(
        claim_id=kept,
        merged_from=absorbed,
        score=locked.score,
        known_verdict_claim_id=claim_known_verdict_claim_id(kept),
    )


def claims_embed_missing(*, batch_size: int = 64) -> int:
    """Embed every claim without a current embedding (none yet, another text or another model), in batches.

    For claims stored before matching existed, or after FACTCHECK_EMBEDDING_MODEL changed. Returns how many
    were embedded. Matching itself is not re-run: stored claims keep their suggestions and merges.
    """

    name, done, last_id = embeddings.model_name(), 0, 0
    while True:
        batch = list(Claim.objects.filter(pk__gt=last_id).order_by("pk").values_list("pk", "text")[: batch_size * 8])
        if not batch:
            return done
        last_id = batch[-1][0]
        stored = dict(
            ClaimEmbedding.objects.filter(claim_id__in=[pk for pk, _ in batch], model_name=name).values_list(
                "claim_id", "text_sha256"
            )
        )
        todo = [
            (pk, text)
            for pk, text in ((pk, matching_decide.matching_text(text)) for pk, text in batch)
            if stored.get(pk) != embeddings.text_digest(text)
        ]
        if not todo:
            continue
        vectors = embeddings.embed_texts([text for _, text in todo], batch_size=batch_size)
        index = index_for()
        with transaction.atomic():
            for (pk, text), vector in zip(todo, vectors):
                ClaimEmbedding.objects.update_or_create(
                    claim_id=pk,
                    defaults={
                        "vector": embeddings.to_bytes(vector),
                        "model_name": name,
                        "text_sha256": embeddings.text_digest(text),
                    },
                )
                index.add(pk, vector)
        done += len(todo)
