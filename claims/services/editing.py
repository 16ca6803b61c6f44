"""Editors repair what extraction got wrong: rewrite a claim, split it, add one the machine missed, merge two.

Writes only, in the services style (keyword-only, typed, permission-checked, one transaction each).
What the machine produced stays on record: a rewritten claim keeps its extracted text, a hand-added
claim's mention says who added it and which span of the article it covers, and a merge moves each
mention with its own speaker and cited source.

Split: the claim keeps its id (its evidence, history and any draft verdict) and becomes the first
part; every further part is a new claim that gets a copy of the mentions the editor ticks for it
(each with its own speaker and cited source). A part without a mention is refused: a claim must say
where it was made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction

from factcheck import enqueue
from factcheck.exceptions import InvalidInput, InvalidTransition
from sources.services import claims_fetch_sources

from ..extraction.cleaning import normalise_for_matching
from ..models import Article, Claim, ClaimMatchSuggestion, ClaimMention, Verdict
from .history import history_note
from .matching import claim_match_decide, merge_order
from .permissions import PUBLISH_PERMISSION, REVIEW_PERMISSION, require

Status = Claim.Status
EDITABLE_STATUSES = (Status.NEW, Status.IN_REVIEW, Status.DISMISSED)
MAX_CLAIM_CHARS = 2000


def _clean_text(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise InvalidInput("A claim needs its text.")
    if len(text) > MAX_CLAIM_CHARS:
        raise InvalidInput(f"A claim is at most {MAX_CLAIM_CHARS} characters; split it instead.")
    return text


def _normalise(text: str) -> str:
    normalized = normalise_for_matching(text)
    if not normalized:
        raise InvalidInput("A claim needs words, not only punctuation.")
    return normalized


def _require_editable(claim: Claim) -> None:
    if claim.status not in EDITABLE_STATUSES:
        raise InvalidTransition(
            f"A claim that is {Status(claim.status).label.lower()} cannot be rewritten; "
            + ("open a correction first." if claim.status == Status.PUBLISHED else "send it back to review first.")
        )
    if Verdict.objects.filter(claim=claim, published_at__isnull=False).exists():
        # Under correction readers still get the published fact-check, whose claim text is read live: a rewrite
        # would reach them before any editor publishes. The rated wording is the correction's claimReviewed.
        raise InvalidTransition(
            "This claim's verdict is public while it is corrected, so its text cannot change; correct the rated "
            "wording in the correction's claimReviewed, or unpublish first."
        )


def claim_edit_text(*, claim: Claim, text: str, actor) -> Claim:
    """Rewrite a claim's text. The first rewrite keeps the machine's text in `extracted_text`."""
    require(actor, REVIEW_PERMISSION)
    text = _clean_text(text)
    with transaction.atomic():
        locked = Claim.objects.select_for_update(no_key=True).get(pk=claim.pk)
        _require_editable(locked)
        if text == locked.text:
            return locked
        if not locked.extracted_text:
            locked.extracted_text = locked.text
        locked.text, locked.normalized_text = text, _normalise(text)
        history_note(locked, reason="Text edited", user=actor)
        locked.save(update_fields=["text", "extracted_text", "normalized_text", "updated_at"])
        _match_later([locked.pk])
    return locked


@dataclass(frozen=True)
class SplitPart:
    """One further claim made from a split: its text and the ids of the mentions that make it."""

    text: str
    mention_ids: tuple[int, ...]


def claim_split(*, claim: Claim, first_text: str, parts: list[SplitPart], actor) -> list[Claim]:
    """Split a claim into several: it keeps `first_text`, each part becomes a new claim with copies of its
    chosen mentions. Returns [the claim, *the new claims]."""
    require(actor, REVIEW_PERMISSION)
    if not parts:
        raise InvalidInput("Give at least one further part to split the claim into.")
    first_text = _clean_text(first_text)
    texts = [first_text, *(_clean_text(part.text) for part in parts)]
    if len({_normalise(t) for t in texts}) < len(texts):
        raise InvalidInput("Two parts of the split say the same thing; give each part its own claim.")
    with transaction.atomic():
        locked = Claim.objects.select_for_update(no_key=True).get(pk=claim.pk)
        _require_editable(locked)
        mentions = {m.pk: m for m in ClaimMention.objects.filter(claim=locked)}
        for number, part in enumerate(parts, start=2):
            if not part.mention_ids:
                raise InvalidInput(f"Part {number} needs at least one mention: tick where it was said.")
            unknown = set(part.mention_ids) - set(mentions)
            if unknown:
                raise InvalidInput(f"Part {number} names mentions that are not this claim's: {sorted(unknown)}.")
        claim_edit_text(claim=locked, text=first_text, actor=actor)
        created = []
        for part in parts:
            text = _clean_text(part.text)
            new = Claim(
                text=text,
                normalized_text=_normalise(text),
                checkworthiness=locked.checkworthiness,
                claim_type=locked.claim_type,
                about_date=locked.about_date,
                status=Status.NEW if locked.status == Status.DISMISSED else locked.status,
                assignee=locked.assignee,
            )
            history_note(new, reason=f"Split from claim {locked.pk}", user=actor)
            new.save()
            for mention_id in dict.fromkeys(part.mention_ids):
                mention = mentions[mention_id]
                ClaimMention.objects.create(
                    claim=new, article_id=mention.article_id, sentence=mention.sentence, start=mention.start,
                    end=mention.end, speaker=mention.speaker, cited_source=mention.cited_source,
                    is_direct_quote=mention.is_direct_quote, extracted_by=mention.extracted_by, added_by=actor,
                )  # fmt: skip
            created.append(new)
        _fetch_sources_later([c.pk for c in created])
    locked.refresh_from_db()
    return [locked, *created]


def claim_add_from_article(
    *, article: Article, start: int, end: int, text: str = "", speaker: str = "", cited_source: str = "", actor
) -> Claim:
    """Record a claim the machine missed, from a span of the article's text an editor selected.

    The mention records that span exactly (its sentence is the selected text). A claim with the same
    normalised text already stored gains the mention instead of a twin.
    """
    require(actor, REVIEW_PERMISSION)
    source_text = article.cleaned_text
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(source_text):
        raise InvalidInput(f"Select a passage of the article's text (characters 0 to {len(source_text)}).")
    selected = source_text[start:end]
    if not selected.strip():
        raise InvalidInput("The selection is empty: select the words of the claim in the article.")
    text = _clean_text(text or selected)
    normalized = _normalise(text)
    with transaction.atomic():
        claim = Claim.objects.filter(normalized_text=normalized).order_by("pk").first()
        created = claim is None
        if claim is None:
            claim = Claim(text=text, normalized_text=normalized, checkworthiness=1.0, claim_type=Claim.Type.OTHER)
            history_note(claim, reason=f"Added by hand from article {article.pk}", user=actor)
            claim.save()
        if ClaimMention.objects.filter(claim=claim, article=article, start=start, end=end).exists():
            raise InvalidInput("This claim is already recorded for that passage.")
        ClaimMention.objects.create(
            claim=claim, article=article, sentence=selected, start=start, end=end, speaker=(speaker or "").strip()[:300],
            cited_source=(cited_source or "").strip()[:300], extracted_by="editor", added_by=actor,
        )  # fmt: skip
        if created:
            _fetch_sources_later([claim.pk])
    return claim


def _fetch_sources_later(claim_ids: list[int]) -> None:
    """New claims get their evidence like extracted ones, and are matched like them (tasks sent after commit)."""
    claims_fetch_sources(claim_ids=claim_ids)
    _match_later(claim_ids)


def _match_later(claim_ids: list[int]) -> None:
    """A claim's vector follows its wording, and a stored twin of the new wording is suggested to editors
    (claims.tasks.claim_embed_task)."""
    for claim_id in claim_ids:
        enqueue.claim_embed(claim_id)


# --- Merge, confirmed ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergePlan:
    """What confirming a suggested pair would do: which claim stays, which goes, which mentions move."""

    suggestion: ClaimMatchSuggestion
    kept: Claim
    absorbed: Claim
    moving: list[ClaimMention]  # the absorbed claim's mentions, each with its own speaker and cited source
    duplicates: list[ClaimMention]  # absorbed mentions of a span the kept claim already has: dropped
    can_take_text: bool  # the kept claim may take the absorbed claim's wording (it has no verdict)
    lost_names: list[str]  # names in the absorbed claim's wording that the kept claim's wording lacks


_NAME = re.compile(r"\b(?:[A-Z]{2,}s?|[A-Z][\w’'-]*[a-z][\w’'-]*)\b")


def names_only_in(text: str, other: str) -> list[str]:
    """Capitalised words and acronyms of `text` that `other` does not contain (the first word aside, which
    is capitalised anyway): what a merge would lose from the wording if `other` is kept."""
    found = [m.group(0) for m in _NAME.finditer(text) if m.start() > 0]
    kept = other.casefold()
    return list(dict.fromkeys(name for name in found if name.casefold().rstrip("s") not in kept))


def claim_merge_plan(*, suggestion: ClaimMatchSuggestion) -> MergePlan:
    """The merge `claim_match_decide` would make for this pair, for the editor to confirm; refuses when
    neither claim may be absorbed."""
    if suggestion.decision == ClaimMatchSuggestion.Decision.REJECTED:
        raise InvalidTransition("This pair was already decided 'different claims' by an editor; it cannot be changed.")
    a, b = suggestion.claim, suggestion.candidate
    choice = merge_order(a, b, force=True)
    if choice is None:
        raise InvalidTransition(
            "Both claims have verdicts, so neither can be folded into the other. Dismiss one of them instead."
        )
    absorbed, kept = choice
    kept_spans = set(ClaimMention.objects.filter(claim=kept).values_list("article_id", "start", "end"))
    moving: list[ClaimMention] = []
    duplicates: list[ClaimMention] = []
    for mention in ClaimMention.objects.filter(claim=absorbed).select_related("article__outlet"):
        (duplicates if (mention.article_id, mention.start, mention.end) in kept_spans else moving).append(mention)
    can_take_text = not Verdict.objects.filter(claim=kept).exists() and kept.status in EDITABLE_STATUSES
    lost = names_only_in(absorbed.text, kept.text)
    return MergePlan(suggestion, kept, absorbed, moving, duplicates, can_take_text, lost)


def claim_merge_confirm(*, suggestion: ClaimMatchSuggestion, actor, kept_id: int, absorbed_id: int, take_text: bool):
    """Merge a suggested pair the way the editor saw it on the confirmation page.

    `kept_id`/`absorbed_id` are what the page showed: if the plan changed since (a verdict was drafted
    meanwhile), nothing is merged. With `take_text`, the kept claim takes the absorbed claim's wording
    (so that a name only the absorbed claim carries is not lost).
    """
    plan = claim_merge_plan(suggestion=suggestion)
    if (plan.kept.pk, plan.absorbed.pk) != (kept_id, absorbed_id):
        raise InvalidTransition("The two claims changed since you looked at them; review the merge again.")
    if take_text and not plan.can_take_text:
        raise InvalidTransition("The claim that stays has a verdict; its wording cannot be replaced by the merge.")
    if Verdict.objects.filter(claim=plan.kept, published_at__isnull=False).exists():
        # The absorbed claim's appearances join a published fact-check (its ClaimReview appearances, its public
        # page): a change readers see, so it is an editor's to make, as publishing is.
        require(actor, PUBLISH_PERMISSION)
    absorbed_text = plan.absorbed.text
    with transaction.atomic():
        outcome = claim_match_decide(
            suggestion=suggestion, decision=ClaimMatchSuggestion.Decision.CONFIRMED, actor=actor
        )
        kept = Claim.objects.get(pk=outcome.claim_id)
        if take_text:
            kept = claim_edit_text(claim=kept, text=absorbed_text, actor=actor)
    return kept
