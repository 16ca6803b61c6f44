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

Rule introduced_description adds the article's one introduction of the noun without a name in it: "a 9-year-old deaf
boy … the boy" is "the 9-year-old deaf boy", "a rover dubbed Kessel … the rover" is "the rover Kessel". Only when it
is the noun's one mention before, the noun is not plural before it, and the modifiers tell which ("a new
deal" or "a seventh session" do not).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from . import rules
from .decontextualisation.descriptions import COMPANY, COMPANY_KINDS, ORGANISATION_KINDS, introduced_name, proper_name
from .entities import entity_at, gazetteer
from .gazetteer import normalise_name
from .introduced import DEICTIC_MODIFIERS, UNIQUE_NOUNS

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
    described: dict[str, str] = {}  # noun lemma -> "the <its words>" of its one indefinite introduction, if any
    plurals: set[str] = set()  # nouns the article used in the plural: "the girl" after "two girls" may be either
    orgs, introducing = _kind_mentions(doc, canonical_of) if rules.on("introduced_kind") else ([], {})
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.tag_ == "NNS":
            plurals.add(root.lemma_.lower())
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
                if (
                    sure is None
                    and rules.on("introduced_description")
                    and len(mentions.get(key, [])) == 1
                    and key in described
                    and key not in plurals
                    and not _near_subject(doc, mentions[key][0][0], root)
                ):
                    sure = described[key]  # "a 9-year-old Lanzo boy … the boy": the one introduction, in its words
            if sure:
                found[first.i] = (root.i + 1, sure)
            continue
        name = introducing.get(root.i) or _name_of(chunk)  # "a ferry company" naming Orvik Lines is Orvik Lines
        if name is None and rules.on("introduced_description"):
            name = _called_name(chunk)  # "a simulation they call Orvik5" -> "the simulation Orvik5"
        mentions.setdefault(key, []).append((chunk.start, name))
        if name is None and key not in described and (words := _indefinite_description(chunk)):
            described[key] = words
    return found


# modifiers that do not tell a thing from others of its kind: "a new deal", "a big problem", "a similar case"
VAGUE_MODIFIERS = DEICTIC_MODIFIERS | {
    "big", "small", "good", "bad", "great", "major", "huge", "large", "certain", "similar", "same", "such", "second",
    "another", "few", "little", "single", "key", "important", "real", "whole", "possible", "recent", "latest",
    "next", "last", "first", "further", "additional", "different", "particular", "specific", "main", "serious",
}  # fmt: skip


NAMING_VERBS = {"call", "name", "dub", "nickname", "christen", "title", "know"}


def _called_name(chunk: Span) -> str | None:
    """ "the <noun> <name>" of an indefinite "a <noun> called/named/dubbed/known as <name>" or "a <noun> they call
    <name>": the name the article gave the thing it introduced."""
    root = chunk.root
    if chunk[0].lower_ not in ("a", "an"):
        return None
    for verb in root.children:
        if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in NAMING_VERBS or verb.i < root.i:
            continue
        if verb.lemma_.lower() == "know":
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            target = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
        else:
            target = next((c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj")), None)
        if target is None or target.pos_ != "PROPN":
            return None
        ent = entity_at(chunk.doc, target.i) if target.ent_type_ else None
        span = ent if ent is not None and ent.root.i == target.i else proper_name(target)
        if span is None:
            span = chunk.doc[target.i : target.i + 1]
        words = [t for t in span if t.dep_ != "det"]
        if not words or any(t.i <= verb.i for t in words):
            return None
        name = "".join(t.text_with_ws for t in words).strip()
        return f"the {root.text} {name}"
    return None


def _near_subject(doc: Doc, introduced: int, noun: Token) -> bool:
    """A subject "the <noun>" within two sentences of its introduction: definite_descriptions' to name (or not)."""
    if noun.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return False
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    return bisect_right(starts, noun.i) - bisect_right(starts, introduced) <= 2


def _indefinite_description(chunk: Span) -> str | None:
    """ "the <words>" of an indefinite "a <modifiers> <noun>" whose modifiers tell which ("a 9-year-old Lanzo
    boy" -> "the 9-year-old Lanzo boy"); None for "a boy", "a new deal", a predicate ("X is a big deal"), a
    negated or generic one."""
    root = chunk.root
    if (
        chunk[0].lower_ not in ("a", "an")
        or root.dep_ in ("attr", "acomp", "npadvmod", "appos")
        or root.lemma_.lower() in UNIQUE_NOUNS  # "an undisclosed number of …" is no thing "the number" names
    ):
        return None
    words = list(chunk[1:])
    modifiers = [t for t in words if t.i != root.i]
    if not modifiers or any(
        t.pos_ in ("PRON", "DET", "CCONJ", "PUNCT", "VERB", "AUX") and t.text != "-" for t in modifiers
    ):
        return None
    if all(t.lower_ in VAGUE_MODIFIERS or t.tag_ in ("JJR", "JJS", "RB", "RBR", "RBS") for t in modifiers):
        return None
    if any(t.ent_type_ == "ORDINAL" for t in modifiers):
        return None  # "a seventh straight session": there were others, "the session" may be another
    if any(t.dep_ == "neg" or t.lower_ in ("no", "any", "every", "each") for t in root.children):
        return None
    return "the " + "".join(t.text_with_ws for t in words).strip()


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
