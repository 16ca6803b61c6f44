"""He/she resolves to a person only when sure: one person named nearby and a subject there, or the subject of the
verb that reports the pronoun's clause, and nothing the article says of that person's gender against it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..entities import entity_at
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


# the head nouns of descriptions that name a person: "it" never stands for them
PERSON_NOUNS = frozenset(
    "man woman boy girl child baby mother father son daughter wife husband brother sister parent grandmother "
    "grandfather aunt uncle patient doctor suspect victim player coach actor actress singer".split()
)


def names_person(text: str, person_words: frozenset[str]) -> bool:
    """The antecedent is a person: the name (or surname) of someone the article shows to be one, a description
    whose head is a person noun ("the man", "his mother"), or one opening with his/her."""
    words = text.casefold().split()
    if not words:
        return False
    return (
        text.casefold() in person_words
        or words[-1] in person_words
        or words[-1] in PERSON_NOUNS
        or words[0] in ("his", "her")
    )


def _is_person_name(token: Token, person_words: frozenset[str]) -> bool:
    """A proper-noun subject that may be a person: tagged PERSON, untagged, or a surname the article gives a person
    elsewhere (the tagger calls a surname a place or an organisation now and then)."""
    if token.pos_ != "PROPN":
        return False
    return token.ent_type_ in ("PERSON", "") or token.lower_ in person_words


def clause_subjects(token: Token):
    """The subjects of the pronoun's clause and of the clauses above it, but the pronoun itself."""
    for head in [token.head, *token.head.ancestors]:
        yield from (c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i != token.i)


def _mentions(token: Token, name: str, canonical_of) -> bool:
    """The token is a word of `name` or of a mention whose canonical name is `name` ("Pushlin", misspelt, read as
    "Denis Pushilin")."""
    if token.lower_ in name.casefold().split():
        return True
    ent = entity_at(token.doc, token.i)
    return ent is not None and canonical_of(ent) == name


def other_person_subject(token: Token, name: str, person_words: frozenset[str], canonical_of) -> bool:
    """He/she/his/her inside a clause whose subject (the pronoun's clause or one above it: "Brandt said he …", "In
    his speech, Brandt said …") is a name of a person other than `name`: that subject is the likelier antecedent, so
    the last person named before is not sure (rule own_sentence_subject)."""
    sent = token.sent
    return any(
        in_quotation(sent, subject) == in_quotation(sent, token)
        and _is_person_name(subject, person_words)
        and not _mentions(subject, name, canonical_of)
        for subject in clause_subjects(token)
    )


def bound_by_subject(token: Token, name: str, canonical_of) -> bool:
    """The subject of the pronoun's clause, or of a clause above it, is a mention of `name`: "Brandt said he …",
    "Brandt claims that when he …" (the speaker binds the he of the reported clause)."""
    return any(_mentions(subject, name, canonical_of) for subject in clause_subjects(token))


def competing_pronoun(doc: Doc, token: Token, name: str, window_start: int, found: dict) -> bool:
    """Another he/she of the same gender in the previous sentence stands for someone else: resolved to another
    person, or left unresolved before the person was named there ("… his recovery, though Dr Lind noted …": the
    "his" is someone else, so a later "he" may be either) (rule competing_pronoun).
    Not when the pronoun's own clause is bound by a subject naming the person (bound_by_subject)."""
    male = token.lower_ in MALE_PRONOUNS
    last = name.split()[-1]
    first_mention = next((t.i for t in doc[window_start : token.i] if t.text == last), token.i)
    for t in doc[window_start : token.sent.start]:  # in its own sentence a pronoun unresolved may be the same person
        if t.lower_ not in PERSONAL or (t.lower_ in MALE_PRONOUNS) != male or in_quotation(t.sent, t):
            continue
        resolved = found.get(t.i)
        if resolved is not None and resolved.text != name or resolved is None and t.i < first_mention:
            return True
    return False


SPEAKER_LOOKBACK = 4  # sentences back in which the person a reporting "she said" stands for is looked for


def last_person(doc: Doc, sents: list[Span], token: Token, canonical_of, found: dict, gender: dict) -> str | None:
    """The person a he/she reporting a statement stands for ('"…," she said'; rule speaker_last_person): news
    writing names a speaker, then goes on with "she said". Taken from the nearest text before the pronoun that
    names anyone (its own sentence, then up to SPEAKER_LOOKBACK sentences back), outside quotations (the people a
    quotation talks about are not who says the next one), and only when that text names exactly one person, as a
    subject, with no other proper-noun subject (the tagger takes surnames for places at times), no description as a
    subject nearer than the name ("the actress said"), and nothing the article says of the person's gender against
    the pronoun. Otherwise None: the speaker stays as written, flagged."""
    own = token.sent
    position = next((k for k, s in enumerate(sents) if s.start == own.start), None)
    if position is None:
        return None
    for k in range(position, max(-1, position - SPEAKER_LOOKBACK - 1), -1):
        sent = sents[k]
        words = [t for t in doc[sent.start : token.i if k == position else sent.end] if not in_quotation(sent, t)]
        ids = {t.i for t in words}
        mentions = [e for e in sent.ents if e.label_ == "PERSON" and e.start in ids]
        chained = [t for t in words if t.lower_ in PERSONAL and t.i in found and not found[t.i].possessive]
        people = {canonical_of(e) for e in mentions} | {found[t.i].text for t in chained}
        # a proper-noun subject that is not the person named may be another person: the tagger often takes a
        # surname for a place or a firm ("Steenburgen wasn't thrilled" tagged a place)
        other_subject = any(
            t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" and not any(e.start <= t.i < e.end for e in mentions)
            for t in words
        )
        if not people and not other_subject:
            if any(t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN" for t in words):
                return None  # "the actress wasn't …" nearer than any name: the pronoun may be that person
            continue
        subject = any(_is_subject_mention(e) for e in mentions) or any(t.dep_ in SUBJECT_DEPS for t in chained)
        if len(people) != 1 or other_subject or not subject:
            return None  # two people, or one named only in passing ("in an Oliver Sacks kind of way")
        name = next(iter(people))
        return None if contradicts(gender.get(name), token) else name
    return None
