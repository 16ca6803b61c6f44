"""Word lists the stages share: one list of subject dependencies and one of reporting verbs."""

from __future__ import annotations

from . import rules

# every dependency label of a clause's subject; NOMINAL_SUBJECT_DEPS: a noun phrase that can be a referent
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
NOMINAL_SUBJECT_DEPS = ("nsubj", "nsubjpass")

# the tags of a finite verb (spaCy's PTB tags); `finite` also counts the tagger's slips
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


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


def plural(noun) -> bool:
    """A plural noun, or a noun with conjuncts ("the boat and the bells")."""
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


# verbs that report what someone said or wrote: "X said …", "…, X added", "according to X"
REPORTING_VERBS = frozenset({
    "say", "tell", "write", "add", "state", "claim", "announce", "report", "quote", "note", "confirm", "deny",
    "vow", "predict", "pledge", "warn", "insist", "argue", "declare", "explain", "reply", "respond", "allege",
    "suggest", "comment", "tweet", "post", "notify", "stress", "emphasise", "emphasize", "acknowledge", "admit",
    "assert", "maintain", "reveal", "disclose", "inform", "promise", "conclude",
})  # fmt: skip
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
