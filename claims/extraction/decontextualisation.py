"""Decontextualisation: what a pronoun stands for, so each claim reads on its own.

A light centering-style resolver (no coreference model ships offline with spaCy's small pipeline), which
resolves only when sure (faithful before clever; an unresolved pronoun stays as written and the claim is flagged):
- he/she/him/his/her -> the one person named in this and the previous sentence, named there as a subject, with no
  nearer subject before the pronoun and no sign in the article of the other gender (person_subject);
- it/its -> the nearest thing subject before it in its sentence, else the subject of the previous sentence when that
  is a thing (not a person) and no other subject stands between (subject_antecedent); expletive "it" ("it is likely
  that", "as it turned out") is left alone;
- they/them/their -> the nearest plural subject before it, else the previous plural subject, on the same terms.
The pipeline substitutes the antecedent only when the claim does not already name it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import rules
from .entities import entity_at
from .lexicon import NOMINAL_SUBJECT_DEPS, REPORTING_VERBS

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


def _subject_token(sent: Span) -> Token | None:
    return next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)


def _subject_phrase(sent: Span, canonical_of) -> tuple[str, bool, bool, bool] | None:
    """(text, is_person, is_plural, is_pronoun) of the main subject of a sentence."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.lower_ in PRONOUNS:
        return subject.text, subject.lower_ in PERSONAL, subject.lower_ in PLURAL, True
    if subject.pos_ == "PRON" and rules.on("sure_antecedent"):
        return None  # "We …", "I …", "Someone …": no thing for a later "it" to stand for
    attr = next((c for c in root.children if c.dep_ == "attr"), None) if root.lemma_ == "be" else None
    if attr is not None and any(t.tag_ in ("JJS", "RBS") for t in subject.subtree if t.i < subject.i):
        # "The fastest animal … is the peregrine falcon. It …": the sentence identifies the falcon, and "it" is the falcon
        if any(c.dep_ == "det" and c.lower_ == "the" for c in attr.children) or attr.ent_type_:
            subject = attr
    tokens = []
    for t in sorted(subject.subtree, key=lambda t: t.i):
        if t.text in (",", "(", ":") or t.dep_ in ("relcl", "acl") and t.i > subject.i:
            break
        tokens.append(t)
    if not tokens or len(tokens) > 10:
        return None
    if subject.ent_type_:
        ent = entity_at(sent.doc, subject.i)
        if ent is not None and ent.start >= tokens[0].i and ent.end - 1 <= tokens[-1].i and len(tokens) == len(ent):
            text = canonical_of(ent)
            return text, ent.label_ == "PERSON", False, False
    text = "".join(t.text_with_ws for t in tokens).strip()
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    is_person = subject.ent_type_ == "PERSON"
    if tokens[0].lower_ in ("a", "an"):
        return None  # an indefinite description introduces something new; it is no name for later
    return text, is_person, plural, False


def _nearest_thing_subject(sent: Span, token: Token, canonical_of, *, plural: bool = False) -> str | None:
    """The closest subject before `token` in its sentence that is a thing (plural for "they"), not a person or a pronoun."""
    for t in reversed(list(sent.doc[sent.start : token.i])):
        if t.dep_ in SUBJECT_DEPS:
            is_plural = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
            if t.lower_ == ("they" if plural else "it"):
                continue  # "X …, so it can replace tin in its …": "it" and "its" stand for the same X
            if t.pos_ == "PRON" or t.ent_type_ == "PERSON" or is_plural != plural:
                return None
            if t.pos_ == "PROPN" and not t.ent_type_ and rules.on("subject_antecedent"):
                return None  # a name the tagger did not class may be a person ("Ana Ruiz said it …")
            if t.ent_type_:
                ent = entity_at(sent.doc, t.i)
                if ent is not None:
                    return canonical_of(ent)
            words = []
            for w in sorted(t.subtree, key=lambda w: w.i):
                if w.i > t.i and (w.text in (",", "(") or w.dep_ in ("relcl", "acl", "appos")):
                    break
                words.append(w)
            return "".join(w.text_with_ws for w in words).strip() if len(words) <= 8 else None
    return None


QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}


def _in_quotation(sent: Span, token: Token) -> bool:
    """The token stands inside a direct quotation that opens in its sentence ('"It was hard," she said.')."""
    return sum(1 for t in sent.doc[sent.start : token.i] if t.text in QUOTE_MARKS) % 2 == 1


def _recent_pair(mentions: list[tuple[int, str, str]], doc: Doc, token: Token) -> str | None:
    """The most recent "X and Y" of two named things before a plural pronoun, within about two sentences."""
    positions = [m[0] for m in mentions]
    window = mentions[bisect_left(positions, token.i - 80) : bisect_left(positions, token.i)]
    named = [m for m in window if m[1] in THING_LABELS]
    for (first, _, a), (second, _, b) in reversed(list(zip(named, named[1:]))):
        ent = entity_at(doc, first)
        if ent is not None and ent.end + 1 == second and doc[ent.end].lower_ == "and" and a != b:
            return f"{a} and {b}"
    return None


def _expletive(token: Token) -> bool:
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.lower_ == "it" and token.dep_ in SUBJECT_DEPS:
        if any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children) and head.lemma_ in (
            "seem",
            "appear",
            "notify",
            "report",
            "say",
            "believe",
            "expect",
            "know",
            "take",
            "announce",
            "think",
        ):
            return True
        if any(c.dep_ == "agent" for c in head.children) and head.lemma_ in (
            "notify",
            "report",
            "say",
            "announce",
            "state",
        ):
            return True
        if (
            head.lemma_ == "be"
            and any(c.dep_ == "acomp" for c in head.children)
            and any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
        ):
            return True
        if head.lemma_ == "be" and rules.on("extraposed_it") and _extraposed(head, token):
            return True
        if (
            head.lemma_ in ("turn", "happen")
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children)
            and rules.on("subject_antecedent")
        ):
            return True  # "As it turned out, …", "as it happens": a comment on the sentence, not a referent
    return False


def _extraposed(be: Token, it: Token) -> bool:
    """ "It's past time to act", "It is a shame that …", "It was hard for them to leave": the subject is the clause
    after the predicate (an infinitive or a that-clause on "be" or on its noun/adjective), "it" only holds its place."""
    predicates = [c for c in be.children if c.dep_ in ("attr", "acomp") and c.i > it.i]
    if not predicates:
        return False  # "It is yet to respond": "it" is the subject of the infinitive, a referent
    for host in [be, *predicates]:
        for clause in host.children:
            if clause.i <= it.i or clause.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "relcl"):
                continue
            marks = {c.lower_ for c in clause.children if c.dep_ in ("aux", "mark")}
            if "to" in marks and clause.tag_ == "VB" or "that" in marks and host is not be:
                return True
    return False


EVENT_NOUNS = {"move", "decision", "step"}
REPORTING = REPORTING_VERBS


def _event_phrase(sent: Span, canonical_of) -> str | None:
    """ "North Korea recognized the DPR and the LPR in July." -> "North Korea's move to recognize the Donetsk
    People's Republic and the Luhansk People's Republic": what "the move" in the next sentence stands for."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if (
        root.pos_ != "VERB"
        or root.lemma_ in REPORTING
        or subject is None
        or obj is None
        or root.tag_ not in ("VBD", "VBZ")
    ):
        return None
    ent = entity_at(sent.doc, subject.i) if subject.ent_type_ else None
    if ent is None or ent.label_ not in THING_LABELS | {"PERSON"}:
        return None  # only a named actor: "the move" of a pronoun or a description would not read alone either
    words, depth, skip_to = [], 0, -1
    for t in sorted(obj.subtree, key=lambda t: t.i):
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.i > skip_to:
            named = entity_at(sent.doc, t.i) if t.ent_type_ else None
            if named is not None and named.start == t.i:
                canonical = canonical_of(named)
                if t.lower_ == "the" and named.text[4:] == canonical:
                    canonical = "the " + canonical  # "the Republic of Kosovo" stays as written
                words.append(canonical)
                skip_to = named.end - 1
            else:
                words.append(t.text)
    if not words or len(words) > 20 or depth != 0:
        return None
    actor = canonical_of(ent)
    return f"{actor}'{'' if actor.endswith('s') else 's'} move to {root.lemma_} " + " ".join(words).replace(" 's", "'s")


# What a bare category noun can stand for when the article named no entity with that noun: "the company"
# after a named organisation, "the country" after a named state, "the scholar" after a named person.
CATEGORY_LABELS = {
    **dict.fromkeys(
        (
            "company",
            "firm",
            "agency",
            "organisation",
            "organization",
            "restaurant",
            "bank",
            "university",
            "group",
            "party",
            "manufacturer",
            "brand",
            "startup",
            "airline",
            "newspaper",
        ),
        ("ORG",),
    ),
    **dict.fromkeys(("country", "city", "town", "state", "nation", "village", "capital"), ("GPE",)),
    **dict.fromkeys(
        (
            "scholar",
            "president",
            "researcher",
            "scientist",
            "author",
            "singer",
            "actor",
            "actress",
            "politician",
            "leader",
            "professor",
            "writer",
            "player",
            "minister",
        ),
        ("PERSON",),
    ),
    **dict.fromkeys(("conference", "war", "tournament", "festival"), ("EVENT",)),
    **dict.fromkeys(("law", "act", "treaty"), ("LAW",)),
}
NAMED = THING_LABELS | {"PERSON"}


def _named(token: Token):
    ent = entity_at(token.doc, token.i) if token.ent_type_ else None
    return ent if ent is not None and ent.label_ in NAMED else None


def _introduced_as(sent: Span, lemma: str):
    """The named entity this sentence introduces with the noun `lemma`, if any: "Varnes is a bakery",
    "The oldest bakery in Brenholt is Varnes", "Varnes, a bakery in …", "a bakery called Varnes",
    "the company Orvik Lines"."""
    found = None
    for token in sent:
        if token.lemma_ != lemma or token.pos_ != "NOUN":
            continue
        head = token.head
        if token.dep_ in SUBJECT_DEPS and head.lemma_ == "be":
            other = next((c for c in head.children if c.dep_ == "attr"), None)
        elif token.dep_ == "attr" and head.lemma_ == "be":
            other = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        elif token.dep_ == "appos" or token.dep_ == "compound":
            other = head  # "Geranium, a restaurant"; "the company Mey Eden"
        else:
            other = next((c for c in token.children if c.dep_ == "appos"), None)
            if other is None:
                called = next((c for c in token.children if c.dep_ == "acl" and c.lemma_ in ("call", "name")), None)
                other = (
                    next((c for c in called.children if c.dep_ in ("oprd", "attr", "dobj")), None) if called else None
                )
        ent = _named(other) if other is not None else None
        if ent is not None:
            found = ent
    return found


def _category_name(sents: list[Span], index: int, noun: Token, canonical_of) -> str | None:
    """The name a "the <noun>" subject stands for: the entity introduced with that noun in this or the two
    previous sentences, else the one most recent named entity whose label fits the noun."""
    for sent in reversed(sents[max(0, index - 2) : index]):
        ent = _introduced_as(sent, noun.lemma_)
        if ent is not None:
            return canonical_of(ent)
    labels = CATEGORY_LABELS.get(noun.lemma_)
    if not labels:
        return None
    window = [e for sent in sents[max(0, index - 2) : index] for e in sent.ents if e.label_ in labels]
    names = {canonical_of(e) for e in window}
    return canonical_of(window[-1]) if len(names) == 1 else None  # two candidates: no guessing


def definite_descriptions(doc: Doc, sents: list[Span], canonical_of=None) -> dict[int, tuple[int, str]]:
    """ "These waves" opening a sentence -> the fuller phrase with that head noun a sentence or two before
    ("gravitational waves"). Returns token start -> (token end, replacement text)."""
    found: dict[int, tuple[int, str]] = {}
    chunks = None
    for index, sent in enumerate(sents):
        if index and canonical_of is not None:
            # "The move" / "the decision" right after a sentence that reports what a named actor did
            for token in sent:
                if (
                    token.lower_ in EVENT_NOUNS
                    and token.pos_ == "NOUN"
                    and token.i > 0
                    and doc[token.i - 1].lower_ == "the"
                    and doc[token.i - 1].i >= sent.start
                    and token.dep_ in ("nsubj", "pobj", "dobj")
                ):
                    phrase = _event_phrase(sents[index - 1], canonical_of)
                    if phrase:
                        found[token.i - 1] = (token.i + 1, phrase)
        if index and canonical_of is not None:
            # "The bakery sells …" after "The oldest bakery in Brenholt is Varnes"
            for token in sent:
                if token.lower_ not in ("the", "this") or token.dep_ != "det" or token.i + 1 >= sent.end:
                    continue
                noun = doc[token.i + 1]
                if (
                    token.head.i != noun.i
                    or noun.tag_ != "NN"
                    or noun.lemma_ in EVENT_NOUNS
                    or noun.dep_ not in SUBJECT_DEPS + ("poss",)
                    or noun.ent_type_
                ):
                    continue
                if any(
                    c.dep_ in ("amod", "compound", "relcl", "acl") or c.dep_ == "prep" and c.lower_ != "in"
                    for c in noun.children
                ):
                    continue  # "the new restaurant", "the restaurant on the corner": something else may be meant
                name = _category_name(sents, index, noun, canonical_of)
                if name:
                    found.setdefault(token.i, (noun.i + 1, name))
                    continue
                # "… a New York state law regulating firearms. The law in question …": the thing introduced
                # with an indefinite "a <modifiers> law" a sentence or two before, named as fully as it was
                if chunks is None:
                    chunks = list(doc.noun_chunks)
                    chunk_starts = [c.start for c in chunks]
                window = chunks[
                    bisect_left(chunk_starts, sents[max(0, index - 2)].start) : bisect_left(chunk_starts, token.i)
                ]
                for chunk in reversed(window):
                    if chunk.root.lemma_ != noun.lemma_ or chunk.root.tag_ != "NN":
                        continue
                    words = [t for t in chunk if t.dep_ != "det"]
                    if chunk[0].lower_ in ("a", "an") and len(words) > 1 and not any(t.pos_ == "PRON" for t in chunk):
                        found.setdefault(token.i, (noun.i + 1, "the " + "".join(t.text_with_ws for t in words).strip()))
                    break  # the nearest mention of the noun decides
        first = sent[0]
        if first.lower_ not in ("this", "these", "that", "those") or first.dep_ != "det":
            continue
        noun = first.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i > first.i + 3:
            continue
        floor = sents[max(0, index - 2)].start
        if chunks is None:
            chunks = list(doc.noun_chunks)
            chunk_starts = [c.start for c in chunks]
        window = chunks[bisect_left(chunk_starts, floor) : bisect_left(chunk_starts, sent.start)]
        for chunk in reversed(window):
            if (
                chunk.root.lemma_ == noun.lemma_
                and len(chunk) > 1
                and chunk[0].lower_ not in ("this", "these", "that", "those")
            ):
                words = [t for t in chunk if t.dep_ not in ("det",) and t.tag_ != "PRP$"]
                if len(words) > 1:
                    text = "".join(t.text_with_ws for t in words).strip()
                    found[first.i] = (noun.i + 1, ("the " if noun.tag_ == "NN" else "") + text)
                    break
    return found


def _sure_person(recent: list[tuple[int, str, str]], token: Token, nearest: str) -> str | None:
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


def _gender_evidence(doc: Doc, sents: list[Span], canonical_of) -> dict[str, str]:
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


def _subject_person(doc: Doc, token: Token, window_start: int, canonical_of, found: dict) -> str | None:
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
        and _in_quotation(sent, t) == _in_quotation(sent, token)
        for t in doc[sent.start : token.i]
    ):
        return None  # "The new captain said his crew …": the nearer subject may be whom the pronoun means
    name = next(iter(names))
    if any((t.lower_ in MALE_PRONOUNS) != (token.lower_ in MALE_PRONOUNS) for t in chained):
        return None  # "She hired … . In 2001 he sold …": the article just called that person otherwise
    return name


def _other_subject_before(sent: Span, token: Token) -> bool:
    """A subject before the pronoun in its own sentence that it could stand for but that the resolver does not take
    (a relative or demonstrative "that", a name the tagger did not class; for they, people named together): the
    nearer candidate, so the previous sentence's subject is no longer sure. "Engineers found cracks in it" is no
    such case: "engineers" cannot be "it"."""
    plural = token.lower_ in PLURAL
    for t in sent.doc[sent.start : token.i]:
        if t.dep_ not in SUBJECT_DEPS or _expletive(t) or _in_quotation(sent, t) != _in_quotation(sent, token):
            continue
        if t.lower_ in ("that", "this", "which", "what", "who", "these", "those") and t.pos_ in ("PRON", "DET"):
            return True
        many = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
        if t.pos_ in ("NOUN", "PROPN") and many == plural and (plural or t.ent_type_ != "PERSON"):
            return True
    return False


def _contradicts(gender: str | None, pronoun: Token) -> bool:
    return gender == "m" and pronoun.lower_ in FEMALE_PRONOUNS or gender == "f" and pronoun.lower_ in MALE_PRONOUNS


def antecedents(doc: Doc, sents: list[Span], canonical_of) -> dict[int, Antecedent]:  # noqa: C901 (26; to split into one function per pronoun kind)
    """Token index of each resolvable pronoun -> what it stands for."""
    found: dict[int, Antecedent] = {}
    mentions: list[tuple[int, str, str]] = []  # (token index, label, canonical) of named entities, in order
    for ent in doc.ents:
        if (ent.label_ == "PERSON" or ent.label_ in THING_LABELS) and not (
            rules.on("sure_antecedent") and not any(c.isupper() for c in ent.text)
        ):
            mentions.append((ent.start, ent.label_, canonical_of(ent)))  # a name is written with a capital
    people = [m for m in mentions if m[1] == "PERSON"]
    people_at = [m[0] for m in people]
    things = [m for m in mentions if m[1] in ("GPE", "ORG")]
    things_at = [m[0] for m in things]
    genders: dict[str, str] | None = None  # read from the article once, when a he/she needs it
    previous_subject = None
    previous_unclassed = False  # the previous sentence's subject is a name the parser could not class
    window_start = 0
    for sent in sents:
        current = _subject_phrase(sent, canonical_of)
        for token in sent:
            lower = token.lower_
            if lower in DEMONSTRATIVE and token.pos_ == "PRON" and token.dep_ in SUBJECT_DEPS and token.i == sent.start:
                # "This shows that …", "That is why …": a demonstrative subject mostly stands for what the previous
                # sentence said, not for its subject; replacing it by that subject wrote wrong claims, so it stays
                # (and a claim opening with it is not stored)
                if (
                    previous_subject
                    and not previous_subject[1]
                    and not previous_subject[3]
                    and rules.on("demonstrative_subject")
                ):
                    found[token.i] = Antecedent(text=previous_subject[0], possessive=False)
                continue
            if lower not in PRONOUNS or token.pos_ != "PRON" and lower not in POSSESSIVE:
                continue
            possessive = lower in POSSESSIVE or token.dep_ == "poss"
            if lower == "her" and token.dep_ != "poss":
                possessive = False
            text = None
            if lower in PERSONAL:
                before = bisect_left(people_at, token.i)
                if before:
                    text = people[before - 1][2]
                    if rules.on("ambiguous_person"):
                        text = _sure_person(people[bisect_left(people_at, window_start) : before], token, text)
                    if rules.on("person_subject"):
                        if genders is None:
                            genders = _gender_evidence(doc, sents, canonical_of)
                        recent = {name for _, _, name in people[bisect_left(people_at, window_start) : before]}
                        if len(recent) <= 1:  # several: ambiguous_person's reporting-verb rule, or nothing
                            text = _subject_person(doc, token, window_start, canonical_of, found)
                        if text and _contradicts(genders.get(text), token):
                            text = None
            elif lower in NEUTER:
                if _expletive(token):
                    continue
                nearest = _nearest_thing_subject(sent, token, canonical_of) if token.i > sent.start else None
                if nearest:
                    text = nearest  # "The letter expressed its conviction": its = the letter
                elif rules.on("subject_antecedent") and _other_subject_before(sent, token):
                    pass  # "…, the firm made a speaker that …, but it is portable": the sentence's own subjects come first
                elif rules.on("quoted_it") and _in_quotation(sent, token):
                    pass  # a speaker's "it" is what the speaker talks about, not the article's last subject
                elif rules.on("ambiguous_thing") and previous_unclassed:
                    pass  # "Ana Ruiz" untagged may be a person, "Orvik X5" a product: no guess, and no name further back
                elif (
                    previous_subject and not previous_subject[1] and not previous_subject[2] and not previous_subject[3]
                ):
                    text = previous_subject[0]
                else:
                    floor = sent.start - 80  # tokens: roughly this and the previous sentence
                    before = bisect_left(things_at, token.i)
                    if before and things[before - 1][0] >= floor and not rules.on("subject_antecedent"):
                        text = things[before - 1][2]
                        if rules.on("ambiguous_thing"):
                            # only when it is the one place or organisation named since the previous sentence
                            # began: "Lanzo signed with Orvik Lines. It …" could be either
                            since = bisect_left(things_at, window_start)
                            if len({name for _, _, name in things[since:before]}) > 1:
                                text = None
            else:
                nearest = (
                    _nearest_thing_subject(sent, token, canonical_of, plural=True) if token.i > sent.start else None
                )
                if nearest:
                    text = nearest  # "Proteins are necessary …, and they are produced …": they = proteins
                elif rules.on("subject_antecedent") and _other_subject_before(sent, token):
                    pass  # "A and B won …, where they beat …": they = A and B, not the previous sentence's subject
                elif previous_subject and previous_subject[2] and not previous_subject[3]:
                    text = previous_subject[0]
                elif not rules.on("subject_antecedent"):
                    text = _recent_pair(mentions, doc, token)  # "… between Russia and North Korea. … their …"
            if text:
                found[token.i] = Antecedent(text=text, possessive=possessive)
        window_start = sent.start  # the next sentence looks back over this one
        head = _subject_token(sent)
        previous_unclassed = (
            head is not None and head.pos_ == "PROPN" and head.ent_type_ not in THING_LABELS | {"PERSON"}
        )
        if current is not None:
            if current[3]:  # a pronoun subject: carry what it stood for
                subject = next(c for c in sent.root.children if c.dep_ in SUBJECT_DEPS)
                resolved = found.get(subject.i)
                previous_subject = (resolved.text, current[1], current[2], False) if resolved else previous_subject
            else:
                previous_subject = current
        else:
            previous_subject = None
    return found
