"""Sentence segmentation: spaCy's parser-based sentences, never crossing a paragraph break; a paragraph's dateline
blanked out before the parse; and the spoken opener set off before a sentence's statement ("Look, …", "You know,
…"), which is no part of it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .lexicon import FINITE_TAGS

STRAY_OPENERS = {"This", "The", "It", "These", "He", "She", "They", "That"}
WH_TAGS = ("WRB", "WDT", "WP")
# a verb of opinion set off as an aside ("I think, …") hedges what follows: the opener stays, and with it the hedge
ASIDE_OPINIONS = {"think", "believe", "feel", "guess", "suppose", "hope", "wish", "expect"}


# A dateline names a place: capitalised words ("LISBON", "Rio de Janeiro", "St. Gallen"), perhaps ", Portugal",
# ", Ohio, United States" or a date, perhaps "(Reuters)", then a colon or a dash, at the start of a paragraph. Lower-case words before a dash are a
# sentence ("the county lost uh - 300 jobs"), not a place: taken for one, the sentence lost its subject and verb.
_PLACE = r"[A-Z][\w.'\u2019-]*"
DATELINE = re.compile(
    rf"(?m)^[ \t]*{_PLACE}(?:[ \t]+(?:(?:de|da|do|del|der|la|le|el|of|on|upon|am|im)[ \t]+)?{_PLACE}){{0,4}}"
    r"(?:,[ \t]*[A-Z][\w .]{1,30}){0,2}[ \t]*(?:\(\w+\)[ \t]*)?[:\u2014-]{1,2}[ \t]+"
)


def without_datelines(text: str) -> str:
    """The text with each paragraph's opening dateline blanked out before it is parsed (rule dateline), by as many
    characters, so every offset stays the article's. Parsed with its dateline, "LISBON, Portugal - The ferry company
    carried …" had Portugal for its subject and the company as its apposition, and cutting the dateline's words
    afterwards left a sentence without a subject, so without a claim. Spaces then a line break, not spaces alone:
    a run of spaces before a sentence made spaCy's entity recogniser miss the person named in it."""
    return DATELINE.sub(lambda found: " " * (len(found.group()) - 1) + "\n", text)


# A spoken filler ("uh", "um"), with the comma or dash that sets it off; a false start repeated after a dash ("in
# the -- in the last year"): transcripts of debates and interviews are full of both.
_FILLER = re.compile(r"(?i)(?:[,\u2013\u2014-]+[ \t]+)?(?<!\S)(?:uh+|um+|uhm|erm)(?:[ \t]*[,\u2013\u2014-]+)?(?=[ \t])")
_FALSE_START = re.compile(r"(?i)(?<!\S)((?:[a-z']+[ \t]+){0,3}[a-z']+)[ \t]+-{1,2}[ \t]+(?=\1\b)")


def without_fillers(text: str) -> str:
    """The text with spoken fillers and repeated false starts blanked out by as many spaces before it is parsed (rule
    spoken_fillers; every offset stays the article's): "the Lanzo mill did not uh - close in 2019" is parsed,
    and written as a claim, as "the Lanzo mill did not close in 2019"."""
    text = _FILLER.sub(lambda found: " " * len(found.group()), text)
    return _FALSE_START.sub(lambda found: " " * len(found.group()), text)


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
