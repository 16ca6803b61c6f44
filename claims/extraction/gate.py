"""The learned gate of the policy stage: the check-worthiness model has a say in which sentences yield a claim.

The hand-written policy (checkworthiness.plain_statement, the first-person rules, the undecomposed fallback) turns
down a sentence for its form: an opinion verb, a hedge, a first person without a figure. Fact-checkers' labels
disagree with it often enough (a debater's "I voted against that war" with nothing the rules count as a record).
Rule `checkworthy_sentence`: a declarative sentence none of whose clauses became a claim, but which the model
(checkworthiness.probability, the very score the claim would carry) puts at or above KEEP, becomes one claim in
the article's own words, as the undecomposed fallback writes a sentence (sure pronouns and aliases resolved, nothing
decomposed or rewritten), marked "not decomposed", flagged "needs context" by the usual check when it leans on the
article (an unresolved pronoun, a first person, "the <noun>" never introduced). What stays the rules' say: its form
(`declarative`) and a sentence that claims nothing about the world (`never_a_claim`: advice, "declined to comment",
a verb of saying without what was said).

Two lines of their own for sentences the rules drop elsewhere. Rule `checkworthy_unresolved_opener`: a sentence
opening with a pronoun or demonstrative nothing resolved ("It cut the wool tax in 2019."; dropped anywhere else, rule
drop_unresolved) is kept, in its own words and flagged "needs context", at or above KEEP_UNRESOLVED, when the opener
is all it lacks (with another gap, an editor would have to rebuild the claim from its article). Rule
`checkworthy_refused`: a sentence the rules refuse for what it is (`refused`: a promise, a plan, a judgement),
whose words often carry a record all the same ("I would add that we cut the wool tax twice", "we cannot ignore that
youth unemployment is at 40 percent"), is kept at or above KEEP_REFUSED. Each costs an editor more than a plain
sentence (a look at its context, or at whether a fact is in it), so each line may be stricter than KEEP, never
laxer; each is chosen the way KEEP is (below), with the others as shipped, and both choices are KEEP itself today.

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
from typing import ClassVar

from spacy.tokens import Token

from . import checkworthiness, fragments, reporting_gaps, rules
from .cleaning import normalise_for_matching
from .lexicon import SUBJECT_DEPS, finite
from .types import Claim

# each chosen out of fold by bench/checkworthiness.py --only pipeline --fold all (see the docstring)
KEEP = 0.4
KEEP_UNRESOLVED = 0.4  # a sentence opening with a pronoun nothing resolved (the pooled choice is KEEP itself)
KEEP_REFUSED = 0.4  # a sentence the rules refuse for what it is (the same)
RULE = "checkworthy_sentence"
UNRESOLVED_RULE = "checkworthy_unresolved_opener"
REFUSED_RULE = "checkworthy_refused"
RULES = frozenset({RULE, UNRESOLVED_RULE, REFUSED_RULE})  # every way the model keeps a sentence the rules did not


class GatedSentence(Claim):
    """A sentence that is a claim only if the model scores it at or above its kind's line (`admitted` decides): the
    claim keeps this type, so that what the gate added can be told apart (bench/checkworthiness.py)."""

    kind: ClassVar[str] = "plain"


class GatedUnresolved(GatedSentence):
    """A gated sentence that opens with a pronoun nothing resolved (rule checkworthy_unresolved_opener)."""

    kind: ClassVar[str] = "unresolved"


class GatedRefused(GatedSentence):
    """A gated sentence the rules refuse for what it is (rule checkworthy_refused)."""

    kind: ClassVar[str] = "refused"


KINDS = {cls.kind: cls for cls in (GatedSentence, GatedUnresolved, GatedRefused)}


def lines() -> dict[str, float]:
    """Each kind of candidate's line, as shipped."""
    return {"plain": KEEP, "unresolved": KEEP_UNRESOLVED, "refused": KEEP_REFUSED}


def declarative(tokens: Sequence[Token]) -> bool:
    """A statement with a subject and a finite verb, neither a question, nor a subordinate clause left alone ("If the
    cabins need …"), nor a list of links: the form a claim can take, whatever the policy made of its content."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    return (
        bool(words)
        and any(t.dep_ in SUBJECT_DEPS for t in tokens)  # a subject may be a "%" ("94% comes from …"), which is_punct
        and any(finite(t) for t in words)
        and not any(t.text == "?" for t in tokens)
        and not any(t.like_url or t.like_email for t in words)
        and not fragments.dangling_subordinate(list(tokens))
    )


def refused(tokens: Sequence[Token]) -> bool:
    """What the rules turn down for what it is, not for how it is worded: a promise or plan of the speaker ("we will
    cut …", "we are going to …"), a "you" with a modal (the listener's plan, the generic reader), a judgement ("the
    talks were fruitful"). Such a sentence often carries a record all the same ("we cannot ignore that youth
    unemployment is at 40 percent"): the model may overrule it, at KEEP_REFUSED (rule checkworthy_refused)."""
    return (
        any(fragments.promise(t, tokens) for t in tokens)
        or (rules.on("speaker_agenda") and fragments.speaker_agenda(tokens))
        or (any(t.tag_ == "MD" for t in tokens) and any(t.lower_ in ("you", "your") for t in tokens))
        or any(checkworthiness.evaluation(t) and not checkworthiness.quoted(t) for t in tokens)
    )


def never_a_claim(tokens: Sequence[Token]) -> bool:
    """What the model never overrules: advice or emphasis ("it is important to …", "it is possible that …"), a verb
    of saying without what was said ("she vowed in a message"), words withheld ("declined to comment", "did not
    respond to a request"). Nothing about the world is claimed; of 3,000 ClaimBuster sentences (extracted with every
    line at 0), 1 of the 791 check-worthy ones was refused so, and 22 of the 2,209 others."""
    ids = {t.i for t in tokens}
    return (
        any(checkworthiness.recommendation(t) for t in tokens)
        or any(checkworthiness.speech_without_content(t, ids) for t in tokens)
        or any(reporting_gaps.withheld(t, ids) for t in tokens)
    )


def gated(claim: Claim, *, kind: str = "plain") -> GatedSentence:
    return KINDS[kind](**{f.name: getattr(claim, f.name) for f in dataclasses.fields(claim)})


def admitted(claims: list[Claim], *, keep: dict[str, float] | None = None) -> list[Claim]:
    """The scored claims without the candidates the model put below their kind's line (`keep`, kind -> line; the
    shipped `lines()` by default) or that repeat a claim kept from elsewhere in the article."""
    threshold = lines() | (keep or {})
    taken = {normalise_for_matching(c.text) for c in claims if not isinstance(c, GatedSentence)}
    out: list[Claim] = []
    for claim in claims:
        if isinstance(claim, GatedSentence):
            key = normalise_for_matching(claim.text)
            if claim.checkworthiness < threshold[claim.kind] or key in taken:
                continue
            taken.add(key)
        out.append(claim)
    return out
