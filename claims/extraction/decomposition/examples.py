"""Examples given for a noun ("such as A and B", ", including A") are facts of their own."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import rules
from ..lexicon import plural
from .clause import Clause, member_own, subtree_ids
from .coordination import MAX_CONJUNCTS

EXAMPLE_MARKERS = ("as", "including", "like")  # "topics such as A and B", "products, including A and B"
SUBJECT_ROLES = ("nsubj", "nsubjpass", "attr")


def split_examples(doc: Doc, clause: Clause, depth: int = 0) -> list[Clause]:
    """Examples given for a noun are facts of their own.

    - on an object, the statement holds for each example: "She studied topics such as ice and climate" ->
      "She studied ice", "She studied climate";
    - on a subject, the examples belong to the group: "Giant planets, such as Jupiter and Saturn, rotate fast"
      -> "Jupiter and Saturn are giant planets";
    and the statement itself is kept without the examples ("Giant planets rotate fast").
    """
    ids = set(clause.tokens)
    for i in sorted(ids):
        marker = doc[i]
        if not _example_phrase(doc, marker) or marker.head.i not in ids:
            continue
        items = [c for c in marker.children if c.dep_ == "pobj" and c.i in ids]
        if not items:
            continue
        first_item = items[0]
        members = [first_item, *[c for c in first_item.conjuncts if c.i in ids and c.i > first_item.i]]
        if len(members) > MAX_CONJUNCTS:
            return [clause]
        noun = _example_noun(doc, marker)
        phrase = subtree_ids(marker) & ids
        start = marker.i - 1 if marker.lower_ == "as" else marker.i
        drop = phrase | {start}
        for j in (start - 1, max(phrase) + 1):  # the commas around ", such as A and B,"
            if j in ids and doc[j].text == ",":
                drop.add(j)
        main = Clause(tokens=sorted(ids - drop), overrides=clause.overrides)
        out = [main]
        noun_ids = (subtree_ids(noun) & ids) - drop
        if noun.dep_ in SUBJECT_ROLES:
            group = sorted(subtree_ids(first_item) & ids)
            determiners = {
                j for c in noun.children if c.dep_ in ("det", "poss", "predet") for j in subtree_ids(c)
            }  # "Lanzo's" whole, its "'s" with it
            described = sorted(noun_ids - determiners)
            plural = len(members) > 1 or first_item.tag_ in ("NNS", "NNPS")
            # "Lanzo's 10 million stoves, like coal stoves": a count of the group is no description of the examples
            counted = rules.on("example_scope") and any(doc[j].like_num for j in described)
            if not counted and noun.tag_ in ("NNS", "NNPS") and plural:
                out.append(Clause(tokens=[], template="{0} are {1}", groups=[group, described]))
            elif not counted and not plural:
                out.append(
                    Clause(
                        tokens=[],
                        template="{0} is one of {1}" if noun.tag_ in ("NNS", "NNPS") else "{0} is {1}",
                        groups=[group, sorted(noun_ids)],
                    )
                )
        elif not (rules.on("example_scope") and _unsure_scope(doc, marker, noun)):
            for member in members:
                own = member_own(member, members, ids)
                out.append(Clause(tokens=sorted((ids - noun_ids - drop) | own), overrides=clause.overrides))
        if depth >= 2:
            return out
        return [piece for part in out for piece in ([part] if part.template else split_examples(doc, part, depth + 1))]
    return [clause]


def _example_phrase(doc: Doc, token: Token) -> bool:
    """Whether a preposition introduces examples of the noun it hangs on: "such as", ", including", ", like"."""
    if token.lower_ not in EXAMPLE_MARKERS or token.dep_ != "prep" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.lower_ == "as":
        return token.i > 0 and doc[token.i - 1].lower_ == "such"
    if token.lower_ == "like" and rules.on("like_comparison") and not plural(_example_noun(doc, token)):
        return False  # "Comfort, like speed, is …", "an infection, like flu": a likeness, not members of a kind
    return token.i > 0 and doc[token.i - 1].text == ","


def _unsure_scope(doc: Doc, marker: Token, noun: Token) -> bool:
    """Whether writing the statement for each example in place of the noun could change what it says (rule
    example_scope): the noun was reached past a nearer plural that could hold the examples as well ("talks with
    other partners, including Varnes": are the examples talks or partners?), not past a place or a name ("bridges in
    the river district, such as …") nor a quantity's "of" ("a range of diseases in Nigeria, such as …"); or the noun
    is one member of a coordination ("from Lanzo Films and classic cartoons, including X" would lose the other
    members, or keep them glued to X)."""
    passed = marker.head
    while passed.i != noun.i:
        if passed.tag_ in ("NNS", "NNPS") and passed.head.lower_ != "of":
            return True
        passed = passed.head
    if noun.tag_ == "NN" and _plural_before(doc, noun):
        return True  # "collected medals for her rowing, including the Varnes Cup": medals, not rowing
    return noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children)


def _plural_before(doc: Doc, noun: Token) -> bool:
    """A plural noun between the verb of the singular noun's clause and the noun, that examples could be of."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i > noun.i:
        return False
    return any(doc[j].tag_ in ("NNS", "NNPS") and doc[j].head.lower_ != "of" for j in range(verb.i + 1, noun.i))


def _example_noun(doc: Doc, marker: Token) -> Token:
    """The noun the examples are of. After a comma they are of the whole noun phrase, not its last noun:
    "the old bridges in the river district, such as the Hesper" gives examples of bridges, not of the district."""
    noun = marker.head
    if doc[marker.i - (2 if marker.lower_ == "as" else 1)].text != ",":
        return noun
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun
