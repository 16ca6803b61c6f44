"""The learned gate of the policy stage: the check-worthiness model has a say in which sentences yield a claim.

The hand-written policy (checkworthiness.plain_statement, the first-person rules, the undecomposed fallback) turns
down a sentence for its form: an opinion verb, a hedge, a first person without a figure. Fact-checkers' labels
disagree with it often enough (a debater's "I voted against that war" with nothing the rules count as a record).
Rule `checkworthy_sentence`: a declarative sentence none of whose clauses became a claim, but which the model
(checkworthiness.probability, the very score the claim would carry) puts at or above KEEP, becomes one claim in
the article's own words, as the undecomposed fallback writes a sentence (sure pronouns and aliases resolved, nothing
decomposed or rewritten), marked "not decomposed", flagged "needs context" by the usual check when it leans on the
article (an unresolved pronoun, a first person, "the <noun>" never introduced). What stays the rules' say: its form
(`declarative`), whether it reads alone at all (an opening "it" or "this" nothing resolved drops it as anywhere
else, rule drop_unresolved), and what they refuse for what it is (`refused`: a promise, a judgement, ...).

Cost: such a sentence is embedded once more than before, in the same batch as the article's claims (score_claims);
one the model turns down is not stored. The pipeline builds the candidate (pipeline.whole_sentence, which knows
how a claim is written); this module says which sentences may be one and which candidates are kept.

KEEP is chosen out of fold on ClaimBuster (bench/checkworthiness.py --only pipeline --fold all): each fold's debate
sentences are extracted with a model fitted without that fold, and KEEP is the threshold that maximises the share of
check-worthy sentences yielding a claim minus the share of the others doing so (Youden's J on the yield), over the
pooled out-of-fold sentences; the bench also picks it on four folds and applies it to the fifth, to show the choice
holds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from . import checkworthiness, fragments, reporting_gaps, rules
from .cleaning import normalise_for_matching
from .lexicon import SUBJECT_DEPS
from .types import Claim

KEEP = 0.4  # see the docstring: chosen out of fold by bench/checkworthiness.py --only pipeline --fold all
RULE = "checkworthy_sentence"
FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}


class GatedSentence(Claim):
    """A sentence that is a claim only if the model scores it at or above KEEP (`admitted` decides): the claim
    keeps this type, so that what the gate added can be told apart (bench/checkworthiness.py)."""


def declarative(tokens: Sequence[Token]) -> bool:
    """A statement with a subject and a finite verb, neither a question, nor a subordinate clause left alone ("If the
    cabins need …"), nor a list of links: the form a claim can take, whatever the policy made of its content."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    return (
        bool(words)
        and any(t.dep_ in SUBJECT_DEPS for t in words)
        and any(t.tag_ in FINITE_TAGS for t in words)
        and not any(t.text == "?" for t in tokens)
        and not any(t.like_url or t.like_email for t in words)
        and not fragments.dangling_subordinate(list(tokens))
    )


def refused(tokens: Sequence[Token]) -> bool:
    """What the rules turn down for what it is, not for how it is worded, and the model does not overrule: a promise or
    plan of the speaker ("we will cut …", "we are going to …"), a "you" with a modal (advice, the generic reader), a
    judgement ("the talks were fruitful"), advice or emphasis ("it is possible that …", "it is important to …"), a
    verb of saying without what was said ("she vowed in a message")."""
    ids = {t.i for t in tokens}
    return (
        any(fragments.promise(t, tokens) for t in tokens)
        or (rules.on("speaker_agenda") and fragments.speaker_agenda(tokens))
        or (any(t.tag_ == "MD" for t in tokens) and any(t.lower_ in ("you", "your") for t in tokens))
        or any(checkworthiness.evaluation(t) and not checkworthiness.quoted(t) for t in tokens)
        or any(checkworthiness.recommendation(t) for t in tokens)
        or any(checkworthiness.speech_without_content(t, ids) for t in tokens)
        or any(reporting_gaps.withheld(t, ids) for t in tokens)
    )


def gated(claim: Claim) -> GatedSentence:
    return GatedSentence(**{f.name: getattr(claim, f.name) for f in dataclasses.fields(claim)})


def admitted(claims: list[Claim], *, keep: float | None = None) -> list[Claim]:
    """The scored claims without the candidates the model put below `keep` (KEEP by default) or that repeat a claim
    kept from elsewhere in the article."""
    threshold = KEEP if keep is None else keep
    taken = {normalise_for_matching(c.text) for c in claims if not isinstance(c, GatedSentence)}
    out: list[Claim] = []
    for claim in claims:
        if isinstance(claim, GatedSentence):
            key = normalise_for_matching(claim.text)
            if claim.checkworthiness < threshold or key in taken:
                continue
            taken.add(key)
        out.append(claim)
    return out
