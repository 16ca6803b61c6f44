"""Word lists the stages share: one list of subject dependencies and one of reporting verbs."""

from __future__ import annotations

# every dependency label of a clause's subject; NOMINAL_SUBJECT_DEPS: a noun phrase that can be a referent
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
NOMINAL_SUBJECT_DEPS = ("nsubj", "nsubjpass")

# verbs that report what someone said or wrote: "X said …", "…, X added", "according to X"
REPORTING_VERBS = frozenset({
    "say", "tell", "write", "add", "state", "claim", "announce", "report", "quote", "note", "confirm", "deny",
    "vow", "predict", "pledge", "warn", "insist", "argue", "declare", "explain", "reply", "respond", "allege",
    "suggest", "comment", "tweet", "post", "notify", "stress", "emphasise", "emphasize", "acknowledge", "admit",
    "assert", "maintain", "reveal", "disclose", "inform", "promise", "conclude",
})  # fmt: skip
# verbs of belief that also frame what follows as someone's statement ("…, the minister believes")
BELIEF_VERBS = frozenset({"think", "believe"})
