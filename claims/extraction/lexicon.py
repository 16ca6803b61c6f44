"""Word lists the stages share: one list of subject dependencies and one of reporting verbs."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from . import rules

# every dependency label of a clause's subject; NOMINAL_SUBJECT_DEPS: a noun phrase that can be a referent
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
NOMINAL_SUBJECT_DEPS = ("nsubj", "nsubjpass")

# the tags of a finite verb (spaCy's PTB tags); `finite` also counts the tagger's slips
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})  # which, who, whose, how: a question's or a relative's opener


def finite(token) -> bool:
    """A finite verb, or a past the tagger took for a participle ("The bridge reopened" as VBN) that heads its own
    subject with no auxiliary. (A base form so ("40 percent of the farms grow wheat" as VB) is not counted: it also
    lets in imperatives with a vocative and gapped conjuncts that lost their modal, "the top speed be …".)"""
    if token.tag_ in FINITE_TAGS:
        return True
    return (
        token.tag_ == "VBN"
        and any(c.dep_ == "nsubj" for c in token.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


# verbs of saying whose object is whom it was said to ("told the council", "briefed reporters")
TELLING_VERBS = frozenset({"tell", "inform", "assure", "reassure", "brief", "remind", "notify"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})  # the hyphens a word is written with ("co-author")


def amount(token) -> bool:
    """A noun phrase of quantity hung on a verb as its measure ("added 20 points", "rose 3 percent")."""
    return token.dep_ == "npadvmod" and any(n.like_num for n in token.subtree)


def plural(noun) -> bool:
    """A plural noun, or a noun with conjuncts ("the boat and the bells")."""
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


# verbs that report what someone said or wrote: "X said …", "…, X added", "according to X"
REPORTING_VERBS = frozenset({
    "say", "tell", "write", "add", "state", "claim", "announce", "report", "quote", "note", "confirm", "deny",
    "vow", "predict", "pledge", "warn", "insist", "argue", "declare", "explain", "reply", "respond", "allege",
    "suggest", "comment", "tweet", "post", "notify", "stress", "emphasise", "emphasize", "acknowledge", "admit",
    "assert", "maintain", "reveal", "disclose", "inform", "promise", "conclude", "recount", "recall", "testify",
    "concede", "contend", "reiterate", "boast",
})  # fmt: skip
# finite forms that show the subject's number
SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})
PLURAL_VERBS = frozenset({"are", "were", "have", "do"})
# adverbs that hedge the verb they modify: a claim of that verb keeps them (faithfulness.lost_modality)
HEDGE_ADVERBS = {
    "reportedly",
    "allegedly",
    "possibly",
    "probably",
    "likely",
    "apparently",
    "perhaps",
    "maybe",
    "supposedly",
    "purportedly",
    "potentially",
    "presumably",
    "seemingly",
}
# verbs of belief that also frame what follows as someone's statement ("…, the minister believes")
BELIEF_VERBS = frozenset({"think", "believe"})
# what a speaker perceived, learned or went through, and light verbs whose meaning is in their object ("we had a
# debate", "I took on that fight"): a first-person past with one of these tells of the speaker, not of a record
EXPERIENCE_VERBS = frozenset({
    "see", "hear", "watch", "notice", "know", "learn", "realize", "realise", "remember", "forget", "understand",
    "talk", "speak", "mention", "ask", "feel", "think", "believe", "want", "hope", "love", "like", "enjoy",
})  # fmt: skip
LIGHT_VERBS = frozenset({"be", "have", "get", "take", "make", "do", "go", "come", "keep"})


def has_subject(tokens, deps=SUBJECT_DEPS) -> bool:
    """The clause has a subject: a subject's own token, or a later conjunct of one that noun_coordination kept
    alone ("The Tessaly ferry carries …" out of "The Lanzo ferry and the Tessaly ferry carry …")."""
    for token in tokens:
        if token.dep_ in deps:
            return True
        if token.dep_ == "conj" and rules.on("conjunct_subject"):
            first = token
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            # a noun phrase of its own ("the Tessaly bus", "Tessaly", "pears"), not a word that only looks like one
            # ("the province west and upwind of Lanzo")
            own = (
                token.pos_ == "PROPN"
                or token.tag_ in ("NNS", "NNPS")
                or any(c.dep_ in ("det", "poss") for c in token.children)
            )
            if (
                first.dep_ in NOMINAL_SUBJECT_DEPS
                and first.pos_ in ("NOUN", "PROPN")
                and token.pos_ in ("NOUN", "PROPN")
                and own
            ):
                return True
    return False


# the entity labels of names: a name keeps its capital wherever it is written
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
# closed classes: such a word is never a name by itself
_FUNCTION_WORDS = frozenset({"DET", "PRON", "ADP", "NUM", "PART", "CCONJ", "SCONJ"})
_OPENING_PUNCT = frozenset({'"', "'", "\u201c", "\u2018", "(", "[", "``", "-", "\u2014", "\u2013"})


def opening_capital(token) -> bool:
    """The word has its capital only because it opens its sentence (or its paragraph, or a quotation that does): a
    determiner or a possessive ("The", "His"), or an adjective or adverb of the dictionary ("So-called", "Arguably")
    that the article does not also write with a capital inside a sentence. Not a name, an acronym or "I"; not a
    noun, which may be a name the tagger did not class ("Ring cameras"), nor an adjective made from a name
    ("Nordic"). Written inside another sentence, such a word is lower-cased ("Ferries leave the harbour hourly")."""
    text = token.text
    if not text[:1].isupper() or any(c.isupper() for c in text[1:]) or text == "I" or token.ent_type_ in _NAMED:
        return False
    if token.pos_ not in _FUNCTION_WORDS and not (token.pos_ in ("ADJ", "ADV") and _common_word(token)):
        return False
    first, doc = token.i, token.doc
    while first > 0 and not doc[first].is_sent_start and doc[first - 1].text in _OPENING_PUNCT:
        first -= 1
    return doc[first].is_sent_start or (first > 0 and doc[first - 1].is_space and "\n" in doc[first - 1].text)


def _common_word(token) -> bool:
    """A word of lemminflect's dictionary, each part of it when hyphenated, that the article writes with a capital
    only at sentence starts."""
    if not all(part and _in_dictionary(part) for part in token.lower_.split("-")):
        return False
    inside = _words_inside_sentences(token.doc)[token.text] - (0 if token.is_sent_start else 1)
    return inside <= 0


@lru_cache(maxsize=65536)
def _in_dictionary(word: str) -> bool:
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))


def _words_inside_sentences(doc) -> Counter:
    """How often each word is written other than at a sentence start, counted once per parse (a scan per word
    made long articles quadratic)."""
    key = "factcheck_words_inside_sentences"
    counts = doc.user_data.get(key)
    if counts is None:
        counts = doc.user_data[key] = Counter(t.text for t in doc if not t.is_sent_start)
    return counts


def phrase_text(tokens) -> str:
    """The words of a phrase lifted from the article to be written inside a claim (for a pronoun, a description, a
    name's description): as written, but for a first word capitalised only by its sentence's start."""
    text = "".join(t.text_with_ws for t in tokens).strip()
    if tokens and opening_capital(tokens[0]):
        return text[:1].lower() + text[1:]
    return text
