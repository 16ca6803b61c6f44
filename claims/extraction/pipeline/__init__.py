"""The embedded extraction backend: spaCy parses, the stage modules decide.

cleaned text -> sentences -> attribution -> atomic clauses -> decontextualised, normalised claims
with check-worthiness, entities and an anchored date. Plain data in and out.

The sentence loop is here; one module per step: context (a parsed piece of text), statements (what a sentence
states, who says it), clauses (a claim per atomic clause), whole_sentence (when no clause gave one), policy (what
may be a claim), claim (the Claim record), rendering (tokens -> text). The spaCy model: ../parsing.py.
"""

from __future__ import annotations

import dataclasses

from .. import checkworthiness, gate, lists, rules, segmentation
from ..entities import DocumentEntities
from ..parsing import chunks, load_nlp
from ..types import Claim, CleanedText
from .clauses import claim_of_clause, clauses_of, without_speaker_pronouns
from .context import doc_context
from .statements import Statement, statement_of
from .whole_sentence import gate_candidate, own_past_speech, undecomposed


def extract_claims(
    cleaned: CleanedText, *, nlp=None, backend: str = "spacy", max_claims: int | None = None
) -> list[Claim]:
    """All check-worthy atomic claims of a cleaned article, in article order; with `max_claims`, parsing
    stops once that many are found (the rest of the text is never parsed: a bound on CPU and on the
    matching and fetching each claim costs downstream)."""
    nlp = nlp or load_nlp()
    text = cleaned.text
    if not text.strip():
        return []
    known = DocumentEntities(text)
    claims: list[Claim] = []
    seen: set[str] = set()
    blocks = lists.find_blocks(text) if rules.on("lists") else []
    # Prose is parsed as it stands; a list announced by a colon is written out item by item (lists.py) and
    # each item's sentences are parsed on their own, the claims pointing at the item's span.
    units: list[tuple[int, str, lists.ListItem | None]] = []
    prose = segmentation.without_datelines(text) if rules.on("dateline") else text  # blanked: the same offsets
    prose = segmentation.without_fillers(prose) if rules.on("spoken_fillers") else prose
    prose_start = 0
    for block in blocks:
        units += [(prose_start + offset, chunk, None) for offset, chunk in chunks(prose[prose_start : block.start])]
        kinds = [lists.body_kind(doc) for doc in nlp.pipe(item.body or "." for item in block.items)]
        units += [(item.start, lists.item_sentences(block, item, kind), item) for item, kind in zip(block.items, kinds)]
        prose_start = block.end
    units += [(prose_start + offset, chunk, None) for offset, chunk in chunks(prose[prose_start:])]
    units = [unit for unit in units if unit[1].strip()]
    title = nlp(cleaned.title) if cleaned.title.strip() else None
    # One chunk at a time: parsing stops soon after max_claims instead of parsing the whole text ahead.
    for (offset, _, item), doc in zip(units, nlp.pipe((unit[1] for unit in units), batch_size=1)):
        found = _claims_of_doc(doc, offset, cleaned, known, seen, backend, title=title)
        if item is not None:
            span = text[item.start : item.end]
            found = [dataclasses.replace(c, sentence=span, start=item.start, end=item.end) for c in found]
        elif prose is not text:  # parsed with datelines or fillers blanked: the sentence is the article's own words
            found = [dataclasses.replace(c, sentence=text[c.start : c.end]) for c in found]
        claims.extend(found)
        if max_claims is not None and sum(not isinstance(c, gate.GatedSentence) for c in claims) >= max_claims:
            break
    claims = gate.admitted(checkworthiness.score_claims(claims))  # the model's say on sentences the rules left
    return claims[:max_claims] if max_claims is not None else claims


def _claims_of_doc(
    doc, offset: int, cleaned: CleanedText, known: DocumentEntities, seen: set[str], backend: str, title=None
):
    """Claims of one parsed piece of text (prose, or a list item written out as sentences by lists.py):
    the document's context once, then each sentence: its statement, its clauses, a claim per clause, and the
    sentence itself when no clause gave a claim."""
    ctx = doc_context(doc, offset, cleaned, known, seen, backend, title)
    claims: list[Claim] = []
    for sent in ctx.sents:
        statement = statement_of(ctx, sent)
        if statement is None:
            continue
        claims.extend(_claims_of_statement(ctx, sent, statement))
        second = statement.found.second if statement.found is not None else None
        if second is not None:  # "X said A, but B" (B the article's), "X said A and added that B" (B X's too)
            if second.speaker_too:
                own = dataclasses.replace(statement, content=second.content, found=None, quote=second.is_direct_quote)
            else:
                own = Statement(second.content, None, "", "", False, [])
            claims.extend(_claims_of_statement(ctx, sent, own, gated=False))
    return claims


def _claims_of_statement(ctx, sent, statement: Statement, *, gated: bool = True) -> list[Claim]:
    """A claim per clause of the statement; else the statement whole; else (`gated`) the sentence, if the model
    keeps it."""
    sent_ctx = without_speaker_pronouns(ctx, statement) if rules.on("quoted_speaker_pronoun") else ctx
    found = [
        c
        for clause in clauses_of(sent_ctx, sent, statement)
        if (c := claim_of_clause(sent_ctx, sent, statement, clause))
    ]
    if not found and rules.on("undecomposed_fallback"):
        whole = undecomposed(sent_ctx, sent, statement)
        if whole is None and rules.on("own_past_speech") and own_past_speech(statement):
            whole = undecomposed(ctx, sent, Statement([t.i for t in sent if not t.is_space], None, "", "", False, []))
        found = [whole] if whole is not None else []
    if not found and gated and rules.on(gate.RULE):
        found = [c for c in (gate_candidate(ctx, sent, statement),) if c is not None]
    return found
