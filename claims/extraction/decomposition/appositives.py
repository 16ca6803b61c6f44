"""An appositive as a claim of its own, "X is Y" ("Ivo Brandt, a Danish engineer, …" -> "Ivo Brandt is a Danish
engineer"), and the words the sentence's own clause then loses. Only when the apposition is an identity the claim
can state (rule appositive_identity): one name and one description that agree in number, the description not a list
of several things nor a bare singular noun ("media mogul"), neither side cut through a bracket, a clause or a
comma. Otherwise the appositive stays in the sentence's own words: a wrong "X is Y" costs more than a missing one."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import rules
from ..brackets import OPENERS as BRACKETS
from ..lexicon import FINITE_TAGS, HYPHENS
from .clause import Clause, subtree_ids

APPOSITIVE_NAMES = {"PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT", "WORK_OF_ART"}
# nouns a bare singular may stand for only with an article: one of many, not the one role ("member of the board")
NON_UNIQUE = {"member", "part", "one", "fan", "friend", "resident", "native", "citizen", "student", "employee",
              "supporter", "critic", "example", "victim", "son", "daughter", "veteran", "parent", "relative"}  # fmt: skip
DETERMINING_DEPS = ("det", "poss", "nummod", "predet")
QUOTES = {'"', "\u201c", "\u201d"}


def appositive(doc: Doc, token: Token, ids: set[int]) -> tuple[Clause, set[int]] | None:
    """The "X is Y" clause of an appositive and the word ids the main clause loses, or None."""
    head = token.head
    appos_ids = subtree_ids(token) & ids
    head_ids = (subtree_ids(head) & ids) - appos_ids
    head_ids = {
        j
        for j in head_ids
        if not (doc[j].text == "," and (j + 1 in appos_ids or j - 1 in appos_ids or j == max(appos_ids) + 1))
    }
    # drop relative clauses etc. attached to the head when they follow the appositive
    if not head_ids or len(head_ids) > 12 or len(appos_ids) > 12:
        return None
    commas = {j for j in (min(appos_ids) - 1, max(appos_ids) + 1) if j in ids and doc[j].text == ","}
    if rules.on("opening_phrase_comma") and _ends_opening_phrase(head, max(appos_ids)):
        commas.discard(max(appos_ids) + 1)  # "Having bought the mill in Varnes, a town …, the council will …"
    guarded = rules.on("appositive_identity")
    owner = _name_before_comma(doc, token, head, ids)
    if owner is not None:
        # "The chair of RIVERCONF 2019, the 12th Meeting on River Ecology, was X": the parser hangs
        # the description on "chair", but it describes the name right before the comma
        verb = _identity_verb(doc, owner, doc[owner[-1]], sorted(appos_ids), token) if guarded else "is"
        if verb is None:
            return None
        return Clause(tokens=[], template="{0} " + verb + " {1}", groups=[owner, sorted(appos_ids)]), appos_ids | commas
    name_first = token.pos_ == "PROPN" and head.pos_ == "NOUN"
    head_first = head.pos_ == "PROPN" and token.pos_ == "NOUN"
    if not (name_first or head_first):
        return None
    name, description = (appos_ids, head_ids) if name_first else (head_ids, appos_ids)
    named, described = (token, head) if name_first else (head, token)
    if named.ent_type_ not in APPOSITIVE_NAMES:
        return None  # "August 15 Korea Liberation Day, North Korea's news agency" is a misparse, not an identity
    start = min(name)
    if doc[start].text in HYPHENS or start > 0 and doc[start - 1].text in HYPHENS and not doc[start - 1].whitespace_:
        # "co-author Sarah Miller": the parse hung the end of a hyphenated word on the name; the name is the entity
        entity = next((e for e in doc.ents if e.start <= named.i < e.end), None)
        name = {j for j in name if entity is None or j >= entity.start}
    if guarded:
        verb = _identity_verb(doc, sorted(name), named, sorted(description), described)
        if verb is None:
            return None
    else:
        verb = "are" if head.tag_ in ("NNS", "NNPS") else "is"
    clause = Clause(tokens=[], template="{0} " + verb + " {1}", groups=[sorted(name), sorted(description)])
    # name first: the main clause keeps the name only; else it loses the appositive
    return clause, (head_ids if name_first else appos_ids) | commas


def _ends_opening_phrase(head: Token, last: int) -> bool:
    """The appositive closes a phrase that opens the sentence before its main clause ("Having bought the mill in
    Varnes, a town on the border, the council will …"): the comma after it also sets that phrase off, so it stays
    (rule opening_phrase_comma); without it the phrase runs into the subject."""
    node = head
    while node.head.i != node.i:
        if node.dep_ in ("advcl", "prep", "npadvmod", "advmod") and node.i < node.head.i:
            return max(t.i for t in node.subtree) == last and node.head.pos_ in ("VERB", "AUX")
        node = node.head
    return False


def _identity_verb(doc: Doc, name: list[int], named: Token, description: list[int], described: Token) -> str | None:
    """ "is" or "are" when "name is description" states what the apposition says; None when unsure."""
    several = any(c.dep_ == "conj" for c in named.children)  # "Ana Ruiz and Ivo Brandt, the band's founders"
    conjuncts = [c for c in described.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if any(c.tag_ in ("NNS", "NNPS") or _determined(c) for c in conjuncts):
        return None  # "her former label and a couple of big names": a list of things, not one description
    plural = described.tag_ in ("NNS", "NNPS")
    if plural != several:
        return None  # "Lanzo Engine, its core components"; "Ana Ruiz and Ivo Brandt, a Lanzo engineer"
    if not plural and not _determined(described) and not _role_of(described):
        return None  # "media mogul", "member": a bare singular noun says no which
    if not (_clean(doc, name, name_side=True) and _clean(doc, description, name_side=False)):
        return None
    return "are" if several else "is"


def _determined(noun: Token) -> bool:
    return any(c.dep_ in DETERMINING_DEPS for c in noun.children)


def _role_of(noun: Token) -> bool:
    """A bare role of something that has one ("president of the Lanzo council", "chair at Orvik Bank")."""
    roles = [noun, *(c for c in noun.children if c.dep_ == "conj")]  # "chief executive and founder of Orvik Lines"
    return noun.lemma_.lower() not in NON_UNIQUE and any(
        c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "in", "with") for role in roles for c in role.children
    )


def _clean(doc: Doc, group: list[int], *, name_side: bool) -> bool:
    """The group reads as one phrase: brackets and quotes closed, not ending on a preposition or a conjunction; a
    name side also without a comma, a dash, a relative word or a finite verb ("Kate Ruiz, who in 2008")."""
    words = [doc[j] for j in group]
    while words and words[-1].text == ",":  # the comma that closes the appositive
        words.pop()
    if not words or words[-1].pos_ in ("ADP", "CCONJ", "SCONJ") or words[-1].text in ("-", "\u2014", "\u2013"):
        return False
    opened = [w.text for w in words if w.text in BRACKETS]
    closed = [w.text for w in words if w.text in BRACKETS.values()]
    if len(opened) != len(closed) or sum(w.text in QUOTES for w in words) % 2:
        return False
    if any(b.i != a.i + 1 for a, b in zip(words, words[1:])):
        return False  # words the parse left out between them
    if name_side:  # a dash set off by spaces, not the hyphen of "Ing-wen"
        return not any(
            w.text in (",", ";")
            or w.text in ("-", "\u2014", "\u2013")
            and (w.whitespace_ or doc[w.i - 1].whitespace_)
            or w.tag_ in FINITE_TAGS
            or w.tag_ in ("WDT", "WP", "WP$")
            for w in words
        )
    return True


def _name_before_comma(doc: Doc, appos: Token, head: Token, ids: set[int]) -> list[int] | None:
    """The tokens of a name that ends right before an appositive's comma and is the object of a preposition on
    the appositive's head ("chair of RIVERCONF 2019, the 12th …"), when the appositive is a definite description."""
    comma = min(t.i for t in appos.subtree) - 1
    if head.pos_ != "NOUN" or doc[comma + 1].lower_ != "the" or comma - 1 <= head.i:
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.i < comma), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return None
    name = sorted(t.i for t in pobj.subtree)
    if name[-1] != comma - 1 or not set(name) <= ids or len(name) > 8:
        return None
    if not all(
        doc[j].pos_ in ("PROPN", "NUM") or doc[j].ent_type_ or doc[j].text[:1].isupper() for j in name[1:]
    ) or not (doc[name[0]].lower_ == "the" or doc[name[0]].text[:1].isupper()):  # "RIVERCONF" is tagged a noun
        return None
    return name
