"""An "it" that stands for nothing in the article: "it is likely that …", "it is past time to …", "as it turned out"."""

from __future__ import annotations

from spacy.tokens import Token

from .. import rules
from .referents import SUBJECT_DEPS


def expletive(token: Token) -> bool:
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
