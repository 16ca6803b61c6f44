"""What every decomposition rule works with: the clause (token indices, text substitutions, a template), the
parse helpers that find a verb's subject and coordinators, and the verb forms a borrowed subject needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from lemminflect import getInflection
from spacy.tokens import Token

from .. import rules
from ..lexicon import SUBJECT_DEPS

CLAUSE_POS = ("VERB", "AUX")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


@dataclass
class Clause:
    tokens: list[int]
    overrides: dict[int, str] = field(default_factory=dict)  # token index -> text (an inflected verb)
    template: str = ""  # "{0} is {1}" for appositives, filled with rendered token groups
    groups: list[list[int]] = field(default_factory=list)
    whole: bool = False  # the statement undecomposed: a split was not sure (faithfulness.sure_split)


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def member_own(member: Token, members: list[Token], ids: set[int]) -> set[int]:
    """The words of one conjunct of a coordination (within `ids`): its subtree less the later conjuncts', less the
    conjunctions and the commas that join the members."""
    doc = member.doc
    own = subtree_ids(member) & ids
    for other in members:
        if other.i > member.i:
            own -= subtree_ids(other)
    joints = {m.i for m in members}
    if not rules.on("conjunct_coordinator"):
        return {
            j
            for j in own
            if doc[j].dep_ not in ("cc", "preconj") and not (doc[j].text == "," and doc[j].head.i in joints)
        }
    # a coordinator inside the conjunct stays ("low global and domestic yields", "reforms in Lanzo and Orvik's
    # plans"); one that hangs on a member or stands right before a later member ("a mother from Kansas and a
    # father from …", the "and" hung on "Kansas") joins the members and goes, with the comma before it
    starts = {min(subtree_ids(m)) for m in members if m.i > member.i}
    coordinators = {j for j in own if doc[j].dep_ in ("cc", "preconj") and (doc[j].head.i in joints or j + 1 in starts)}
    joint = coordinators | {j for j in own if doc[j].text == "," and doc[j].head.i in joints}
    joint |= {j - 1 for j in joint if j - 1 in own and doc[j - 1].text == "," and j + 1 in starts}
    return own - joint


def has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def subject_ids(verb: Token, allowed: set[int]) -> list[int]:
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return []
    ids = sorted(i for i in subtree_ids(subject) if i in allowed)
    return ids


def coordinated(verb: Token) -> bool:
    """Whether a coordinator ("and", "but", "or"…) hangs on the verb or one of its conjuncts. One before the first
    verb opens the sentence ("And the act would impose …"): it coordinates nothing inside it."""
    first = min((verb, *verb.conjuncts), key=lambda t: t.i)
    return any(
        c.dep_ in ("cc", "preconj") and not (c.i < first.i and c.head.i == first.i)
        for member in (verb, *verb.conjuncts)
        for c in member.children
    )


def inflect(lemma: str, *, past: bool, plural: bool) -> str:
    """The finite form of a verb for a borrowed subject: (making, present, singular) -> makes. Irregular forms come
    from lemminflect's English tables (cut -> cut, not "cutted")."""
    lemma = lemma.lower()
    if lemma == "be":
        return ("were" if plural else "was") if past else ("are" if plural else "is")
    if not past and plural:
        return lemma
    forms = getInflection(lemma, tag="VBD" if past else "VBZ")
    return forms[0] if forms else lemma + ("ed" if past else "s")


def participle(lemma: str) -> str:
    """The past participle: find -> found, cut -> cut."""
    forms = getInflection(lemma.lower(), tag="VBN")
    return forms[0] if forms else inflect(lemma, past=True, plural=False)
