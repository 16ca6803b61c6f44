"""Faithfulness checks: a rewrite is kept only when it still says what the article says.

- sure_split: a decomposition is kept only when every part that would become a claim (it has a subject and a
  finite verb) is a clause of its own: no dangling "and", no half of a bracket, no indirect question, no part that
  straddles the coordinator it was split at, no "all" that stood for the whole group, no verb whose complement
  stayed in another part; otherwise the statement stays whole. A part with no subject or no finite verb writes no
  claim downstream, so it does not undo the split (keeping the statement whole there cost Factcheck-GPT recall).
- lost_modality: the modal verbs, negations and hedges of the source that govern a claim's verbs ("could face",
  "did not", "reportedly", "plans to") must still be in the claim; the pipeline writes the sentence's own words
  instead, flagged, when one is missing.
Plain functions on the parse; the stages call them where they rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from . import readability, rules
from .lexicon import HEDGE_ADVERBS, SUBJECT_DEPS, WH_TAGS, has_subject

# --- sure_split ------------------------------------------------------------------------------------------------

DANGLING_ENDS = {"cc", "det", "mark", "prep", "aux", "auxpass", "case", "preconj", "poss"}
GROUP_WORDS = {"all", "both", "each", "respectively", "together"}
COMPLEMENTS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "parataxis"}


def sure_split(doc: Doc, content: Iterable[int], pieces: list) -> bool:
    """Whether the split of a statement into `pieces` (clauses: `.tokens`, `.overrides`, `.template`) can stand:
    every part written from the article's tokens that is a clause (a subject and a finite verb) is a whole one."""
    parts = [p for p in pieces if not p.template]
    if len(parts) <= 1:
        return True
    covered = set().union(*(set(p.tokens) for p in parts))
    dropped_joints = [i for i in content if i not in covered and doc[i].dep_ in ("cc", "preconj")]
    for part in parts:
        tokens = [doc[i] for i in part.tokens]
        if not has_subject(tokens) or not readability.grammatical(
            tokens, overrides=part.overrides, replaced_subjects={}, template=False
        ):
            continue  # no clause at all: the pipeline writes no claim of it (a list of names left by a split)
        if not _clause_of_its_own(tokens, part.overrides):
            return False
        shared = set().union(*(set(q.tokens) for q in parts if q is not part))
        own = [i for i in part.tokens if i not in shared and not doc[i].is_punct]
        if any(min(own, default=j) < j < max(own, default=j) for j in dropped_joints):
            return False  # "A has X, and instead of Y, B is Z" read as "A has X, instead of Y": a part across the cut
    return True


def unparsed_split(doc: Doc, content: Iterable[int], pieces: list) -> bool:
    """Whether a split into several parts follows a parse that hung a phrase on a verb without knowing how ("dep";
    rule unparsed_split): it cuts where the sentence has no joint and glues the phrase to the wrong clause ("… dating
    to 2009 and ended Rice's title hopes in …", "hopes" hung on the first verb, gave "… dating to 2009 hopes in …")."""
    if sum(1 for p in pieces if not p.template) <= 1 or not rules.on("unparsed_split"):
        return False
    return any(
        doc[i].dep_ == "dep" and doc[i].head.pos_ in ("VERB", "AUX") and doc[i].n_lefts + doc[i].n_rights > 0
        for i in content
    )


def _clause_of_its_own(tokens: list[Token], overrides: dict[int, str]) -> bool:
    """A part with a subject and a finite verb (see sure_split) that is no garbled piece of the sentence."""
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return False
    ids = {t.i for t in tokens}
    last = words[-1]
    if last.dep_ in DANGLING_ENDS or last.pos_ in ("CCONJ", "SCONJ", "DET", "ADP") and not list(last.children):
        return False  # "11 percent were red, 15 percent blue, and."
    if last.pos_ in ("VERB", "AUX") and any(
        c.i > last.i and c.i not in ids and c.dep_ in COMPLEMENTS for c in last.children
    ):
        return False  # "…, warning: <what was warned>" cut at the colon: the last word lost what it governs
    if sum(1 for t in tokens if t.text == "(") != sum(1 for t in tokens if t.text == ")"):
        return False  # one half of a bracket: the part was cut out of a parenthesis
    opening = next((t for t in words if t.dep_ not in ("cc", "advmod") or t.tag_ in WH_TAGS), words[0])
    if opening.tag_ in WH_TAGS and opening.dep_ not in SUBJECT_DEPS or opening.dep_ == "mark":
        return False  # "how much it spreads out": an indirect question, not a statement
    if opening.dep_ == "prep" and opening.head.i not in ids:
        return False  # "Of the boiler being …, it burns": the phrase's head stayed in another part
    # "A fell and B rose, all having hit highs": "all" is the whole group, which no single part is
    return not any(
        t.lower_ in GROUP_WORDS and (t.dep_ in SUBJECT_DEPS or t.dep_ in ("appos", "advmod") and t.pos_ != "DET")
        for t in words
    )


# --- contracted "has" ---------------------------------------------------------------------------------------------

HAS_PARTICIPLES = {"been", "got", "gotten", "had"}


def contraction(token: Token, expansions: dict[str, str]) -> str:
    """A contracted auxiliary written out: "'s" is "has" before "been", "got", "had" ("it's been dubbed" is "it has
    been dubbed", not "it is been dubbed": rule contracted_has), "'d" is "had" before a participle and "would"
    otherwise (rule contracted_had), else the usual expansion."""
    if token.lower_ == "'s" and rules.on("contracted_has") and (following := _verb_after(token)) is not None:
        if following.lower_ in HAS_PARTICIPLES or following.tag_ == "VBN" and _perfect(following):
            return "has"  # "she's raised the fares" has an object: a perfect, not a passive ("it's closed")
    if token.lower_ == "'d":
        return "had" if contracted_had(token) else "would"
    return expansions[token.lower_]


# what only a perfect has after its participle: "he's learned a lot", "she's never worked nights", "he's already
# sailed", "he's gone to Lanzo" (no passive of an intransitive verb of motion); not "since", which a state also
# takes ("it's closed to trucks since 2019")
PERFECT_MODIFIERS = {"ever", "already", "never", "yet"}
MOTION_PARTICIPLES = {"gone", "come", "arrived", "risen", "fallen"}  # not "left", "grown": "it's grown in Spain"


def _perfect(participle: Token) -> bool:
    """Whether "'s" before this participle is "has": it has an object; with rule contracted_has_perfect, also a
    measure ("a lot"), an "ever", "already", "never" or "yet", or it is a verb of motion, and no agent."""
    children = list(participle.children)
    if any(c.dep_ == "dobj" for c in children):
        return True
    if not rules.on("contracted_has_perfect") or any(c.dep_ == "agent" for c in children):
        return False  # "it's run by the council"
    return (
        any(c.dep_ == "npadvmod" or c.lower_ in PERFECT_MODIFIERS for c in children)
        or participle.lower_ in MOTION_PARTICIPLES
    )


def _verb_after(token: Token) -> Token | None:
    """The word a contracted auxiliary goes with: the next one or two, adverbs aside ("it's long been")."""
    return next((t for t in token.doc[token.i + 1 : token.i + 3] if t.pos_ != "ADV"), None)


def contracted_had(token: Token) -> bool:
    """A "'d" before a participle is "had" ("she'd raised"); before a bare verb it is "would"."""
    following = _verb_after(token)
    return following is not None and (following.tag_ == "VBN" or following.lower_ in HAS_PARTICIPLES)


def spelled_out(token: Token, expansions: dict[str, str]) -> bool:
    """Whether a claim writes this contracted auxiliary out ("'d" only with rule contracted_had: left as it is,
    "Ana Ruiz'd raised" was garbled once the pronoun before it became a name)."""
    if token.pos_ != "AUX":
        return False
    return token.lower_ in expansions or (token.lower_ == "'d" and rules.on("contracted_had"))


# --- lost_modality ---------------------------------------------------------------------------------------------

MODALS = {
    "could": "could",
    "may": "may",
    "might": "might",
    "would": "would",
    "'d": "would",
    "should": "should",
    "can": "can",
    "ca": "can",
    "cannot": "can",
    "must": "must",
    "will": "will",
    "wo": "will",
    "'ll": "will",
    "shall": "shall",
}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "cannot"}
# a verb (or adjective) that makes what follows a plan, an expectation or a hope: "plans to build", "is expected to"
HEDGE_HEADS = {
    "plan",
    "expect",
    "intend",
    "hope",
    "aim",
    "seek",
    "try",
    "attempt",
    "want",
    "threaten",
    "propose",
    "consider",
    "seem",
    "appear",
    "likely",
    "set",
    "poise",
    "due",
    "go",
}
_WORD = re.compile(r"[a-z']+")


SCALAR_ONLY = {"only", "just", "merely", "simply", "solely"}


def scalar_not(token: Token) -> bool:
    """A "not" of "not only/just X (but Y)": it adds to X, it does not deny it (rule not_only_but)."""
    doc = token.doc
    return token.lower_ == "not" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in SCALAR_ONLY


def not_only_split_off(doc: Doc, ids: list[int], content: Iterable[int]) -> list[int]:
    """The claim's tokens without "not only/just" when the other half ("but in Y", ", they Y") went to another
    claim of the statement: "lies not just in X, but in Y" -> "lies in X" and "lies in Y" (rule not_only_but). Not
    before a clause ("it is not merely that X"): left as written."""
    own = set(ids)
    for i in sorted(own | {j - 1 for j in own}):
        if i < 0 or not scalar_not(doc[i]) or i + 1 not in own or i + 2 >= len(doc) or doc[i + 2].lower_ == "that":
            continue  # (the split may have kept "only" and left "not" out: "depends only on X" would invert it)
        if any(j > i + 1 and j not in own and not doc[j].is_punct for j in content):
            return [j for j in ids if j not in (i, i + 1)]
    return ids


def marker(token: Token) -> str | None:
    """What a token says of its verb's truth: a modal, a negation or a hedge, else None."""
    lower = token.lower_
    if rules.on("not_only_but") and scalar_not(token):
        return None
    if token.dep_ == "neg" or lower in NEGATIONS and token.dep_ in ("advmod", "det", "preconj", "cc"):
        return "not"
    if lower == "'d" and rules.on("contracted_had") and contracted_had(token):
        return None  # "she'd raised" is "she had raised": a tense, not a modal
    if token.tag_ == "MD" and lower in MODALS:
        return MODALS[lower]
    if lower in HEDGE_ADVERBS and token.dep_ == "advmod":
        return lower
    return None


def _governing(verb: Token, content: set[int]) -> list[Token]:
    """The modal, negation and hedge words that govern a verb: its own, those of the verb it is coordinated with
    when it borrows them ("could raise prices and cut jobs"), of the verb whose plan or expectation it is
    ("plans to build"; "became the first to ban"), and of the clause a trailing participle hangs on."""
    found: list[Token] = []
    node, own = verb, True
    while True:
        for child in node.children:
            if child.i in content and marker(child) and (own or child.i < node.i):
                found.append(child)
        for argument in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and own):
            found += [d for d in argument.children if d.dep_ == "det" and d.lower_ == "no" and d.i in content]
        head = node.head
        if head.i == node.i or head.i not in content:
            return found
        if node.dep_ == "conj" and _shares_auxiliaries(node):
            node, own = head, False  # "could raise prices and cut jobs": "cut" shares "could"
        elif node.dep_ == "xcomp" or node.dep_ == "advcl" and node.tag_ == "VBG" and not _marked(node):
            if head.lemma_.lower() in HEDGE_HEADS and node.dep_ == "xcomp":
                found.append(head)  # "plans to build": the plan is part of what is claimed
            node, own = head, True
        elif node.dep_ in ("acl", "relcl") and _infinitive(node) and head.dep_ in ("attr", "dobj", "nsubj"):
            node, own = head.head, True  # "could become the first country to ban straws"
        else:
            return found


def _negative_phrases(verb: Token, content: set[int]) -> list[Token]:
    """The "no" of a phrase that negates a clause (rule negative_phrase): "in no way did it …", "under no
    circumstances will …"; a phrase on a word above the verb, before it, reaches it too: "At no time was I aware of
    or took part in …" negates "took part" (however the parser hangs the conjunct)."""
    if not rules.on("negative_phrase"):
        return []
    found: list[Token] = []
    for node in (verb, *verb.ancestors):
        for prep in node.children:
            if prep.dep_ != "prep" or prep.i not in content or node is not verb and prep.i > verb.i:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found += [d for d in obj.children if d.dep_ == "det" and d.lower_ == "no" and d.i in content]
    return found


DENIAL_VERBS = {"deny", "dispute", "refute", "disavow", "reject"}


def lost_in_report(verb: Token, content: Iterable[int]) -> list[str]:
    """What the verb reporting a statement says of its truth that a claim of the statement alone would lose: its
    modal, negation or hedge ("Ivo Brandt could not confirm that …"), or the verb itself when it denies what it
    reports ("the bank denies that it sold the mill": rule denied_statement)."""
    scope = set(content)
    lost = [t.text for t in verb.children if marker(t) and t.i not in scope]
    if rules.on("denied_statement") and verb.lemma_.lower() in DENIAL_VERBS and verb.i not in scope:
        lost.append(verb.text)
    return lost


def _shares_auxiliaries(verb: Token) -> bool:
    """A conjunct with no subject or auxiliary of its own, in a form that can follow its head's modal: "could
    close and cut jobs" ("cut" may be tagged past), not "could not pay and filed for bankruptcy"."""
    if any(c.dep_ in ("aux", "auxpass", *SUBJECT_DEPS) for c in verb.children):
        return False
    return verb.tag_ in ("VB", "VBN", "VBG") or verb.lower_ == verb.lemma_.lower()


def _marked(verb: Token) -> bool:
    return any(c.dep_ == "mark" for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def lost_modality(doc: Doc, claim_ids: Iterable[int], claim_text: str, content: Iterable[int]) -> list[str]:
    """The modal, negation and hedge words of the source that govern a verb of the claim and that the claim's
    text no longer has ("could face" written "faces"; "did not sign" written "signed"). `claim_ids`: the article
    tokens the claim was written from; `content`: the statement's tokens (what the sentence asserts or reports)."""
    ids = set(claim_ids)
    scope = set(content)
    spoken = claim_text.casefold().replace("\u2019", "'")
    spoken = re.sub(r"(n't|'d|'ll)\b", r" \1", spoken)  # "can't" -> "ca n't", "they'd" -> "they 'd"
    words = set(_WORD.findall(spoken))
    said_modals = {MODALS[w] for w in words if w in MODALS} | ({"can"} if "cannot" in words else set())
    said_negation = bool(words & (NEGATIONS | {"n't"}))
    lost: list[str] = []
    for verb in (doc[i] for i in sorted(ids)):
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass"):
            continue
        for word in _governing(verb, scope) + _negative_phrases(verb, scope):
            kind = marker(word) or word.lemma_.lower()
            if kind == "not":
                missing = not said_negation
            elif kind in MODALS.values():
                missing = kind not in said_modals
            elif kind in HEDGE_ADVERBS:
                missing = kind not in words
            else:  # a plan or expectation: the governing verb itself
                missing = word.i not in ids and word.lower_ not in words
            written = MODALS[word.lower_] if word.lower_ in ("ca", "wo") else word.text  # "ca" of "can't"
            if missing and written not in lost:
                lost.append(written)
    return lost
