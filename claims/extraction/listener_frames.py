"""A statement framed for the listener: "Let me say that X", "Remember that X", "Keep in mind that X", "Don't forget
that X", and the factive question "Did you know that X?". The frame asks nothing of the world; the speaker asserts X
(remembering, knowing or being told presupposes it is so), so the statement is X, said by the same speaker.

Only a frame whose clause is the rest of the sentence, with its own subject and finite verb: "Let me say a word about
the tax" or "Remember the tax" has no statement in it, and "Do you think that X?" asks for a view, not a fact.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import FINITE_TAGS

# "let me <verb> (you) (that) X": what the speaker is about to do is to state X
LET_ME_VERBS = {
    "say",
    "tell",
    "remind",
    "add",
    "note",
    "point",
    "repeat",
    "mention",
    "stress",
    "emphasize",
    "emphasise",
}
# "<verb> (that) X" addressed to the listener; "forget" only negated ("Don't forget that X", "Never forget …")
IMPERATIVE_VERBS = {"remember", "note", "recall", "forget", "keep", "bear"}
# "Did you know that X?": a verb whose complement is taken as true whatever the answer
FACTIVE_QUESTION_VERBS = {"know", "realize", "realise", "remember", "forget", "understand"}
_LEAD_DEPS = ("cc", "intj", "advmod", "punct")  # "And", "Well,", "Now", "So" before the frame go with it
SUBJECTS = ("nsubj", "nsubjpass", "expl")


def listener_frame(doc: Doc, content: list[int]) -> list[int]:
    """The content without an imperative frame ("Let me say that", "Remember that", "Keep in mind that", "Don't
    forget that") when the clause it frames is the rest of the sentence; the content itself otherwise."""
    words = [doc[i] for i in content]
    lead = next(
        (t for t in words if t.dep_ not in _LEAD_DEPS and t.lower_ not in ("do", "never") and t.dep_ != "neg"), None
    )
    if lead is None or lead.tag_ != "VB" or lead.i != _head(doc, content):
        return content
    if any(c.dep_ in SUBJECTS and c.lower_ not in ("me", "us") for c in lead.children):
        return content  # a subject of its own: not addressed to the listener ("We remember that …" is a statement)
    lemma = lead.lemma_.lower()
    if lemma == "let":  # "me" hangs on "let" or on the verb after it, as the parser has it
        verb = next((c for c in lead.children if c.dep_ == "ccomp" and c.lemma_.lower() in LET_ME_VERBS), None)
        hearers = [*lead.children, *(verb.children if verb is not None else ())]
        # "me" only: "let us say X" (and "let's say X") supposes X, it does not assert it
        me = any(c.dep_ in ("nsubj", "dobj") and c.lower_ == "me" and c.i < lead.i + 3 for c in hearers)
        frame = verb if me else None
    elif lemma in IMPERATIVE_VERBS and _imperative_fits(lead) and not any(c.dep_ in SUBJECTS for c in lead.children):
        frame = lead
    else:
        frame = None
    return _complement(doc, content, frame) or content


def factive_question(doc: Doc, content: list[int]) -> list[int] | None:
    """The X of "Did you know that X?", "Do you realise X?", "Have you forgotten that X?" when X is the rest of the
    question; None for any other question (a question claims nothing)."""
    head = _head(doc, content)
    root = doc[head] if head is not None else None
    if root is None or root.lemma_.lower() not in FACTIVE_QUESTION_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    auxiliary = next((c for c in root.children if c.dep_ == "aux" and c.i < root.i), None)
    if subject is None or subject.lower_ != "you" or auxiliary is None or auxiliary.i > subject.i:
        return None  # not an inverted yes/no question to the listener ("You know that X?" is said, not asked)
    if any(c.dep_ == "neg" for c in root.children):
        return None  # "Don't you know that X?" leans on the answer it expects
    return _complement(doc, [i for i in content if doc[i].text != "?"], root)


def _head(doc: Doc, content: list[int]) -> int | None:
    """The content's one head: the word whose head lies outside it (the sentence's root, or in "'…,' she said" the
    quoted clause's verb); None when there are several."""
    ids = set(content)
    heads = [i for i in content if not doc[i].is_punct and (doc[i].head.i == i or doc[i].head.i not in ids)]
    return heads[0] if len(heads) == 1 else None


def _imperative_fits(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma in ("keep", "bear"):  # "keep in mind", "bear in mind"
        return any(
            c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "mind" for g in c.children) for c in children
        )
    if lemma == "forget":
        return any(c.dep_ == "neg" or c.lower_ == "never" for c in children)
    return True


def _complement(doc: Doc, content: list[int], frame: Token | None) -> list[int] | None:
    """The frame's clause as the statement: a finite clause with its own subject, running to the end of the content
    (only punctuation after it), its "that" left out."""
    if frame is None:
        return None
    clause = next((c for c in frame.children if c.dep_ == "ccomp" and c.i > frame.i), None)
    if clause is None or not (
        clause.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in clause.children)
    ):
        return None
    if not any(c.dep_ in SUBJECTS for c in clause.children):
        return None
    span = {t.i for t in clause.subtree}
    rest = [i for i in content if i >= clause.left_edge.i]
    if not rest or any(i not in span and not doc[i].is_punct for i in rest):
        return None  # something after the clause that is not part of it: the frame is not all there is around it
    return [i for i in rest if not (doc[i].dep_ == "mark" and doc[i].head.i == clause.i and doc[i].lower_ == "that")]
