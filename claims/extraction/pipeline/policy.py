"""What may become a claim: a plain statement, or a first- or second-person one with something to check against a
record; not one opening with a pronoun nothing resolved. A quoted "I" is written as the named speaker."""

from __future__ import annotations

from .. import checkworthiness, fragments, readability, rules
from ..decomposition.clause import inflect
from ..lexicon import has_subject
from .context import DocContext
from .statements import Statement

UNRESOLVED_OPENERS = {
    "he",
    "she",
    "it",
    "they",
    "this",
    "these",
    "those",
    "that",
    "him",
    "them",
    "his",
    "her",
    "its",
    "their",
}
DEMONSTRATIVES = {"this", "that", "these", "those"}  # "This decision will …": which decision?
PERSON_OPENERS = {"he", "she", "they"}


def unresolved_opening(ctx: DocContext, sent, tokens) -> bool:
    """The claim opens with a pronoun or (inside a quotation running over sentences) a demonstrative that nothing
    resolved: "This came two days after …" (what came?)."""
    opening = next((t for t in tokens if not t.is_punct), None)
    if opening is None or opening.i in ctx.pronouns or opening.i in ctx.replacements:
        return False
    if opening.pos_ == "PRON" and opening.lower_ in UNRESOLVED_OPENERS:
        # "He voted for the 2019 budget": a statement about a person, kept and flagged "needs context"
        if opening.lower_ in PERSON_OPENERS and rules.on("keep_person_pronoun_claims"):
            return False
        # "It cost 40 million euros in 2019", "This is the worst year on record": a figure or a superlative to check
        return not (rules.on("keep_figure_pronoun_claims") and fragments.figure_or_superlative(tokens))
    # inside a quotation running over sentences, "this decision" points at what the speaker said
    # before; an article's own "These waves …" is usually resolved or plain enough to read alone
    return sent.start in ctx.quoted and opening.pos_ == "DET" and opening.lower_ in DEMONSTRATIVES


def is_statement(tokens, *, copula: bool, attributed: bool) -> bool:
    """A plain declarative statement (checkworthiness.plain_statement); with `first_person_claims` on, a first- or
    second-person one too ("We cut the tax twice", a debater's "You cut the school budget by 20 percent"), judged
    without those words: an opinion, a hedge or advice is still not a claim, nor a promise ("we will …"), nor a
    "you" with a modal ("you can …": advice or the generic reader), nor a line with no figure, date or name."""
    if checkworthiness.plain_statement(tokens, copula=copula, attributed=attributed):
        return True
    first = [t for t in tokens if t.lower_ in readability.FIRST_PERSON | {"you", "your"} and t.pos_ == "PRON"]
    if not first or not rules.on("first_person_claims") or copula:
        return False
    if any(t.tag_ == "MD" for t in tokens) and any(t.lower_ in ("you", "your") for t in first):
        return False
    if any(fragments.promise(t, tokens) for t in tokens):
        return False
    if rules.on("speaker_agenda") and fragments.speaker_agenda(tokens):
        return False  # "We are going to cut …", "we can win …", "we need more buses": a plan, not a record
    if not (
        any(t.ent_type_ in CHECKABLE_LABELS or t.like_num for t in tokens if t not in first)
        or rules.on("first_person_comparison")
        and fragments.comparison(tokens)
        or rules.on("first_person_record")
        and fragments.past_record(tokens)
    ):
        return False  # "We get the job done": nothing in it to check against a record
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    subject = has_subject(tokens)
    rest = [t for t in tokens if t not in first]
    return bool(verbs) and subject and checkworthiness.plain_statement(rest, copula=True, attributed=True)


# a first-person statement is checked against a record: a figure, a date, a named person, place, body or law
CHECKABLE_LABELS = {
    "CARDINAL",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "DATE",
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LAW",
    "EVENT",
    "LOC",
}


def first_person_rewrite(doc, tokens, statement: Statement) -> dict[int, str]:
    """ "I cut the tax twice," said Ana Ruiz -> "Ana Ruiz cut the tax twice": a quoted "I" (me, my) becomes the
    named speaker, with the verb made third person. Only a person the article names for this statement; "we"
    is left as written (who "we" are is not sure) and the claim is flagged."""
    speaker = statement.speaker
    names = [t for t in statement.speaker_tokens if t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and not t.ent_type_]
    if (
        not speaker
        or not statement.quote
        or not names
        or any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in statement.speaker_tokens)
    ):
        return {}
    out: dict[int, str] = {}
    for token in tokens:
        if token.text == "I" and token.dep_ in ("nsubj", "nsubjpass"):
            out[token.i] = speaker
            verb = token.head
            aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
            finite = aux if aux is not None and aux.i > token.i else verb
            if finite.lower_ in ("am", "'m"):
                out[finite.i] = "is"
            elif finite.lower_ in ("have", "'ve"):
                out[finite.i] = "has"
            elif finite.lower_ == "do":
                out[finite.i] = "does"
            elif finite.tag_ == "VBP":
                out[finite.i] = inflect(finite.lemma_, past=False, plural=False)
        elif token.lower_ in ("me", "myself") and token.pos_ == "PRON":
            out[token.i] = speaker
        elif token.lower_ == "my" and token.pos_ == "PRON":
            out[token.i] = speaker + ("'" if speaker.endswith("s") else "'s")
    return out
