"""When an it/its/they/their antecedent that the resolver found is not sure after all: another noun phrase nearby
could be meant, or the phrase is no owner. Each check answers "unsure", and the pronoun then stays as written,
flagged (faithful before clever: a wrong referent costs an editor more than an unresolved pronoun).

- possessive_owner: "their"/"its" whose own clause has a subject before it that the resolver did not take ("Many of
  the fans wave flags to show their support": their is the fans, not the previous sentence's subject); a "their"
  read from the previous sentence only for an owner (a person, a group, an organisation, a place), never a quantity
  ("ten artworks") or a thing ("those values' loyalty");
- object_it: an object "it"/"them" after a noun phrase of the same number in its own sentence ("turned the radio on
  and plugged it in": it is the radio), or holding the place of a clause ("made it harder to …");
- organisation_it: "it" for an organisation or a place when a thing is named between them ("Orvik will sell the
  R7 in May: it will …", "Orvik has a new model. It will …": the thing may be meant);
- bare_noun_antecedent: a previous subject that is a bare singular noun, no determiner ("Top speed is …", "Setup
  was easy"): a heading's words or a mass noun, seldom what a later "it" stands for.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from ..lexicon import plural
from .descriptions import ORGANISATION_KINDS
from .people import PERSON_NOUNS, clause_subjects
from .referents import SUBJECT_DEPS

# entity labels of what cannot be an "it" that something else is done to: amounts and times
NOT_THINGS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "PERSON"}
PHRASE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"}
OWNER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# nouns for a group of people (a plural of them, or one noun for many)
GROUP_NOUNS = frozenset(
    "people public staff crew family team audience community population government police army".split()
)
# the suffixes of agent nouns, who do and own things: "residents", "protesters", "scientists"
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")
EVERYONE = {"everyone", "everybody", "all", "those", "these"}
QUANTIFIERS = {"many", "some", "most", "all", "few", "several", "both", "half", "dozens", "hundreds", "thousands"}


def subject_before_in_clause(token: Token) -> bool:
    """A subject of the pronoun's clause, or of a clause above it, stands before the pronoun and is not the phrase the
    pronoun is part of: "Many of the fans wave flags to show their support" (rule possessive_owner)."""
    inside = {a.i for a in token.ancestors}
    return any(s.i < token.i and s.i not in inside and s.dep_ in SUBJECT_DEPS for s in clause_subjects(token))


def can_own(head: Token) -> bool:
    """A noun phrase whose head may own what a "their" gives it: a name of people, a group, an organisation or a
    place, a person or organisation noun, an agent noun ("residents", "designers"); not a quantity ("ten
    artworks", "many of them")."""
    if quantity(head):
        return False
    if head.ent_type_:
        return head.ent_type_ in OWNER_LABELS
    lemma = head.lemma_.lower()
    return (
        lemma in PERSON_NOUNS
        or lemma in GROUP_NOUNS
        or lemma in ORGANISATION_KINDS
        or head.pos_ == "NOUN"
        and lemma.endswith(AGENT_SUFFIXES)
        and head.tag_ == "NNS"
    )


def quantity(head: Token) -> bool:
    """ "ten artworks", "400 workers", "many of the fans": a count of things, not the things themselves."""
    return head.lower_ in QUANTIFIERS or any(
        c.dep_ == "nummod" or c.dep_ in ("det", "amod") and c.lower_ in QUANTIFIERS for c in head.children
    )


def thing_phrases(tokens, *, many: bool, outside: Collection[int] = (), deps=PHRASE_DEPS) -> list[Token]:
    """Heads of noun phrases among `tokens` that an it (for `many`, a they) could stand for: a common or proper noun
    that is a subject, an object or a prepositional object, not a person, a time or an amount, of that number."""
    found = []
    for t in tokens:
        if t.i in outside or t.dep_ not in deps | {"conj"}:
            continue
        if many and t.lower_ in EVERYONE:
            found.append(t)  # "reach everyone in the state and educate them"
            continue
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.ent_type_ in NOT_THINGS or t.lemma_.lower() in PERSON_NOUNS:
            continue
        if t.dep_ == "conj":
            continue  # one of a coordination: the whole is plural, and its first member stands for it
        if plural(t) == many:
            found.append(t)
    return found


def nearer_object(sent: Span, token: Token) -> bool:
    """An object "it"/"them" with a noun phrase of its number before it in its own sentence ("turned the radio on
    and plugged it in"), which is the likelier antecedent than anything further back (rule object_it)."""
    if token.dep_ in SUBJECT_DEPS or token.dep_ == "poss":
        return False
    many = token.lower_ in ("them", "they")
    return bool(thing_phrases(sent.doc[sent.start : token.i], many=many))


def placeholder_object(token: Token) -> bool:
    """ "made it harder to close the deal", "find it hard to believe that …": an object "it" that holds the place of
    the clause after it (rule object_it)."""
    if token.lower_ != "it" or token.dep_ not in ("dobj", "nsubj"):
        return False
    verb = token.head
    complement = any(c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.i > token.i for c in verb.children)
    clause = any(t.dep_ in ("xcomp", "ccomp", "advcl") and t.i > token.i for t in verb.subtree if t.i != verb.i)
    return verb.lemma_ in ("make", "find", "consider", "keep", "leave") and complement and clause


def organisation(head: Token) -> bool:
    """An organisation or a place: so tagged, or a description headed by a kind of organisation ("the automaker")."""
    return head.ent_type_ in ("ORG", "GPE") or head.pos_ == "NOUN" and head.lemma_.lower() in ORGANISATION_KINDS


def thing_passed_over(subject: Token, tokens) -> bool:
    """Between an organisation or place and the "it" that would stand for it, a thing is named that the "it" could
    mean ("Orvik will sell the R7 in May: it will …"; "Orvik has a new model. It will …") (rule organisation_it)."""
    if not organisation(subject):
        return False
    own = {t.i for t in subject.subtree}
    # not a predicate noun ("Stadia isn't a console": it says what the subject is), another organisation or place
    # (ambiguous_thing's question), nor a thing given an owner ("for its recognition of …")
    return any(
        not organisation(t) and not any(c.dep_ == "poss" for c in t.children)
        for t in thing_phrases(tokens, many=False, outside=own, deps=PHRASE_DEPS - {"attr", "appos"})
    )


def bare_noun(head: Token) -> bool:
    """A singular common noun with no determiner, possessive or number before it ("Top speed is …", "Setup between
    devices was easy"): a heading's words or a mass noun, no sure antecedent for a later "it" (rule
    bare_noun_antecedent)."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") and c.i < head.i for c in head.children)
