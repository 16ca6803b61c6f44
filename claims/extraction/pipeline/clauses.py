"""A claim per atomic clause of a statement: rendered, checked for a subject, a finite verb and a resolved opener, and
written in the article's own words when a rewrite lost a modal, a negation or a hedge (modality_guard)."""

from __future__ import annotations

import dataclasses
import re

from .. import brackets, faithfulness, fragments, quotations, readability, reporting_gaps, rules, wellformed
from ..decomposition import decompose
from ..decomposition.clause import Clause
from ..decomposition.modifiers import split_off_modifiers
from ..lexicon import has_subject, opening_capital
from ..types import Claim
from .claim import MIN_CLAIM_WORDS, make_claim
from .context import DocContext
from .policy import first_person_rewrite, is_statement, unresolved_opening
from .rendering import Renderer, finish
from .statements import Statement


def clauses_of(ctx: DocContext, sent, statement: Statement) -> list:
    doc = ctx.doc
    clauses = decompose(doc, statement.content)
    found = statement.found
    if found is not None and found.speaker is not None and rules.on("speaker_appositive"):
        # "the Russian ambassador to Pyongyang, Alexander Matsegora, said …": who the speaker is, is a fact too
        speaker_clause = Clause(tokens=[t.i for t in found.speaker])
        clauses += [c for c in split_off_modifiers(doc, speaker_clause) if c.template]
    return clauses


def without_speaker_pronouns(ctx: DocContext, statement: Statement) -> DocContext:
    """The context for a speaker's own words in which he/she/his/her stand for no one yet: in a direct quotation the
    speaker says "I", so a third-person pronoun resolved to the speaker is someone else (rule quoted_speaker_pronoun).
    """
    if not statement.quote or not statement.speaker:
        return ctx
    blocked = quotations.speaker_pronouns(ctx.doc, statement.content, ctx.pronouns, statement.speaker)
    if not blocked:
        return ctx
    pronouns = {i: a for i, a in ctx.pronouns.items() if i not in blocked}
    return dataclasses.replace(ctx, pronouns=pronouns, renderer=Renderer(ctx.doc, pronouns, ctx.replacements))


def claim_of_clause(ctx: DocContext, sent, statement: Statement, clause) -> Claim | None:
    doc, renderer, pronouns, replacements = ctx.doc, ctx.renderer, ctx.pronouns, ctx.replacements
    overrides = dict(clause.overrides)
    gaps: list[str] = []
    rewritten: dict[int, str] = {}
    if clause.template:
        rendered = [renderer.render(group) for group in clause.groups]
        if any(not r.strip() for r in rendered):
            return None
        # a group that opened the sentence is no longer at the start: "Ivo Brandt is the port's director", not "The"
        rendered = [
            r[0].lower() + r[1:]
            if k and group and opening_capital(doc[group[0]]) and r[:1] == doc[group[0]].text[:1]
            else r
            for k, (r, group) in enumerate(zip(rendered, clause.groups))
        ]
        body = clause.template.format(*(finish(r, capitalise=False) for r in rendered))
        body = body[0].upper() + body[1:] if body else body
        tokens = [doc[i] for group in clause.groups for i in group]
    else:
        ids = brackets.without_cut_brackets(sent, clause.tokens) if rules.on("bracket_guard") else clause.tokens
        if ids is None:
            return None  # the clause crosses a bracket it cut: the sentence's other claims, or the sentence, stand
        if rules.on("not_only_but"):
            ids = faithfulness.not_only_split_off(doc, ids, statement.content)
        clause = dataclasses.replace(clause, tokens=ids)
        tokens = [doc[i] for i in clause.tokens]
        rewritten = first_person_rewrite(doc, tokens, statement) if rules.on("first_person_claims") else {}
        overrides.update(rewritten)
        body = renderer.render(clause.tokens, overrides)
        if _bare_object_pronoun(doc, renderer.left_bare, pronouns, body):
            if rules.on("drop_unresolved"):
                return None  # "… could be sent to it": sent where? It would not read alone
            gaps.append('pronoun "it"')
    if not tokens:
        return None
    tokens = sorted(tokens, key=lambda t: t.i)
    claim_text = finish(body)
    if len(claim_text.split()) < MIN_CLAIM_WORDS:
        return None
    if not clause.template and unresolved_opening(ctx, sent, tokens) and rules.on("drop_unresolved"):
        return None  # it would not read alone: "This came two days after …" (what came?)
    fragment = not clause.template and (
        not has_subject(tokens) or fragments.dangling_subordinate(tokens) or wellformed.garbled(tokens)
    )  # "Helping rebuild …", "Was flagged on two plays."
    if fragment or not is_statement(
        tokens, copula=bool(clause.template), attributed=bool(statement.speaker or statement.cited)
    ):
        return None
    if not clause.template and rules.on("grammar_guard"):
        replaced = {
            t.i: pronouns[t.i].text
            for t in tokens
            if t.i in pronouns
            and t.dep_ in ("nsubj", "nsubjpass")
            and not pronouns[t.i].possessive
            and pronouns[t.i].text.casefold() in claim_text.casefold()
        }
        if not readability.grammatical(tokens, overrides=overrides, replaced_subjects=replaced, template=False):
            if not readability.grammatical(tokens, overrides=overrides, replaced_subjects={}, template=False):
                return None  # no finite verb: not a statement
            # the substituted subject disagrees with its verb: the article's own words, flagged
            claim_text = finish(Renderer(doc, {}, replacements).render(clause.tokens, overrides))
            gaps.append("a pronoun the pipeline could not resolve grammatically")
    if rules.on("modality_guard"):
        lost = faithfulness.lost_modality(doc, [t.i for t in tokens], claim_text, statement.content)
        reported = [] if clause.template else _lost_in_attribution(statement)
        if lost or reported:
            return _own_words(ctx, sent, statement, lost + reported, whole_sentence=bool(reported))
    return make_claim(
        ctx,
        sent,
        statement,
        tokens,
        claim_text,
        gaps,
        own_claim=bool(clause.template),
        rewritten=set(rewritten),
        decomposed=not clause.whole,
    )


def _lost_in_attribution(statement: Statement) -> list[str]:
    """The negation, modal or hedge of the verb that reports the statement ("Ivo Brandt could not confirm that
    …", "Ana Ruiz reportedly said …"): what was said is not what the speaker asserted."""
    speaker = statement.found.speaker if statement.found is not None else None
    if speaker is None or speaker.root.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return faithfulness.lost_in_report(speaker.root.head, statement.content)


def _own_words(ctx: DocContext, sent, statement: Statement, lost: list[str], *, whole_sentence: bool):
    """The sentence in the article's own words (no pronoun, name or date rewritten), flagged, instead of a rewrite
    that lost a modal, a negation or a hedge; the whole sentence, speaker included, when the reporting verb had it."""
    doc = ctx.doc
    ids = [t.i for t in sent if not t.is_space] if whole_sentence else list(statement.content)
    if whole_sentence:
        statement = dataclasses.replace(statement, speaker="", cited="", quote=False, speaker_tokens=[])
    if whole_sentence and any(reporting_gaps.withheld(doc[i], set(ids)) for i in ids):
        return None  # "Police did not say when …": the reporting verb's negation says nothing was said (no_comment)
    text = finish(Renderer(doc, {}, {}).render(ids))
    if len(text.split()) < MIN_CLAIM_WORDS:
        return None
    gap = "a rewrite lost " + ", ".join(f'"{word}"' for word in lost) + ": the sentence in its own words"
    return make_claim(ctx, sent, statement, [doc[i] for i in ids], text, [gap], own_claim=False, decomposed=False)


BARE_OBJECTS = {"it"}


def _bare_object_pronoun(doc, left_bare: set[int], pronouns, body: str) -> bool:
    """An "it" after a preposition left as written while the claim does not name what it stands for
    ("North Korean workers could be sent to it", its antecedent a guess or nothing). The object of a
    preposition is never an expletive, so the claim would not read alone. A subject or direct-object "it"
    is left to the opening check and to the resolver ("make it possible", "it is likely that")."""
    for i in left_bare:
        token = doc[i]
        if token.lower_ not in BARE_OBJECTS or token.dep_ != "pobj":
            continue
        antecedent = pronouns.get(i)
        if antecedent is None or not re.search(rf"(?<!\w){re.escape(antecedent.text)}(?!\w)", body, re.IGNORECASE):
            return True
    return False
