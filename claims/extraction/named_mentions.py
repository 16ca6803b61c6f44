"""A bare "the <noun>" named by the article before it (rule article_named_description).

"… aid to the Rukban camp … Food reached the camp in May." -> "Food reached the Rukban camp in May." The article
itself gives the fuller name: an earlier mention whose head is the same noun and which carries a name ("the Rukban
camp", "the Trump administration", "the Ministry of Defence" for "the ministry"). Only when that is sure: exactly
one such name before it, and no other description with the noun before it ("a camp in Jordan", "the old camp",
another name), which could be what "the camp" means. Anything else stays as written and is flagged (readability:
'"the camp" not introduced').

Rule introduced_kind adds the names the article gave a kind without the noun in the name: "Orvik Lines, a ferry
company, …" or "Brenn Corp" (a company by its suffix) makes "the company" Orvik Lines. Only when sure: that one
organisation of the kind is named before it, and no other organisation the article named before could be meant
(one it did not say the kind of, "Lanzo Mills" or "Reuters", could be the company too), and no "a company" it
did not name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import rules
from .decontextualisation.descriptions import COMPANY, COMPANY_KINDS, ORGANISATION_KINDS, introduced_name, proper_name
from .entities import entity_at, gazetteer
from .gazetteer import normalise_name

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


COMPANY_SUFFIXES = {"co", "corp", "inc", "ltd", "llc", "plc", "gmbh", "ag", "company", "corporation", "limited"}


def _kinds_of(ent: Span, introduced: dict[tuple[int, int], set[str]]) -> set[str] | None:
    """The kinds of organisation the article says a named organisation is, or None when it does not say: from an
    apposition, a copula or "called" ("Orvik Lines, a ferry company"), its own head noun ("Lanzo University"), a
    company suffix ("Brenn Corp"), the gazetteer (a news agency). A company of any trade is also a company."""
    kinds = set(introduced.get((ent.start, ent.end), ()))
    words = [t for t in ent if t.tag_ != "POS" and t.text != "."]
    last = words[-1].lower_.rstrip(".") if words else ""
    if last in COMPANY_SUFFIXES:
        kinds |= COMPANY
    elif last in ORGANISATION_KINDS and len(words) > 1:
        kinds.add(last)
    known = gazetteer().lookup(ent.text)
    if known is not None and known.label == "ORG":
        kinds.add("agency" if known.kind == "agency" else "organisation")
    if kinds & COMPANY_KINDS:
        kinds |= COMPANY
    return kinds or None


def _kind_mentions(doc: Doc, canonical_of) -> tuple[list[tuple[int, str, set[str] | None]], dict[int, str]]:
    """(start, name, kinds or None) of each organisation named in the text, in order, and the tokens of the nouns
    that introduced one ("a ferry company" in "Orvik Lines, a ferry company") with the name: those name it, they are
    no other description of the noun. A name the tagger did not class ("Orvik Lines") counts too: it may be an organisation."""
    introduced: dict[tuple[int, int], set[str]] = {}
    introducing: dict[int, str] = {}
    for token in doc:
        if token.pos_ == "NOUN" and token.lemma_.lower() in ORGANISATION_KINDS:
            ent = introduced_name(token, untagged=True)
            if ent is not None and ent.label_ in ("ORG", ""):
                introduced.setdefault((ent.start, ent.end), set()).add(token.lemma_.lower())
                introducing[token.i] = canonical_of(ent) if canonical_of and ent.label_ else ent.text
    names: list[Span] = [ent for ent in doc.ents if ent.label_ == "ORG"]
    names += [span for t in doc if t.dep_ not in ("compound", "flat") and (span := proper_name(t)) is not None]
    orgs = [
        (
            name.start,
            canonical_of(name) if canonical_of and name.label_ else name.text,
            _kinds_of(name, introduced),
        )
        for name in sorted(names, key=lambda span: span.start)
    ]
    return orgs, introducing


def named_descriptions(doc: Doc, canonical_of=None) -> dict[int, tuple[int, str]]:
    """token start of a bare "the <noun>" -> (token end, "the <name>") where the article named it before."""
    found: dict[int, tuple[int, str]] = {}
    if not rules.on("article_named_description"):
        return found
    mentions: dict[str, list[tuple[int, str | None]]] = {}  # noun lemma -> (start, name or None) in order
    orgs, introducing = _kind_mentions(doc, canonical_of) if rules.on("introduced_kind") else ([], {})
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.tag_ not in ("NN", "NNP") or not root.is_alpha:
            continue
        key = root.lemma_.lower()
        first = chunk[0]
        bare = _bare(first) if first.lower_ == "the" else None
        if bare is not None and bare.i == root.i:
            names = {name for _, name in mentions.get(key, [])}
            if key in ORGANISATION_KINDS and rules.on("introduced_kind"):
                sure = _organisation_of_kind(orgs, key, first.i, names)
            else:
                sure = names.pop() if len(names) == 1 and None not in names else None
            if sure:
                found[first.i] = (root.i + 1, sure)
            continue
        name = introducing.get(root.i) or _name_of(chunk)  # "a ferry company" naming Orvik Lines is Orvik Lines
        mentions.setdefault(key, []).append((chunk.start, name))
    return found


def _organisation_of_kind(
    orgs: list[tuple[int, str, set[str] | None]], kind: str, before: int, names: set[str | None]
) -> str | None:
    """What a bare "the <kind>" names: the one name the article gave the noun before (`names`: its earlier
    mentions, None for one without a name) or the one organisation before `before` the article said is of this
    kind, and no other organisation named before could be it (one whose kind it did not say)."""
    if None in names or len(names) > 1:
        return None  # "a company owned by Ana Ruiz", or two names: either may be meant
    candidates = _distinct({name for start, name, kinds in orgs if start < before and (kinds is None or kind in kinds)})
    if len(candidates) > 1:
        return None
    if names:
        name = names.pop()
        other = _words(next(iter(candidates))) if candidates else _words(name)
        same = other <= _words(name) or _words(name) <= other
        return name if same else None
    if not candidates:
        return None
    name = candidates.pop()
    if not any(start < before and _words(n) <= _words(name) and kinds for start, n, kinds in orgs):
        return None  # only mentions of unsaid kind: the article never said it is one
    return name


def _words(name: str) -> set[str]:
    return set(normalise_name(name).casefold().split())


def _distinct(names: set[str]) -> set[str]:
    """The organisations these names stand for, each by its longest name: "Brenn" and "Brenn Corp's" are Brenn Corp."""
    longest = sorted(names, key=lambda name: -len(_words(name)))
    kept: list[str] = []
    for name in longest:
        if not any(_words(name) <= _words(other) for other in kept):
            kept.append(name)
    return set(kept)
