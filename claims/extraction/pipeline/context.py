"""What every sentence of one parsed piece of text is read against: canonical names and aliases, pronouns and
descriptions resolved, relative dates written out, quotations running over sentences and whose they are."""

from __future__ import annotations

import dataclasses
import datetime as dt

from .. import month_dates, named_mentions, quotations, readability, relative_time, rules, segmentation
from ..decontextualisation.descriptions import definite_descriptions
from ..decontextualisation.people import gender_evidence
from ..decontextualisation.pronouns import antecedents
from ..decontextualisation.surnames import introduced_surnames
from ..entities import LOCATIVE_PREPOSITIONS, NAME_LABELS
from .rendering import Renderer


@dataclasses.dataclass
class DocContext:
    """What every sentence of one parsed piece of text is read against."""

    doc: object
    offset: int
    published: dt.date | None
    seen: set[str]
    backend: str
    title: object
    canonical_of: object
    pronouns: dict
    replacements: dict
    renderer: Renderer
    quoted: dict
    sents: list
    posts: list = dataclasses.field(default_factory=list)  # (start, end, author): embedded posts, quoted excerpts

    _genders: dict | None = None

    def genders(self) -> dict:
        """What the article says of each named person's gender (people.gender_evidence), read once when needed."""
        if self._genders is None:
            self._genders = gender_evidence(self.doc, self.sents, self.canonical_of)
        return self._genders

    def post_author(self, sent) -> str:
        """The author of the embedded post or quoted excerpt the sentence is part of (rules embedded_post,
        excerpt_source_tag), "" when it is none."""
        start = self.offset + sent.start_char
        return next((author for s, e, author in self.posts if s <= start < e), "")


def doc_context(doc, offset, cleaned, known, seen, backend, title) -> DocContext:
    canonical_cache: dict[tuple[int, int], str] = {}

    def canonical_of(ent) -> str:
        key = (ent.start, ent.end)
        if key not in canonical_cache:
            canonical_cache[key] = known.canonical(ent.text, ent.label_, place_use=_place_use(ent))
        return canonical_cache[key]

    earlier_people = list(known.people)  # full names of the article's earlier pieces
    ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
    if rules.on("family_surname"):
        # a full name is proper nouns: not "Hosting Lind" (a sentence's opening verb taken into the name)
        known.expect_people(e.text for e in ents if e.label_ == "PERSON" and all(t.pos_ == "PROPN" for t in e))
    for ent in ents:  # in order, so that full names are known before bare surnames
        canonical_of(ent)
    replacements = {}
    for ent in ents if rules.on("alias_canonicalisation") else ():
        canonical = canonical_of(ent)
        if known.is_replacement_worthy(ent.text, canonical):
            end = ent.end
            if end - 1 > ent.start and doc[end - 1].tag_ == "POS":  # keep the possessive
                end -= 1
            start = ent.start
            if start > 0 and doc[start - 1].lower_ == "the" and known.drops_article(canonical):
                start -= 1  # "the Democratic People's Republic of Korea" -> "North Korea"
            replacements[written_prefix_start(doc, start, canonical)] = (end, canonical)
    if rules.on("introduced_surname"):
        for start, (end, text) in introduced_surnames(doc, canonical_of, earlier_people).items():
            replacements.setdefault(written_prefix_start(doc, start, text), (end, text))
    sents = list(segmentation.sentences(doc))
    pronouns = antecedents(doc, sents, canonical_of) if rules.on("pronoun_resolution") else {}
    if rules.on("definite_descriptions"):
        for start, (end, text) in definite_descriptions(doc, sents, canonical_of).items():
            replacements.setdefault(start, (end, text))
    for start, (end, text) in named_mentions.named_descriptions(doc, canonical_of).items():
        replacements.setdefault(start, (end, text))
    if rules.on("relative_dates"):
        for start, (end, text) in _relative_dates(doc, cleaned.published).items():
            replacements.setdefault(start, (end, text))
    quoted = quotations.speakers(sents) if rules.on("quotation_speaker") else {}
    return DocContext(
        doc=doc,
        offset=offset,
        published=cleaned.published,
        seen=seen,
        backend=backend,
        title=title,
        canonical_of=canonical_of,
        pronouns=pronouns,
        replacements=replacements,
        renderer=Renderer(doc, pronouns, replacements),
        quoted=quoted,
        sents=sents,
        posts=cleaned.posts,
    )


def written_prefix_start(doc, start: int, name: str) -> int:
    """Where a fuller name written over a name span starts, so that words the text already has before the span
    are not written twice: "Prince Andrew" over "Andrew" in "Prince Andrew" (the tagger took "Andrew" alone) starts
    at "Prince", not "Prince Prince Andrew"."""
    words = name.split()
    for n in range(min(3, len(words) - 1, start), 0, -1):
        if [t.text for t in doc[start - n : start]] == words[:n]:
            return start - n
    return start


def _place_use(ent) -> bool:
    """Whether a capital is used as a place ("in Moscow") rather than for its state ("ties with Moscow")."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in LOCATIVE_PREPOSITIONS:
        return True
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.text == ":"  # a dateline


def _relative_dates(doc, published: dt.date | None) -> dict[int, tuple[int, str]]:
    """Relative dates written out from the publication date, with the preposition before them: token start ->
    (token end, "on 13 July 2022")."""
    found: dict[int, tuple[int, str]] = {}
    if published is None:
        return found
    words_found = relative_time.day_words(doc, published)
    taken = {i for start, (end, _) in words_found.items() for i in range(start, end)}
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not readability.RELATIVE_WORDS.search(ent.text):
            continue
        if rules.on("relative_date_words") and ent.end < len(doc) and doc[ent.end].tag_ == "POS":
            continue  # "today's teenagers" is no point in time: not "On 14 July 2022's teenagers"; left, flagged
        if relative_time.modifies_noun(ent.root):
            continue  # "the council's Monday vote": no point in time to write "on" before; left, flagged
        start = ent.start
        if (
            start > 0
            and doc[start - 1].dep_ == "prep"
            and doc[start - 1].lower_ in ("on", "by", "since", "until", "from", "in", "during")
        ):
            start -= 1
        words = doc[start : ent.end].text
        future = relative_time.statement_future(ent.root)
        written = readability.relative_date(words, published, future=future) or relative_time.write_span(
            words, published
        )
        if written and start == ent.start and start > 0 and doc[start - 1].tag_ in ("IN", "TO"):
            written = relative_time.without_preposition(written)  # "pushed into next year" -> "into 2023"
        if written and not taken & set(range(start, ent.end)):
            found[start] = (ent.end, written)
    for start, (end, text) in month_dates.years_written(doc, published).items():
        if not taken & set(range(start, end)) and not any(s <= start < e for s, (e, _) in found.items()):
            found[start] = (end, text)
    return found | words_found
