"""Sentence segmentation: spaCy's parser-based sentences, never crossing a paragraph break; and the spoken opener
set off before a sentence's statement ("Look, …", "You know, …"), which is no part of it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

STRAY_OPENERS = {"This", "The", "It", "These", "He", "She", "They", "That"}
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
WH_TAGS = ("WRB", "WDT", "WP")
# a verb of opinion set off as an aside ("I think, …") hedges what follows: the opener stays, and with it the hedge
ASIDE_OPINIONS = {"think", "believe", "feel", "guess", "suppose", "hope", "wish", "expect"}


def stray_acronym(sent: Span) -> bool:
    """An acronym stranded at the start of a sentence by a lost word ("… news agency. KCN This came …")."""
    return (
        len(sent) > 2 and sent[0].is_upper and sent[0].is_alpha and len(sent[0]) <= 6 and sent[1].text in STRAY_OPENERS
    )


def sentences(doc: Doc) -> Iterator[Span]:
    """Sentences of a parsed document, split again at blank lines and trimmed of surrounding space."""
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text and token.i > start:
                span = _trim(doc[start : token.i])
                if span is not None:
                    yield span
                start = token.i + 1
        span = _trim(doc[start : sent.end])
        if span is not None:
            yield span


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    if start >= end or not any(t.is_alpha for t in span.doc[start:end]):
        return None
    return span.doc[start:end]


def discourse_opener(doc: Doc, content: list[int]) -> list[int]:
    """ "Look, we pay …", "Listen, the budget doubled …", "Let me say this, we cut …", "You know, the mill closed …"
    -> the statement after the comma. A spoken opener addressed to the listener says nothing about the world: an
    imperative (a bare verb first, no finite verb in the opener) or a short aside parsed as parataxis ("you know",
    "I mean"), set off by a comma before a clause with its own subject and finite verb. Conjunctions and
    interjections before it ("And look, …", "Well, you know, …") go with it."""
    cut = 0
    while True:
        comma = next((k for k in range(cut, min(len(content), cut + 6)) if doc[content[k]].text == ","), None)
        if comma is None:
            return content[cut:]
        opener = [doc[i] for i in content[cut:comma]]
        core = [t for t in opener if t.pos_ not in ("CCONJ", "INTJ", "PUNCT") and t.dep_ != "cc"]
        rest = [doc[i] for i in content[comma + 1 :]]
        if not rest or not _clause(rest) or rest[0].pos_ in ("CCONJ", "SCONJ") or rest[0].tag_ in WH_TAGS:
            # "Cut the tax, and …", "Consider Lanzo, where …": the opener is a clause the rest hangs on
            return content[cut:]
        if not core and opener:  # "Well," before the opener
            cut = comma + 1
            continue
        if core and (_imperative(core) or _aside(core)):
            cut = comma + 1
            continue
        return content[cut:]


def _imperative(core) -> bool:
    return (
        core[0].tag_ == "VB"
        and core[0].pos_ == "VERB"
        and core[0].i == min(t.i for t in core)
        and not any(t.tag_ in FINITE_TAGS for t in core)
    )


def _aside(core) -> bool:
    """ "you know", "I mean", "I tell you": a first- or second-person subject, a present verb hung on the sentence's
    main verb as parataxis, at most an object pronoun after it."""
    if len(core) > 3 or core[0].lower_ not in ("i", "you", "we") or core[0].dep_ != "nsubj":
        return False
    verb = core[1] if len(core) > 1 else None
    return (
        verb is not None
        and verb.tag_ == "VBP"
        and verb.dep_ == "parataxis"
        and verb.lemma_ not in ASIDE_OPINIONS
        and all(t.pos_ == "PRON" for t in core[2:])
    )


def _clause(tokens) -> bool:
    """A clause of its own: a subject and a finite verb."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tokens) and any(t.tag_ in FINITE_TAGS for t in tokens)
