"""Plain data that flows through the extraction pipeline. No ORM, no spaCy objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entity:
    text: str  # as written in the article
    canonical: str  # the name the newsroom files it under ("DPR" -> "Donetsk People's Republic")
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...


@dataclass
class CleanedText:
    """An article after cleaning: the body text that claims are drawn from, plus metadata found in it."""

    text: str
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate lines and repeated paragraphs dropped
    # (start, end, author) of the paragraphs that are an embedded post's text or a quoted excerpt (embedded_posts.py);
    # found on the whole text before the extraction blanks the marked paragraphs (signatures and source tags among them)
    posts: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Sentence:
    text: str
    start: int  # character offsets in CleanedText.text
    end: int
    checkworthiness: float = 0.0


@dataclass
class Claim:
    text: str  # the claim, readable on its own
    sentence: str  # the sentence it was drawn from, as in the cleaned text
    start: int  # offsets of that sentence in the cleaned text
    end: int
    checkworthiness: float
    speaker: str = ""
    cited_source: str = ""
    date: dt.date | None = None
    date_precision: str = ""  # day | month | year
    entities: list[Entity] = field(default_factory=list)
    is_direct_quote: bool = False
    claim_type: str = "other"  # one of claims.models.Claim.Type values
    backend: str = "spacy"
    # check-worthiness: the general features it was scored on, the strongest signals in words with their push
    # on the log-odds, and the MiniLM embedding of its matching text (stored for claim matching: embedded once)
    features: list[float] = field(default_factory=list, repr=False)
    signals: list[tuple[str, float]] = field(default_factory=list)
    embedding: object = field(default=None, repr=False, compare=False)  # numpy float32 vector, or None
    # what a reader could not resolve without the article (an unresolved pronoun, "the <noun>" never introduced,
    # a relative date): the claim is stored flagged "needs context"; empty when it reads alone
    needs_context: list[str] = field(default_factory=list)
    decomposed: bool = True  # False: the sentence as a whole, no decomposition rule understood it
    # why the statement is more a judgement than a checkable fact (checkable.judgement), "" when it is not one:
    # its check-worthiness is capped at claims.bands.NOT_A_FACT so the queue ranks it last
    not_a_fact: str = ""

    def as_json(self) -> dict:
        """The stable shape printed by `manage.py extract_claims --json`."""
        return {
            "text": self.text,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "checkworthiness": round(self.checkworthiness, 3),
            "checkworthiness_signals": [{"signal": words, "push": push} for words, push in self.signals],
            "speaker": self.speaker or None,
            "cited_source": self.cited_source or None,
            "date": self.date.isoformat() if self.date else None,
            "entities": [{"text": e.text, "canonical": e.canonical, "label": e.label} for e in self.entities],
            "needs_context": list(self.needs_context),
            "decomposed": self.decomposed,
        }


class Status:
    DONE = "done"
    UNSUPPORTED = "unsupported"  # not English: stored, not extracted
    EMPTY = "empty"  # nothing left after cleaning


@dataclass
class ExtractionResult:
    cleaned: CleanedText
    language: str
    status: str
    claims: list[Claim] = field(default_factory=list)
    backend: str = "spacy"
    message: str = ""
