"""A sentence boundary after a quotation that ends a sentence (rule quote_end_boundary): '"… if it kills us!'" Not
long after that, Ana Ruiz bought a house.' The parser runs a sentence on past a full stop, '!' or '?' followed by
closing quote marks, most of all when two marks close a quotation inside a quotation, and the claim glued the
quoted words to the next sentence. A pipeline component that runs before the parser marks the word after the marks
as a sentence start, which the parser respects, only when that word opens sentences and never begins a trailing
attribution: a determiner, a conjunction, an adverb or the like ("Not", "The", "But"), not a name or a pronoun
('"We will win!" Ana Ruiz said', '"Stop!" She said').

The marks must close: the quotation they end was opened before them in the text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import rules

COMPONENT = "quote_end_boundary"
SENTENCE_ENDS = frozenset({".", "!", "?"})
CLOSING = frozenset({'"', "'", "\u201d", "\u2019", "''"})
OPENING = frozenset({'"', "'", "\u201c", "\u2018", "``"})
# tags of words that open a sentence and never start a trailing "X said" (so no name, no personal pronoun)
OPENER_TAGS = frozenset({"DT", "IN", "CC", "RB", "WDT", "WRB", "EX", "PDT"})


@Language.component(COMPONENT)
def quote_end_boundary(doc: Doc) -> Doc:
    if not rules.on(COMPONENT):
        return doc
    for token in doc:
        after = _after_closed_quotation(doc, token)
        if after is not None:
            after.is_sent_start = True
    return doc


def _after_closed_quotation(doc: Doc, token: Token) -> Token | None:
    """The word that opens a sentence after `token`, when `token` ends a sentence inside quote marks that close."""
    if token.text not in SENTENCE_ENDS or token.whitespace_:
        return None
    j = token.i + 1
    while j < len(doc) and doc[j].text in CLOSING:  # the marks written together after the sentence's end
        j += 1
        if doc[j - 1].whitespace_:
            break
    marks = doc[token.i + 1 : j]
    if not marks or j >= len(doc) or not marks[-1].whitespace_:
        return None
    if not any(t.text in OPENING for t in doc[max(0, token.i - 200) : token.i]):
        return None  # nothing was opened: an apostrophe or a stray mark
    after = doc[j]
    if not after.text[:1].isupper() or after.tag_ not in OPENER_TAGS:
        return None
    return after
