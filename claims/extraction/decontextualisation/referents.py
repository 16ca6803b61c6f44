"""What the resolvers share: the pronoun classes, the labels of things, what a pronoun resolves to (Antecedent), and
whether a word stands inside a direct quotation."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import NOMINAL_SUBJECT_DEPS

PERSONAL = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
POSSESSIVE = {"his", "her", "its", "their", "hers", "theirs"}
DEMONSTRATIVE = {"this", "that"}  # as a sentence's opening subject: what the previous sentence was about
PRONOUNS = PERSONAL | NEUTER | PLURAL
THING_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
SUBJECT_DEPS = NOMINAL_SUBJECT_DEPS


@dataclass(frozen=True)
class Antecedent:
    text: str
    possessive: bool


QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}


def in_quotation(sent: Span, token: Token) -> bool:
    """The token stands inside a direct quotation that opens in its sentence ('"It was hard," she said.')."""
    return sum(1 for t in sent.doc[sent.start : token.i] if t.text in QUOTE_MARKS) % 2 == 1
