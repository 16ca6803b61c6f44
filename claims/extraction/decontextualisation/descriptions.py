"""Definite descriptions: "the move" after what a named actor did, "the company" after the one company named,
"the law" after "a new plastics law", "these waves" after "gravitational waves": token start -> (end, fuller text)."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from .. import rules
from ..entities import entity_at
from ..lexicon import REPORTING_VERBS, phrase_text, plural
from .referents import SUBJECT_DEPS, THING_LABELS

EVENT_NOUNS = {"move", "decision", "step"}
REPORTING = REPORTING_VERBS


def _event_phrase(sent: Span, canonical_of) -> str | None:
    """ "North Korea recognized the DPR and the LPR in July." -> "North Korea's move to recognize the Donetsk
    People's Republic and the Luhansk People's Republic": what "the move" in the next sentence stands for."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if (
        root.pos_ != "VERB"
        or root.lemma_ in REPORTING
        or subject is None
        or obj is None
        or root.tag_ not in ("VBD", "VBZ")
    ):
        return None
    ent = entity_at(sent.doc, subject.i) if subject.ent_type_ else None
    if ent is None or ent.label_ not in THING_LABELS | {"PERSON"}:
        return None  # only a named actor: "the move" of a pronoun or a description would not read alone either
    words, depth, skip_to = [], 0, -1
    for t in sorted(obj.subtree, key=lambda t: t.i):
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.i > skip_to:
            named = entity_at(sent.doc, t.i) if t.ent_type_ else None
            if named is not None and named.start == t.i:
                canonical = canonical_of(named)
                if t.lower_ == "the" and named.text[4:] == canonical:
                    canonical = "the " + canonical  # "the Republic of Kosovo" stays as written
                words.append(canonical)
                skip_to = named.end - 1
            else:
                words.append(t.text)
    if not words or len(words) > 20 or depth != 0:
        return None
    actor = canonical_of(ent)
    return f"{actor}'{'' if actor.endswith('s') else 's'} move to {root.lemma_} " + " ".join(words).replace(" 's", "'s")


# What a bare category noun can stand for when the article named no entity with that noun: "the company"
# after a named organisation, "the country" after a named state, "the scholar" after a named person.
CATEGORY_LABELS = {
    **dict.fromkeys(
        (
            "company",
            "firm",
            "agency",
            "organisation",
            "organization",
            "restaurant",
            "bank",
            "university",
            "group",
            "party",
            "manufacturer",
            "brand",
            "startup",
            "airline",
            "newspaper",
        ),
        ("ORG",),
    ),
    **dict.fromkeys(("country", "city", "town", "state", "nation", "village", "capital"), ("GPE",)),
    **dict.fromkeys(
        (
            "scholar",
            "president",
            "researcher",
            "scientist",
            "author",
            "singer",
            "actor",
            "actress",
            "politician",
            "leader",
            "professor",
            "writer",
            "player",
            "minister",
        ),
        ("PERSON",),
    ),
    **dict.fromkeys(("conference", "war", "tournament", "festival"), ("EVENT",)),
    **dict.fromkeys(("law", "act", "treaty"), ("LAW",)),
}
NAMED = THING_LABELS | {"PERSON"}
# kinds of organisation a bare "the <noun>" may name (rule introduced_kind, named_mentions.py), and those that are
# companies: "the company" may be the carmaker the article named
COMPANY = {"company", "firm", "corporation"}
COMPANY_KINDS = COMPANY | {
    "carmaker", "automaker", "startup", "retailer", "insurer", "manufacturer", "airline", "developer", "maker",
    "publisher", "broadcaster", "chain", "conglomerate", "lender", "operator", "supplier", "giant", "brand",
}  # fmt: skip
ORGANISATION_KINDS = COMPANY_KINDS | {
    "agency", "bank", "ministry", "department", "studio", "band", "party", "union", "university", "school",
    "newspaper", "network", "charity", "organisation", "organization", "club", "label", "regulator", "institute",
    "foundation", "group", "authority", "council", "committee", "commission", "court", "hospital", "museum",
}  # fmt: skip


def _named(token: Token):
    ent = entity_at(token.doc, token.i) if token.ent_type_ else None
    return ent if ent is not None and ent.label_ in NAMED else None


def proper_name(token: Token) -> Span | None:
    """The name a proper noun the tagger did not class heads, with the proper nouns before it ("Orvik Lines")."""
    if token.pos_ != "PROPN" or token.ent_type_ or not token.text[:1].isupper():
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head.i == token.i:
        start -= 1
    return token.doc[start : token.i + 1] if token.doc[start].text[:1].isupper() else None


def introduced_name(token: Token, *, untagged: bool = False):
    """The named entity a noun introduces, if any: "Varnes is a bakery", "The oldest bakery in Brenholt is Varnes",
    "Varnes, a bakery in …", "a bakery called Varnes", "the company Orvik Lines". With `untagged`, also a name the
    tagger did not class."""
    head = token.head
    if token.dep_ in SUBJECT_DEPS and head.lemma_ == "be":
        other = next((c for c in head.children if c.dep_ == "attr"), None)
    elif token.dep_ == "attr" and head.lemma_ == "be":
        other = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    elif token.dep_ == "appos" or token.dep_ == "compound":
        other = head  # "Geranium, a restaurant"; "the company Mey Eden"
    else:
        other = next((c for c in token.children if c.dep_ == "appos"), None)
        if other is None:
            called = next((c for c in token.children if c.dep_ == "acl" and c.lemma_ in ("call", "name")), None)
            other = next((c for c in called.children if c.dep_ in ("oprd", "attr", "dobj")), None) if called else None
    if other is None:
        return None
    return _named(other) or (proper_name(other) if untagged else None)


def _introduced_as(sent: Span, lemma: str):
    """The named entity this sentence introduces with the noun `lemma`, if any (the last one)."""
    found = None
    for token in sent:
        if token.lemma_ == lemma and token.pos_ == "NOUN":
            found = introduced_name(token) or found
    return found


def _category_name(sents: list[Span], index: int, noun: Token, canonical_of) -> str | None:
    """The name a "the <noun>" subject stands for: the entity introduced with that noun in this or the two
    previous sentences, else the one most recent named entity whose label fits the noun."""
    for sent in reversed(sents[max(0, index - 2) : index]):
        ent = _introduced_as(sent, noun.lemma_)
        if ent is not None:
            return canonical_of(ent)
    labels = CATEGORY_LABELS.get(noun.lemma_)
    if not labels or noun.lemma_ in ORGANISATION_KINDS and rules.on("introduced_kind"):
        return None  # "the company" after one company named nearby, another further back: introduced_kind decides
    window = [e for sent in sents[max(0, index - 2) : index] for e in sent.ents if e.label_ in labels]
    names = {canonical_of(e) for e in window}
    return canonical_of(window[-1]) if len(names) == 1 else None  # two candidates: no guessing


def definite_descriptions(doc: Doc, sents: list[Span], canonical_of=None) -> dict[int, tuple[int, str]]:
    """ "These waves" opening a sentence -> the fuller phrase with that head noun a sentence or two before
    ("gravitational waves"). Returns token start -> (token end, replacement text)."""
    found: dict[int, tuple[int, str]] = {}
    chunks = None
    for index, sent in enumerate(sents):
        if index and canonical_of is not None:
            # "The move" / "the decision" right after a sentence that reports what a named actor did
            for token in sent:
                if (
                    token.lower_ in EVENT_NOUNS
                    and token.pos_ == "NOUN"
                    and token.i > 0
                    and doc[token.i - 1].lower_ == "the"
                    and doc[token.i - 1].i >= sent.start
                    and token.dep_ in ("nsubj", "pobj", "dobj")
                ):
                    phrase = _event_phrase(sents[index - 1], canonical_of)
                    if phrase:
                        found[token.i - 1] = (token.i + 1, phrase)
        if index and canonical_of is not None:
            # "The bakery sells …" after "The oldest bakery in Brenholt is Varnes"
            for token in sent:
                if token.lower_ not in ("the", "this") or token.dep_ != "det" or token.i + 1 >= sent.end:
                    continue
                noun = doc[token.i + 1]
                if (
                    token.head.i != noun.i
                    or noun.tag_ != "NN"
                    or noun.lemma_ in EVENT_NOUNS
                    or noun.dep_ not in SUBJECT_DEPS + ("poss",)
                    or noun.ent_type_
                ):
                    continue
                if any(
                    c.dep_ in ("amod", "compound", "relcl", "acl") or c.dep_ == "prep" and c.lower_ != "in"
                    for c in noun.children
                ):
                    continue  # "the new restaurant", "the restaurant on the corner": something else may be meant
                name = _category_name(sents, index, noun, canonical_of)
                if name:
                    found.setdefault(token.i, (noun.i + 1, name))
                    continue
                # "… a New York state law regulating firearms. The law in question …": the thing introduced
                # with an indefinite "a <modifiers> law" a sentence or two before, named as fully as it was
                if chunks is None:
                    chunks = list(doc.noun_chunks)
                    chunk_starts = [c.start for c in chunks]
                window = chunks[
                    bisect_left(chunk_starts, sents[max(0, index - 2)].start) : bisect_left(chunk_starts, token.i)
                ]
                for chunk in reversed(window):
                    if chunk.root.lemma_ != noun.lemma_ or chunk.root.tag_ != "NN":
                        continue
                    words = [t for t in chunk if t.dep_ != "det"]
                    if chunk[0].lower_ in ("a", "an") and len(words) > 1 and not any(t.pos_ == "PRON" for t in chunk):
                        found.setdefault(token.i, (noun.i + 1, "the " + "".join(t.text_with_ws for t in words).strip()))
                    break  # the nearest mention of the noun decides
        first = sent[0]
        if first.lower_ not in ("this", "these", "that", "those") or first.dep_ != "det":
            continue
        noun = first.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i > first.i + 3:
            continue
        if rules.on("description_fits") and noun.ent_type_ in ("DATE", "TIME"):
            continue  # "This year", "That week": a relative date (relative_dates), not a thing named before
        floor = sents[max(0, index - 2)].start
        if chunks is None:
            chunks = list(doc.noun_chunks)
            chunk_starts = [c.start for c in chunks]
        window = chunks[bisect_left(chunk_starts, floor) : bisect_left(chunk_starts, sent.start)]
        for chunk in reversed(window):
            if (
                chunk.root.lemma_ == noun.lemma_
                and len(chunk) > 1
                and chunk[0].lower_ not in ("this", "these", "that", "those")
            ):
                if rules.on("description_fits") and plural(chunk.root) != plural(noun):
                    break  # "these ferries" after "the old ferry": not the same thing, whatever the noun
                words = [t for t in chunk if t.dep_ not in ("det",) and t.tag_ != "PRP$"]
                if len(words) > 1:
                    text = phrase_text(words)
                    found[first.i] = (noun.i + 1, ("the " if noun.tag_ == "NN" else "") + text)
                    break
    return found
