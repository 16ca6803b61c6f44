"""He/she resolves to a person only when sure: one person named nearby and a subject there, or the subject of the
verb that reports the pronoun's clause, and nothing the article says of that person's gender against it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import REPORTING_VERBS
from .referents import PERSONAL, SUBJECT_DEPS, THING_LABELS, in_quotation


def sure_person(recent: list[tuple[int, str, str]], token: Token, nearest: str) -> str | None:
    """He/she resolves to a person only when sure: the one person named in this and the previous sentence, or,
    when several are, the subject of the verb that reports the pronoun's clause ("Ivo Brandt said he …").
    Otherwise nothing: the claim keeps the pronoun and is flagged (faithful before clever)."""
    names = {name for _, _, name in recent}
    if len(names) <= 1:
        return nearest
    for head in token.ancestors:
        subject = next(
            (c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < token.i and c.pos_ == "PROPN"), None
        )
        if subject is not None and head.lemma_ in REPORTING_VERBS:
            named = [name for _, _, name in recent if name.split()[-1] == subject.text]  # the NER may call it otherwise
            return named[-1] if named else None
    return None


MALE_TITLES = {"mr", "mr.", "mister", "sir", "king", "prince", "lord", "father", "brother", "uncle", "duke"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess", "dame", "mother", "sister"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}


def gender_evidence(doc: Doc, sents: list[Span], canonical_of) -> dict[str, str]:
    """What the article itself says of each named person's gender: a title before the name ("Mrs. Ruiz"), or the
    pronouns of a sentence whose only person is its subject ("Ana Ruiz said she …"). A name with evidence both
    ways, or none, is absent: the veto acts only on what the article shows."""
    votes: dict[str, set[str]] = {}
    for sent in sents:
        people = [e for e in sent.ents if e.label_ == "PERSON"]
        for ent in people:
            before = doc[ent.start - 1].lower_ if ent.start > sent.start else ""
            if before in MALE_TITLES or before in FEMALE_TITLES:
                votes.setdefault(canonical_of(ent), set()).add("m" if before in MALE_TITLES else "f")
        if len({canonical_of(e) for e in people}) != 1 or people[0].root.dep_ not in SUBJECT_DEPS:
            continue
        after = {t.lower_ for t in sent if t.i >= people[0].end and t.pos_ in ("PRON", "DET")}
        if after & MALE_PRONOUNS and not after & FEMALE_PRONOUNS:
            votes.setdefault(canonical_of(people[0]), set()).add("m")
        elif after & FEMALE_PRONOUNS and not after & MALE_PRONOUNS:
            votes.setdefault(canonical_of(people[0]), set()).add("f")
    return {name: next(iter(found)) for name, found in votes.items() if len(found) == 1}


def _is_subject_mention(ent) -> bool:
    """A person's mention that is the subject of its clause: "Ana Ruiz signed …", "the mayor, Ana Ruiz, signed …"."""
    root = ent.root
    if root.dep_ == "appos":
        root = root.head
    return root.dep_ in SUBJECT_DEPS


def subject_person(doc: Doc, token: Token, window_start: int, canonical_of, found: dict) -> str | None:
    """He/she resolves only when sure: exactly one person is named in this sentence (before the pronoun) and the
    previous one, a mention of that person is a subject there, and nothing the article says of the person's
    A capitalised subject the tagger did not class counts as a second candidate
    (it may be a person), and so does another subject before the pronoun in its own sentence ("The new captain
    said his …"). Several people named: ambiguous_person decides (the subject of a reporting verb)."""
    window = doc[window_start : token.i]
    mentions = [e for e in window.ents if e.label_ == "PERSON" and e.end <= token.i]
    names = {canonical_of(e) for e in mentions}
    # "X was born in 1898. He served … . He retired …": a he/she already resolved is a mention of that person
    chained = [t for t in window if t.lower_ in PERSONAL and t.i in found and not found[t.i].possessive]
    names |= {found[t.i].text for t in chained}
    unclassed = any(
        t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" and t.ent_type_ not in THING_LABELS | {"PERSON"} for t in window
    )
    if (
        len(names) != 1
        or unclassed
        or not any(_is_subject_mention(e) for e in mentions)
        and not any(t.dep_ in SUBJECT_DEPS for t in chained)
    ):
        return None
    sent = token.sent
    if any(
        t.dep_ in SUBJECT_DEPS
        and (t.tag_ == "NN" and not t.ent_type_ or t.lower_ == "who")
        and in_quotation(sent, t) == in_quotation(sent, token)
        for t in doc[sent.start : token.i]
    ):
        return None  # "The new captain said his crew …": the nearer subject may be whom the pronoun means
    name = next(iter(names))
    if any((t.lower_ in MALE_PRONOUNS) != (token.lower_ in MALE_PRONOUNS) for t in chained):
        return None  # "She hired … . In 2001 he sold …": the article just called that person otherwise
    return name


def contradicts(gender: str | None, pronoun: Token) -> bool:
    return gender == "m" and pronoun.lower_ in FEMALE_PRONOUNS or gender == "f" and pronoun.lower_ in MALE_PRONOUNS
