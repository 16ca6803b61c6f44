"""Sentence segmentation: spaCy's parser-based sentences, never crossing a paragraph break."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

STRAY_OPENERS = {"This", "The", "It", "These", "He", "She", "They", "That"}


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
