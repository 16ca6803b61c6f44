"""A bare "the <noun>" named by the article before it (rule article_named_description).

"… aid to the Rukban camp … Food reached the camp in May." -> "Food reached the Rukban camp in May." The article
itself gives the fuller name: an earlier mention whose head is the same noun and which carries a name ("the Rukban
camp", "the Trump administration", "the Ministry of Defence" for "the ministry"). Only when that is sure: exactly
one such name before it, and no other description with the noun before it ("a camp in Jordan", "the old camp",
another name), which could be what "the camp" means. Anything else stays as written and is flagged (readability:
'"the camp" not introduced').
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import rules
from .entities import entity_at

NAME_LABELS = {"ORG", "FAC", "GPE", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "NORP"}
_NOT_A_MODIFIER = {"det", "punct", "case"}
# nouns a country's or a people's name makes one thing: "the Syrian government" is one, "the US car" is not
INSTITUTIONS = {
    "government", "administration", "army", "military", "navy", "parliament", "embassy", "regime", "police",
    "ministry", "court", "cabinet", "senate", "legislature", "opposition", "federation", "team", "squad",
}  # fmt: skip


def _bare(det: Token) -> Token | None:
    """The noun of a bare "the <noun>": a singular common noun with nothing before or after it that says which."""
    if det.lower_ != "the" or det.dep_ != "det" or det.i + 1 >= len(det.doc):
        return None
    noun = det.doc[det.i + 1]
    if noun.tag_ != "NN" or noun.ent_type_ or not noun.is_lower or det.head.i != noun.i:
        return None
    if any(c.dep_ not in _NOT_A_MODIFIER for c in noun.children):
        return None  # "the camp in Jordan", "the camp that closed": it says which itself
    return noun


def _name_of(chunk: Span) -> str | None:
    """The mention as a name, "the Rukban camp", when the chunk's head is modified by a name (or is one)."""
    root = chunk.root
    if root.ent_type_ == "PERSON" or any(t.dep_ == "poss" or t.tag_ == "PRP$" for t in chunk):
        return None  # "President Ana Ruiz", "Lanzo's harbour", "its harbour": not a name of the thing
    named = [
        t
        for t in chunk
        if t.i != root.i
        and t.dep_ in ("compound", "amod", "nmod")
        and (t.pos_ == "PROPN" and t.ent_type_ in NAME_LABELS | {""} or t.ent_type_ in NAME_LABELS)
        and (t.ent_type_ not in ("GPE", "NORP") or root.lemma_.lower() in INSTITUTIONS)
    ]  # "the Rukban camp", "the Syrian government"; not "the US car", "the first map", "the 53-day festival"
    ent = entity_at(chunk.doc, root.i) if root.ent_type_ in NAME_LABELS else None
    if not named and (ent is None or root.pos_ != "PROPN"):
        return None
    if ent is not None and ent.end > chunk.end:
        return "the " + "".join(t.text_with_ws for t in ent if t.dep_ != "det").strip()  # "the Ministry of Defence"
    return "the " + "".join(t.text_with_ws for t in chunk if t.dep_ != "det").strip()


def named_descriptions(doc: Doc) -> dict[int, tuple[int, str]]:
    """token start of a bare "the <noun>" -> (token end, "the <name>") where the article named it before."""
    found: dict[int, tuple[int, str]] = {}
    if not rules.on("article_named_description"):
        return found
    mentions: dict[str, list[tuple[int, str | None]]] = {}  # noun lemma -> (start, name or None) in order
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.tag_ not in ("NN", "NNP") or not root.is_alpha:
            continue
        key = root.lemma_.lower()
        first = chunk[0]
        bare = _bare(first) if first.lower_ == "the" else None
        if bare is not None and bare.i == root.i:
            names = {name for _, name in mentions.get(key, [])}
            if len(names) == 1 and None not in names:
                found[first.i] = (root.i + 1, names.pop())
            continue
        mentions.setdefault(key, []).append((chunk.start, _name_of(chunk)))
    return found
