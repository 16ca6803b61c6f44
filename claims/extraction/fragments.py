"""What is not a statement, or what makes an unresolved one still worth keeping, judged on spaCy tokens.

- `dangling_subordinate`: a subordinate clause left without its main clause, a "that" whose clause is missing, or
  a claim that would open with its finite verb (rule dangling_subordinate);
- `figure_or_superlative`: an amount or a superlative to check (rule keep_figure_pronoun_claims);
- `past_record`: a past action done to something, checkable against a record (rule first_person_record).
"""

from __future__ import annotations

from . import rules
from .lexicon import SUBJECT_DEPS

SUBORDINATORS = {"if", "whether", "because", "although", "though", "unless", "since", "when", "while", "whereas"}


def dangling_subordinate(tokens) -> bool:
    """A subordinate clause left without its main clause ("If the cabins need to be booked …"), or a "that" whose
    clause is missing ("X has reported that for his role …"): a fragment, not a statement."""
    if not rules.on("dangling_subordinate"):
        return False
    words = [t for t in tokens if not t.is_punct]
    ids = {t.i for t in words}
    if not words:
        return False
    first = words[0]
    lead = next((t for t in words if t.dep_ not in ("cc", "advmod", "intj")), first)  # past "So", "And", "Also"
    if (
        lead.tag_ in ("VBZ", "VBD", "VBP", "MD")
        and lead.dep_ in ("ROOT", "aux", "auxpass")
        and not any(t.dep_ in SUBJECT_DEPS and t.i < lead.i for t in words)
    ):
        return True  # "So is coal power": the claim would read "Is coal power.", a garbled inversion
    verb = first.head
    if (
        first.lower_ in SUBORDINATORS
        and first.dep_ == "mark"
        and verb.i in ids
        and (verb.head.i == verb.i or verb.head.i not in ids)
    ):
        # the subordinate clause's verb heads the claim, and no subject of that verb after a comma shows a main
        # clause ("If X, Y" is at times parsed with "if" on Y's verb): nothing it is subordinate to is left
        comma = next((t.i for t in tokens if t.text == ","), None)
        if comma is None or not any(t.dep_ in SUBJECT_DEPS and t.head.i == verb.i and t.i > comma for t in tokens):
            return True
    return any(
        t.lower_ == "that" and t.pos_ == "SCONJ" and not any(w.i > t.i and w.pos_ in ("VERB", "AUX") for w in words)
        for t in words
    )


FIGURE_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


def figure_or_superlative(tokens) -> bool:
    """An amount or a superlative to check ("cost 40 million euros", "the largest since 1950"); a span of time
    alone ("This came two days after …") is not one: it says when, not what."""
    return any(t.ent_type_ in FIGURE_LABELS or t.tag_ in ("JJS", "RBS") for t in tokens)


def past_record(tokens) -> bool:
    """A past action done to something ("We never raised the sales tax", "I supported the tobacco ban"): a record
    can tell, even with no figure or name in it. A past state or feeling ("we were proud") is not one."""
    return any(
        t.tag_ == "VBD"
        and t.pos_ == "VERB"
        and t.lemma_ not in ("be", "have", "feel", "think", "believe", "want", "hope", "love", "like")
        and any(c.dep_ in ("dobj", "prep") for c in t.children)
        or t.tag_ == "VBN"
        and t.pos_ == "VERB"
        and any(c.lemma_ == "have" and c.dep_ == "aux" for c in t.children)
        and any(c.dep_ in ("dobj", "prep") for c in t.children)
        for t in tokens
    )
