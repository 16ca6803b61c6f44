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
        if placeholder_it(token):
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


# Rule expletive_clause: an "it" that holds the place of a clause or of a cleft's focus, so pronoun resolution must
# leave it alone:
# - a cleft: "It was Ivo Brandt who signed the lease" ("it" + be + a name + who/that …): the name is the focus, "it"
#   no referent ("Lanzo was Ivo Brandt who signed" is garbled);
# - a that-clause right on the verb: "It is not that the ferry was late", "it's just that …";
# - a linking verb other than "be" before an adjective or noun with a that- or to-clause: "It is becoming clear that
#   …", "it remains unclear whether …", "it seems likely that …" ("be" itself: _extraposed).
LINKING_VERBS = {"be", "become", "remain", "seem", "appear", "get", "grow", "prove"}
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "acl", "relcl", "csubj")
CLAUSE_MARKS = {"that", "whether", "if", "to", "how", "why"}


def placeholder_it(it: Token) -> bool:
    """Whether a subject "it" holds the place of a clause or a cleft's focus (see the comment above LINKING_VERBS)."""
    if not rules.on("expletive_clause") or it.lower_ != "it":
        return False
    verb = it.head
    if verb.lemma_.lower() not in LINKING_VERBS:
        return False
    later = [c for c in verb.children if c.i > it.i]
    if any(c.dep_ == "ccomp" and _marks(c) & {"that"} for c in later):
        return True  # "it is not that …"
    predicates = [c for c in later if c.dep_ in ("attr", "acomp", "oprd")]
    for predicate in predicates:
        if predicate.pos_ in ("PROPN", "PRON") or predicate.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            if any(c.dep_ == "relcl" and _opens_with_relative(c) for c in predicate.children):
                return True  # "it was Ivo Brandt who …"
        if verb.lemma_ == "be":
            continue  # an adjective or noun on "be" with its clause: _extraposed decides
        hosts = [predicate, verb]
        if any(
            c.dep_ in CLAUSE_DEPS and c.i > predicate.i and _marks(c) & CLAUSE_MARKS for h in hosts for c in h.children
        ):
            return True  # "it is becoming clear that …"
    return False


def _marks(clause: Token) -> set[str]:
    return {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}


def _opens_with_relative(clause: Token) -> bool:
    first = min(clause.subtree, key=lambda t: t.i)
    return first.lower_ in ("who", "that", "which") and first.tag_ in ("WP", "WDT", "IN")
