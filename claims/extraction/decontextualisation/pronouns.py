"""Token index of each pronoun the resolver is sure of -> what it stands for, in one pass over the sentences."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import rules
from .expletives import expletive
from .people import (
    bound_by_subject,
    competing_pronoun,
    contradicts,
    gender_evidence,
    names_person,
    other_person_subject,
    subject_person,
    sure_person,
)
from .referents import (
    DEMONSTRATIVE,
    NEUTER,
    PERSONAL,
    POSSESSIVE,
    PRONOUNS,
    SUBJECT_DEPS,
    THING_LABELS,
    Antecedent,
    in_quotation,
)
from .rivals import (
    bare_noun,
    can_own,
    nearer_object,
    placeholder_object,
    quantity,
    subject_before_in_clause,
    thing_passed_over,
)
from .subjects import (
    NEGATIVE_DETERMINERS,
    NEGATIVE_WORDS,
    nearest_subject,
    nearest_thing_subject,
    other_subject_before,
    recent_pair,
    subject_phrase,
    subject_token,
)


def antecedents(doc: Doc, sents: list[Span], canonical_of) -> dict[int, Antecedent]:
    """Token index of each resolvable pronoun -> what it stands for."""
    reading = _Reading(doc, sents, canonical_of)
    for sent in sents:
        reading.sentence(sent)
    return reading.found


# (text, is_person, is_plural, is_pronoun) of a sentence's main subject: subjects.subject_phrase
Subject = tuple[str, bool, bool, bool]


@dataclass
class _Names:
    """The article's names in order, read once: (token index, label, canonical) of each person or thing."""

    mentions: list[tuple[int, str, str]]
    people: list[tuple[int, str, str]]
    people_at: list[int]
    things: list[tuple[int, str, str]]  # places and organisations
    things_at: list[int]
    person_words: frozenset[str]  # the people's canonical names and their surnames, lower-case


def _names_nothing(subject: str) -> bool:
    """The previous sentence's subject names nothing ("No fit strikers were left. They …"): rule negative_antecedent."""
    first = subject.split(maxsplit=1)[0].lower() if subject.strip() else ""
    return rules.on("negative_antecedent") and (first in NEGATIVE_DETERMINERS or first in NEGATIVE_WORDS)


def _names(doc: Doc, canonical_of) -> _Names:
    mentions: list[tuple[int, str, str]] = []  # (token index, label, canonical) of named entities, in order
    for ent in doc.ents:
        if (ent.label_ == "PERSON" or ent.label_ in THING_LABELS) and not (
            rules.on("sure_antecedent") and not any(c.isupper() for c in ent.text)
        ):
            mentions.append((ent.start, ent.label_, canonical_of(ent)))  # a name is written with a capital
    people = [m for m in mentions if m[1] == "PERSON"]
    things = [m for m in mentions if m[1] in ("GPE", "ORG")]
    person_words = frozenset(w for _, _, name in people for w in (name.casefold(), name.split()[-1].casefold()))
    return _Names(mentions, people, [m[0] for m in people], things, [m[0] for m in things], person_words)


class _Reading:
    """One pass over the sentences, in order: each pronoun read against what came before it (the names so far, the
    previous sentence's subject), one step per kind of pronoun."""

    def __init__(self, doc: Doc, sents: list[Span], canonical_of):
        self.doc, self.sents, self.canonical_of = doc, sents, canonical_of
        self.names = _names(doc, canonical_of)
        self.found: dict[int, Antecedent] = {}
        self._genders: dict[str, str] | None = None  # read from the article once, when a he/she needs it
        self._known_people: frozenset[str] | None = None
        self.previous_subject: Subject | None = None
        self.previous_unclassed = False  # the previous sentence's subject is a name the parser could not class
        self.previous_sent: Span | None = None
        self.previous_head: Token | None = None  # the head of the phrase carried as the previous subject
        self.window_start = 0  # where the previous sentence starts: a pronoun looks back over it

    def sentence(self, sent: Span) -> None:
        current = subject_phrase(sent, self.canonical_of)
        for token in sent:
            self.pronoun(sent, token)
        self.window_start = sent.start  # the next sentence looks back over this one
        self.carry_subject(sent, current)
        self.previous_sent = sent

    def pronoun(self, sent: Span, token: Token) -> None:
        lower = token.lower_
        if lower in DEMONSTRATIVE and token.pos_ == "PRON" and token.dep_ in SUBJECT_DEPS and token.i == sent.start:
            self.demonstrative(token)
            return
        if lower not in PRONOUNS or token.pos_ != "PRON" and lower not in POSSESSIVE:
            return
        possessive = lower in POSSESSIVE or token.dep_ == "poss"
        if lower == "her" and token.dep_ != "poss":
            possessive = False
        if lower in PERSONAL:
            text = self.person(token)
        elif lower in NEUTER:
            if expletive(token):
                return
            text = self.thing(sent, token)
        else:
            text = self.group(sent, token)
        if text:
            self.found[token.i] = Antecedent(text=text, possessive=possessive)

    def demonstrative(self, token: Token) -> None:
        """ "This shows that …", "That is why …": a demonstrative subject mostly stands for what the previous
        sentence said, not for its subject; replacing it by that subject wrote wrong claims, so it stays (and a claim
        opening with it is not stored) unless demonstrative_subject is switched on."""
        previous = self.previous_subject
        if previous and not previous[1] and not previous[3] and rules.on("demonstrative_subject"):
            self.found[token.i] = Antecedent(text=previous[0], possessive=False)

    def person(self, token: Token) -> str | None:
        """he/she/him/his/her: the last person named, when sure (people.py)."""
        names = self.names
        before = bisect_left(names.people_at, token.i)
        if not before:
            return None
        recent = names.people[bisect_left(names.people_at, self.window_start) : before]
        text: str | None = names.people[before - 1][2]
        if rules.on("ambiguous_person"):
            text = sure_person(recent, token, text)
        if rules.on("person_subject"):
            genders = self.genders()
            if len({name for _, _, name in recent}) <= 1:  # several: ambiguous_person's reporting-verb rule, or nothing
                text = subject_person(self.doc, token, self.window_start, self.canonical_of, self.found)
            if text and contradicts(genders.get(text), token):
                text = None
        if (
            text
            and rules.on("own_sentence_subject")
            and other_person_subject(token, text, self.names.person_words, self.canonical_of)
        ):
            return None  # "In his speech, Brandt said …" with Brandt tagged a place: his = Brandt, not the last person
        if (
            text
            and rules.on("competing_pronoun")
            and not bound_by_subject(token, text, self.canonical_of)
            and competing_pronoun(self.doc, token, text, self.window_start, self.found)
        ):
            return None  # "… his recovery, though Dr Lind said …. He …": the unnamed "his" competes with Lind
        return text

    def known_people(self) -> frozenset[str]:
        """The names (and surnames) of the people the article shows to be people: a title or he/she for them
        (gender_evidence); a tagger's PERSON alone is no proof (it tags products and games so)."""
        if self._known_people is None:
            self._known_people = frozenset(
                w for name in self.genders() for w in (name.casefold(), name.split()[-1].casefold())
            )
        return self._known_people

    def genders(self) -> dict[str, str]:
        if self._genders is None:
            self._genders = gender_evidence(self.doc, self.sents, self.canonical_of)
        return self._genders

    def thing(self, sent: Span, token: Token) -> str | None:
        """it/its: a thing (_thing), never a name or description of a person (rule it_not_person: the tagger may call
        a surname a place or an organisation, "the man" is no thing)."""
        text = self._thing(sent, token)
        if text and rules.on("it_not_person") and names_person(text, self.known_people()):
            return None
        return text

    def _thing(self, sent: Span, token: Token) -> str | None:
        """it/its: the nearest thing subject before it in its sentence, else the previous sentence's subject when that
        is a thing and nothing nearer could be meant."""
        if rules.on("object_it") and placeholder_object(token):
            return None  # "made it harder to close the deal": the "it" holds the place of the clause after it
        nearest = nearest_thing_subject(sent, token, self.canonical_of) if token.i > sent.start else None
        if nearest:
            subject = nearest_subject(sent, token)
            if (
                rules.on("organisation_it")
                and subject is not None
                and thing_passed_over(subject, sent.doc[subject.i + 1 : token.i])
            ):
                return None  # "Orvik will sell the R7 in May: it will …": the R7 may be meant
            return nearest  # "The letter expressed its conviction": its = the letter
        if rules.on("object_it") and nearer_object(sent, token):
            return None  # "turned the radio on and plugged it in": the radio, not the previous subject
        if rules.on("possessive_owner") and token.lower_ == "its" and subject_before_in_clause(token):
            return None  # "Lind closed its borders" (a place tagged a person): its is Lind, not the previous subject
        if rules.on("subject_antecedent") and other_subject_before(sent, token):
            return (
                None  # "…, the firm made a speaker that …, but it is portable": the sentence's own subjects come first
            )
        if rules.on("quoted_it") and in_quotation(sent, token):
            return None  # a speaker's "it" is what the speaker talks about, not the article's last subject
        if rules.on("ambiguous_thing") and self.previous_unclassed:
            return None  # "Ana Ruiz" untagged may be a person, "Orvik X5" a product: no guess, and no name further back
        previous = self.previous_subject
        if previous and not previous[1] and not previous[2] and not previous[3] and not _names_nothing(previous[0]):
            head = self.previous_head
            if rules.on("bare_noun_antecedent") and head is not None and bare_noun(head):
                return None  # "Top speed is 200 km/h. It …": a heading's words or a mass noun, not what "it" means
            if (
                rules.on("organisation_it")
                and head is not None
                and self.previous_sent is not None
                and thing_passed_over(head, self.previous_sent)
            ):
                return None  # "Orvik has a new model. It will …": the model may be meant as well as Orvik
            return previous[0]
        return self.named_thing(sent, token)

    def named_thing(self, sent: Span, token: Token) -> str | None:
        """The last place or organisation named, roughly within this and the previous sentence (only with
        subject_antecedent switched off)."""
        names = self.names
        floor = sent.start - 80  # tokens: roughly this and the previous sentence
        before = bisect_left(names.things_at, token.i)
        if not before or names.things[before - 1][0] < floor or rules.on("subject_antecedent"):
            return None
        if rules.on("ambiguous_thing"):
            # only when it is the one place or organisation named since the previous sentence
            # began: "Lanzo signed with Orvik Lines. It …" could be either
            since = bisect_left(names.things_at, self.window_start)
            if len({name for _, _, name in names.things[since:before]}) > 1:
                return None
        return names.things[before - 1][2]

    def group(self, sent: Span, token: Token) -> str | None:
        """they/them/their: the nearest plural subject before it, else the previous plural subject."""
        possessive = token.lower_ == "their" and rules.on("possessive_owner")
        nearest = nearest_thing_subject(sent, token, self.canonical_of, plural=True) if token.i > sent.start else None
        if nearest:
            subject = nearest_subject(sent, token)
            if possessive and subject is not None and quantity(subject):
                return None  # "Ten artworks … their …": a count of things owns nothing
            return nearest  # "Proteins are necessary …, and they are produced …": they = proteins
        if rules.on("object_it") and nearer_object(sent, token):
            return None  # "bought two boats and painted them": the boats, not the previous subject
        if possessive and subject_before_in_clause(token):
            return None  # "Many of the fans wave flags to show their support": their = the fans, not further back
        if rules.on("subject_antecedent") and other_subject_before(sent, token):
            return None  # "A and B won …, where they beat …": they = A and B, not the previous sentence's subject
        if rules.on("quoted_they") and in_quotation(sent, token):
            return None  # a speaker's "they" is whom the speaker talks about, not the article's last subject
        previous = self.previous_subject
        if previous and previous[2] and not previous[3] and not _names_nothing(previous[0]):
            head = self.previous_head
            if possessive and (head is None or not can_own(head)):
                return None  # "The prizes went to ten artworks. … share their view": artworks own no view
            return previous[0]
        if not rules.on("subject_antecedent"):
            return recent_pair(self.names.mentions, self.doc, token)  # "… between Russia and North Korea. … their …"
        return None

    def carry_subject(self, sent: Span, current: Subject | None) -> None:
        """What the next sentence reads as the previous subject: this sentence's, or what its pronoun subject stood
        for."""
        head = subject_token(sent)
        self.previous_unclassed = (
            head is not None and head.pos_ == "PROPN" and head.ent_type_ not in THING_LABELS | {"PERSON"}
        )
        if current is None:
            self.previous_subject = None
            self.previous_head = None
        elif current[3]:  # a pronoun subject: carry what it stood for, with the head it was read from
            subject = next(c for c in sent.root.children if c.dep_ in SUBJECT_DEPS)
            resolved = self.found.get(subject.i)
            if resolved:
                if self.previous_subject is None or resolved.text != self.previous_subject[0]:
                    self.previous_head = None
                self.previous_subject = (resolved.text, current[1], current[2], False)
        else:
            self.previous_subject = current
            self.previous_head = head
