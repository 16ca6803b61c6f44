"""Clauses written anew rather than cut out: a generic "you can find X" as "X can be found", and "X became the
second country to ban Y" as also "X banned Y"."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import SUBJECT_DEPS
from .clause import RELATIVE_PRONOUNS, Clause, inflect, participle, subtree_ids

ABILITY_MODALS = {"can", "could", "cannot"}


def generic_you(doc: Doc, clause: Clause) -> Clause:
    """ "You can find land on Earth" is said of anyone: "Land can be found on Earth". A statement addressed to the
    reader (no modal of ability, an "if you …" condition, a quoted "you") is left as it is, and not a claim."""
    ids = set(clause.tokens)
    you = next((doc[i] for i in sorted(ids) if doc[i].lower_ == "you" and doc[i].dep_ == "nsubj"), None)
    if you is None or sum(1 for j in range(you.sent.start, you.i) if doc[j].text == '"') % 2:
        return clause
    verb = you.head
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.i in ids and c.i < verb.i), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i in ids), None)
    if (
        aux is None
        or obj is None
        or verb.tag_ != "VB"
        or any(c.dep_ in ("advcl", "ccomp", "xcomp") for c in verb.children)
        or any(c.dep_ == "advmod" and c.i < verb.i for c in verb.children)
    ):
        return clause  # "you can loosely call it X": the adverb before the verb would be lost
    modal = clause.overrides.get(aux.i, aux.text)
    if modal.split()[0].lower() not in ABILITY_MODALS:
        return clause
    if any(
        c.dep_ == "conj" and (c.pos_ in ("NOUN", "PROPN") or c.tag_ == "VBZ") for c in (*obj.children, *verb.children)
    ):
        return clause  # "watch films and shows from …": the parse hangs "shows" on the verb, as a noun or a verb
    obj_ids = subtree_ids(obj) & ids
    for child in obj.children:  # the object phrase itself: "land", not "land on Earth, but not on Mars"
        if (
            child.i > obj.i
            and child.dep_ in ("prep", "cc", "conj", "punct")
            and not (child.dep_ == "punct" and child.text == '"')
            and not (child.dep_ == "prep" and child.lower_ == "of")  # "a huge number of films": one phrase
        ):
            obj_ids -= subtree_ids(child)
    rest = sorted(j for j in ids if j > verb.i and j not in obj_ids)
    passive = f"{modal.lower()} be {participle(verb.lemma_)}"
    if not rest:
        return Clause(tokens=[], template="{0} " + passive, groups=[sorted(obj_ids)])
    return Clause(tokens=[], template="{0} " + passive + " {1}", groups=[sorted(obj_ids), rest])


RANKING_WORDS = {"first", "second", "third", "fourth", "fifth", "last", "latest", "only", "sole", "next"}


def achievement(doc: Doc, clause: Clause) -> Clause | None:
    """ "X became the second country to recognise Y" also says that X recognised Y: that fact on its own,
    with the subject and tense of "became" (the ranking stays in the clause it came from). Only for a
    ranked role ("the first/second/only/last …", a superlative) with an infinitive of its own."""
    if clause.template:
        return None
    ids = set(clause.tokens)
    verb = next((doc[i] for i in clause.tokens if doc[i].lemma_ == "become" and doc[i].tag_ in ("VBD", "VBZ")), None)
    role = next((c for c in verb.children if c.dep_ == "attr" and c.i in ids), None) if verb is not None else None
    if role is None or not any(
        c.i in ids and (c.lower_ in RANKING_WORDS or c.ent_type_ == "ORDINAL" or c.tag_ == "JJS") for c in role.children
    ):
        return None
    infinitive = next(
        (c for c in [*role.children, *verb.children]
         if c.i > role.i and c.i in ids and c.tag_ == "VB" and c.dep_ in ("relcl", "acl", "xcomp", "advcl")
         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
        None,
    )  # fmt: skip
    # The subject nearest the verb: a dateline parsed as a second subject ("Pyongyang: North Korea …") is not it.
    head = max((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i in ids and c.i < verb.i), default=None,
               key=lambda c: c.i)  # fmt: skip
    if infinitive is None or head is None or head.lower_ in RELATIVE_PRONOUNS:
        return None
    subject = sorted(i for i in subtree_ids(head) if i in ids)
    action = {
        i for i in subtree_ids(infinitive) if i in ids and not (doc[i].dep_ == "aux" and doc[i].head == infinitive)
    }
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we")
    form = inflect(infinitive.lemma_, past=verb.tag_ == "VBD", plural=plural)
    return Clause(tokens=sorted(set(subject) | action), overrides={infinitive.i: form})
