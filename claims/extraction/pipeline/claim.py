"""A claim made of its tokens and text: check-worthiness and its features, speaker and cited source, the anchored date,
entities, the claim type, what it needs for context; a text seen before in the article is not written twice."""

from __future__ import annotations

import datetime as dt

from .. import checkable, checkworthiness, dates, readability
from ..cleaning import normalise_for_matching
from ..entities import NAME_LABELS, entities_in
from ..types import Claim, Entity
from .context import DocContext
from .statements import Statement

MIN_CLAIM_WORDS = 4
# a speaker the article gives only as a pronoun ('"…," she said') that nobody was found for: the claim is flagged
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})


def make_claim(
    ctx: DocContext,
    sent,
    statement: Statement,
    tokens,
    claim_text: str,
    gaps: list[str],
    *,
    own_claim: bool,
    rewritten: set[int] = frozenset(),
    decomposed: bool = True,
) -> Claim | None:
    key = normalise_for_matching(claim_text)
    if key in ctx.seen or checkable.exclamation(sent, tokens):
        return None
    ctx.seen.add(key)
    pronouns, doc = ctx.pronouns, ctx.doc
    resolved = {t.i for t in tokens if t.i in pronouns} | set(rewritten)
    for start, (end, _) in ctx.replacements.items():
        resolved.update(range(start, end))
    gaps = list(dict.fromkeys(gaps + readability.context_gaps(tokens, claim_text, resolved=resolved)))
    if not own_claim and statement.speaker.casefold() in SPEAKER_PRONOUNS:
        gaps.append(f'speaker "{statement.speaker}" not named')  # '"…," she said' with nobody sure for "she"
    resolved_names = sum(1 for t in tokens if t.i in pronouns and not pronouns[t.i].possessive)
    score = checkworthiness.score(
        tokens + statement.speaker_tokens, copula=own_claim and decomposed, resolved_names=resolved_names
    )
    sentence_date = _first_date(list(sent), ctx.published)
    # "X is Y" from an appositive: not what the speaker said, not dated by the sentence
    found_date = _first_date(tokens, ctx.published) or (None if own_claim else sentence_date)
    return Claim(
        text=claim_text,
        sentence=sent.text,
        start=ctx.offset + sent.start_char,
        end=ctx.offset + sent.end_char,
        checkworthiness=score,
        features=checkworthiness.features(tokens),  # what was claimed, as in the training sentences
        speaker="" if own_claim else statement.speaker,
        cited_source="" if own_claim else statement.cited,
        date=found_date[0] if found_date else None,
        date_precision=found_date[1] if found_date else "",
        entities=_entities(doc, {t.i for t in tokens}, ctx.canonical_of),
        is_direct_quote=statement.quote and not own_claim,
        claim_type="attribute" if own_claim else _clause_type(tokens, bool(statement.speaker), statement.quote),
        backend=ctx.backend,
        needs_context=gaps,
        decomposed=decomposed,
        not_a_fact=checkable.judgement(tokens, speaker="" if own_claim else statement.speaker),
    )


def _clause_type(tokens, attributed: bool, quote: bool) -> str:
    if quote or attributed:
        return "quote"
    if any(t.ent_type_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY") for t in tokens):
        return "statistic"
    lower = {t.lower_ for t in tokens}
    if lower & {"will", "would", "plans", "plan", "expects", "'ll", "going"}:
        return "prediction"
    if any(t.tag_ == "VBD" for t in tokens):
        return "event"
    if any(t.lemma_ == "be" for t in tokens):
        return "attribute"
    return "other"


def _entities(doc, ids: set[int], canonical_of) -> list[Entity]:
    out, seen = [], set()
    for ent in entities_in(doc, ids):
        if ent.label_ in NAME_LABELS and _is_name(ent.text):
            item = Entity(text=ent.text, canonical=canonical_of(ent), label=ent.label_)
            if (item.text, item.canonical) not in seen:
                seen.add((item.text, item.canonical))
                out.append(item)
    return out


def _is_name(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not text.endswith("-") and any(c.isupper() for c in letters)


def _first_date(tokens, published: dt.date | None):
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return None
    ids = {t.i for t in tokens}
    for ent in entities_in(doc, ids):
        if ent.label_ == "DATE":
            anchored = dates.anchor(ent.text, published)
            if anchored:
                return anchored
    return None
