"""A sentence none of whose clauses became a claim: written whole, not decomposed, when it is a factual declarative
(undecomposed_fallback, own_past_speech), else offered to the check-worthiness gate (gate.py)."""

from __future__ import annotations

from .. import fragments, gate, readability, rules
from ..cleaning import normalise_for_matching
from ..lexicon import SUBJECT_DEPS
from ..types import Claim
from .claim import MIN_CLAIM_WORDS, make_claim
from .context import DocContext
from .policy import first_person_rewrite, is_statement, unresolved_opening
from .rendering import finish
from .statements import Statement


def own_past_speech(statement: Statement) -> bool:
    """ "I said in 2019 that we would cut the wool tax", "we have argued since 2015 that …": the speaker reports their
    own past words. What they said may be a promise or a view, but that they said it is on the record, so the
    sentence as a whole can be the claim (rule own_past_speech)."""
    found = statement.found
    if found is None or found.speaker is None or statement.quote or len(found.speaker) != 1:
        return False
    pronoun = found.speaker[0]
    verb = pronoun.head
    return pronoun.lower_ in ("i", "we") and (
        verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    )


def undecomposed(ctx: DocContext, sent, statement: Statement) -> Claim | None:
    """A factual declarative sentence none of whose clauses became a claim: the sentence as it stands (pronouns
    and names resolved as anywhere else), marked "not decomposed" for the editor. Never lose a fact."""
    doc = ctx.doc
    ids = [i for i in statement.content if not doc[i].is_space]
    tokens = [doc[i] for i in ids]
    if not tokens or not any(t.dep_ in SUBJECT_DEPS for t in tokens) or fragments.dangling_subordinate(tokens):
        return None
    if not is_statement(tokens, copula=False, attributed=bool(statement.speaker or statement.cited)):
        return None
    overrides = first_person_rewrite(doc, tokens, statement) if rules.on("first_person_claims") else {}
    return _whole_sentence(ctx, sent, statement, ids, overrides)


def gate_candidate(ctx: DocContext, sent, statement: Statement) -> Claim | None:
    """A declarative sentence none of whose clauses became a claim, in the article's own words as the undecomposed
    fallback writes them (sure pronouns and aliases resolved, nothing decomposed or rewritten), for the
    check-worthiness model to keep or not (gate.py). Its text is not taken as seen: a candidate the model turns
    down must not block the same words elsewhere."""
    doc = ctx.doc
    ids = [i for i in statement.content if not doc[i].is_space]
    tokens = [doc[i] for i in ids]
    if not gate.declarative(tokens) or gate.never_a_claim(tokens):
        return None
    # what the rules drop elsewhere is a candidate only under its own rule, at a line of its own (gate.lines)
    unresolved = unresolved_opening(ctx, sent, tokens)
    refused = gate.refused(tokens)
    if unresolved and not rules.on(gate.UNRESOLVED_RULE) or refused and not rules.on(gate.REFUSED_RULE):
        return None
    claim = _whole_sentence(ctx, sent, statement, ids, {}, unresolved_ok=unresolved)
    if claim is None or unresolved and len(claim.needs_context) > 1:
        return None  # an unresolved opener must be all it lacks: with another gap, it is not one look from a claim
    ctx.seen.discard(normalise_for_matching(claim.text))
    return gate.gated(claim, kind="refused" if refused else "unresolved" if unresolved else "plain")


def _whole_sentence(
    ctx: DocContext, sent, statement: Statement, ids: list[int], overrides, *, unresolved_ok: bool = False
) -> Claim | None:
    """The sentence's content written as one claim, not decomposed (the undecomposed fallback and the gate's
    candidate): none when it opens with a pronoun nothing resolved (unless `unresolved_ok`), is too short or is not
    grammatical."""
    tokens = [ctx.doc[i] for i in ids]
    if not unresolved_ok and unresolved_opening(ctx, sent, tokens) and rules.on("drop_unresolved"):
        return None
    claim_text = finish(ctx.renderer.render(ids, overrides))
    if len(claim_text.split()) < MIN_CLAIM_WORDS or not readability.grammatical(
        tokens, overrides=overrides, replaced_subjects={}, template=False
    ):
        return None
    return make_claim(
        ctx, sent, statement, tokens, claim_text, [], own_claim=False, rewritten=set(overrides), decomposed=False
    )
