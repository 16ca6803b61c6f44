"""The subjects a pronoun may stand for: a sentence's main subject (carried to the next sentence), the nearest thing
subject before it in its own sentence, another subject that makes that one unsure, a pair of things named together."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from .. import rules
from ..entities import entity_at
from ..lexicon import FINITE_TAGS, phrase_text
from .expletives import expletive
from .referents import PERSONAL, PLURAL, PRONOUNS, SUBJECT_DEPS, THING_LABELS, in_quotation


def subject_token(sent: Span) -> Token | None:
    return next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)


def subject_phrase(sent: Span, canonical_of) -> tuple[str, bool, bool, bool] | None:
    """(text, is_person, is_plural, is_pronoun) of the main subject of a sentence."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.lower_ in PRONOUNS:
        return subject.text, subject.lower_ in PERSONAL, subject.lower_ in PLURAL, True
    if subject.pos_ == "PRON" and rules.on("sure_antecedent"):
        return None  # "We …", "I …", "Someone …": no thing for a later "it" to stand for
    attr = next((c for c in root.children if c.dep_ == "attr"), None) if root.lemma_ == "be" else None
    if attr is not None and any(t.tag_ in ("JJS", "RBS") for t in subject.subtree if t.i < subject.i):
        # "The fastest animal … is the peregrine falcon. It …": the sentence identifies the falcon, and "it" is the falcon
        if any(c.dep_ == "det" and c.lower_ == "the" for c in attr.children) or attr.ent_type_:
            subject = attr
    tokens = []
    for t in sorted(subject.subtree, key=lambda t: t.i):
        if t.text in (",", "(", ":") or t.dep_ in ("relcl", "acl") and t.i > subject.i:
            break
        tokens.append(t)
    if not tokens or len(tokens) > 10:
        return None
    if rules.on("antecedent_phrase") and not whole_noun_phrase(tokens, subject):
        return None  # "The dangerous" (cut before its noun at a comma): no name for a later "it"
    if subject.ent_type_:
        ent = entity_at(sent.doc, subject.i)
        if ent is not None and ent.start >= tokens[0].i and ent.end - 1 <= tokens[-1].i and len(tokens) == len(ent):
            text = canonical_of(ent)
            # "Democrats", "Americans": a people's name in the plural is a they, never an it, and written as the
            # article wrote it (the canonical name of "Americans" is the country)
            if ent.label_ == "NORP" and subject.tag_ in ("NNS", "NNPS") and rules.on("group_name_number"):
                return phrase_text(tokens), False, True, False
            return text, ent.label_ == "PERSON", False, False
    text = phrase_text(tokens)
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    is_person = subject.ent_type_ == "PERSON"
    if tokens[0].lower_ in ("a", "an"):
        return None  # an indefinite description introduces something new; it is no name for later
    return text, is_person, plural, False


def nearest_subject(sent: Span, token: Token) -> Token | None:
    """The closest subject before `token` in its sentence, passing over an "it" or "they" (the one nearest_thing_subject
    reads)."""
    return next(
        (
            t
            for t in reversed(sent.doc[sent.start : token.i])
            if t.dep_ in SUBJECT_DEPS and t.lower_ not in ("it", "they")
        ),
        None,
    )


def nearest_thing_subject(sent: Span, token: Token, canonical_of, *, plural: bool = False) -> str | None:
    """The closest subject before `token` in its sentence that is a thing (plural for "they"), not a person or a pronoun."""
    for t in reversed(list(sent.doc[sent.start : token.i])):
        if t.dep_ in SUBJECT_DEPS:
            is_plural = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
            if t.lower_ == ("they" if plural else "it"):
                continue  # "X …, so it can replace tin in its …": "it" and "its" stand for the same X
            if t.pos_ == "PRON" or t.ent_type_ == "PERSON" or is_plural != plural:
                return None
            if rules.on("negative_antecedent") and negative_quantity(t):
                return None  # "the team had no fit strikers left, so they …": they are not "no fit strikers"
            if t.pos_ == "PROPN" and not t.ent_type_ and rules.on("subject_antecedent"):
                return None  # a name the tagger did not class may be a person ("Ana Ruiz said it …")
            if t.ent_type_:
                ent = entity_at(sent.doc, t.i)
                if ent is not None and rules.on("antecedent_phrase") and any(w.pos_ in ("VERB", "AUX") for w in ent):
                    return None  # "Officers arrested Webb" tagged a title: a clause, no name
                if ent is not None:
                    return canonical_of(ent)
            words = []
            for w in sorted(t.subtree, key=lambda w: w.i):
                if w.i > t.i and (w.text in (",", "(") or w.dep_ in ("relcl", "acl", "appos")):
                    break
                words.append(w)
            if rules.on("antecedent_phrase") and not whole_noun_phrase(words, t):
                return None  # "the ferry which" (a relative pronoun kept, the clause cut): not a name to write
            return phrase_text(words) if len(words) <= 8 else None
    return None


RELATIVE_TAGS = {"WDT", "WP", "WP$", "WRB"}


def whole_noun_phrase(tokens: list[Token], head: Token) -> bool:
    """Whether the words the resolver would write for a pronoun make one whole noun phrase (rule antecedent_phrase):
    unbroken in the article, with its noun in it, and no finite verb or relative word in it. The parse may hang a
    clause on a noun ("the ferry which …" with the clause left out) or cut a phrase at a comma before its noun ("The
    old, rusty ferry" read as "The old"); written for a pronoun, such words garble the claim."""
    if head not in tokens:
        return False
    if any(b.i != a.i + 1 for a, b in zip(tokens, tokens[1:])):
        return False
    if any(t.tag_ in FINITE_TAGS or t.tag_ in RELATIVE_TAGS for t in tokens):
        return False
    # "Officers arrested Webb" (a verb after the noun), "its cutback" (a pronoun of its own to resolve), "Sonos -
    # Music" (a heading's dash), "arguably the best phone" (an adverb before its determiner), "the decision to" (cut short)
    after = [t for t in tokens if t.i > head.i]
    return not (
        any(t.pos_ in ("VERB", "AUX") for t in after)
        or any((t.pos_ == "PRON" or t.tag_ == "PRP$") and t.i != head.i for t in tokens)
        or any(t.text in ("-", "\u2013", "\u2014", ":", ";", "|") and t.doc[t.i - 1].whitespace_ for t in tokens[1:])
        or (tokens[0].pos_ == "ADV" and len(tokens) > 1 and tokens[1].pos_ == "DET")
        or tokens[-1].pos_ in ("ADP", "DET", "PART", "CCONJ", "SCONJ")
    )


NEGATIVE_DETERMINERS = {"no", "neither"}
NEGATIVE_WORDS = {"none", "nothing", "nobody", "neither", "noone"}


def negative_quantity(token: Token) -> bool:
    """A noun phrase that names nothing ("no fit strikers", "none of the ferries", "neither bridge"): no pronoun can
    stand for it (rule negative_antecedent)."""
    return token.lower_ in NEGATIVE_WORDS or any(
        c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in token.children
    )


def other_subject_before(sent: Span, token: Token) -> bool:
    """A subject before the pronoun in its own sentence that it could stand for but that the resolver does not take
    (a relative or demonstrative "that", a name the tagger did not class; for they, people named together): the
    nearer candidate, so the previous sentence's subject is no longer sure. "Engineers found cracks in it" is no
    such case: "engineers" cannot be "it"."""
    plural = token.lower_ in PLURAL
    for t in sent.doc[sent.start : token.i]:
        if t.dep_ not in SUBJECT_DEPS or expletive(t) or in_quotation(sent, t) != in_quotation(sent, token):
            continue
        if t.lower_ in ("that", "this", "which", "what", "who", "these", "those") and t.pos_ in ("PRON", "DET"):
            return True
        many = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
        if t.pos_ in ("NOUN", "PROPN") and many == plural and (plural or t.ent_type_ != "PERSON"):
            return True
    return False


def recent_pair(mentions: list[tuple[int, str, str]], doc: Doc, token: Token) -> str | None:
    """The most recent "X and Y" of two named things before a plural pronoun, within about two sentences."""
    positions = [m[0] for m in mentions]
    window = mentions[bisect_left(positions, token.i - 80) : bisect_left(positions, token.i)]
    named = [m for m in window if m[1] in THING_LABELS]
    for (first, _, a), (second, _, b) in reversed(list(zip(named, named[1:]))):
        ent = entity_at(doc, first)
        if ent is not None and ent.end + 1 == second and doc[ent.end].lower_ == "and" and a != b:
            return f"{a} and {b}"
    return None
