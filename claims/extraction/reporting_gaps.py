"""What someone did not tell the reporter is no claim (rule no_comment, policy stage).

"The ministry declined to comment.", "The company did not immediately respond to a request for comment.", "Police
did not say when the road would reopen.", "The agency did not identify the suspects." report a gap in the reporting,
not a fact about the world: nobody checks them, and in the queue they sit among the facts. Such a clause gives no
claim, as a verb of saying without what was said gives none (checkworthiness.speech_without_content).

What stays a claim: a denial or a statement about what someone did or did not say with its content ("The minister
did not say that taxes would rise" is a claim about her words, the kind fact-checkers check), and the present
tense of a document's content ("The law does not specify a minimum wage").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import rules

RULE = "no_comment"
# "declined to …", "refused to …": whatever they declined to say is not said
DECLINING = {"decline", "refuse"}
DECLINED = {"comment", "say", "elaborate", "discuss", "disclose", "identify", "specify", "name", "reveal", "confirm",
            "answer", "respond", "give", "provide", "explain", "detail", "speculate"}  # fmt: skip
# "did not respond", "did not immediately comment": not answering, whatever the object
NOT_ANSWERING = {"respond", "reply", "comment", "elaborate", "speculate"}
# "did not say when …", "did not identify the suspects": withholding unless a clause says what (a claim about words)
NOT_TELLING = {"say", "identify", "disclose", "specify", "name", "reveal", "explain", "detail"}
# "did not provide any details": the thing not given is information
NOT_GIVING = {"give", "provide", "offer", "release"}
INFORMATION = {"detail", "information", "comment", "explanation", "reason", "figure", "number", "timeline",
               "breakdown", "estimate", "evidence", "response", "answer"}  # fmt: skip
# an unanswered request, question or call ("did not reply to our emails"), not "did not respond to the attack"
REQUESTS = {"request", "question", "message", "call", "email", "e-mail", "inquiry", "query", "comment", "letter"}
WH_WORDS = {"what", "when", "where", "why", "how", "who", "whom", "whose", "which", "whether", "if"}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _past_or_modal(verb: Token) -> bool:
    """ "did not say", "has not said", "would not say": a moment of not telling, not a document's content."""
    return verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ in ("VBD", "MD") or c.lemma_ == "have") for c in verb.children
    )


def _says_what(verb: Token, ids: set[int]) -> bool:
    """A clause of what was (not) said, other than a wh-question: "did not say that taxes would rise"."""
    for child in verb.children:
        if child.i in ids and child.dep_ in ("ccomp", "parataxis"):
            opener = child.left_edge
            if opener.lower_ not in WH_WORDS and not any(t.lower_ in WH_WORDS and t.i < child.i for t in child.subtree):
                return True
    return False


def _to_the_reporter(verb: Token) -> bool:
    """No answer to the reporter: nothing answered, or a request, a question or a call, and no "with …"/"by …" of a
    response in deed."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ in ("with", "by"):
            return False
        if prep.lower_ == "to" and not any(o.lemma_.lower() in REQUESTS for o in prep.children if o.dep_ == "pobj"):
            return False
    return True


def withheld(token: Token, ids: set[int]) -> bool:
    """Whether `token` is the main verb of a clause saying someone declined or failed to tell the reporter."""
    if not rules.on(RULE) or token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("ROOT", "conj"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i in ids for c in token.children):
        return False
    if token.lemma_ in DECLINING:
        return any(c.dep_ == "xcomp" and c.lemma_ in DECLINED for c in token.children)
    if not _negated(token):
        return False
    if token.lemma_ in NOT_ANSWERING:
        return _to_the_reporter(token)
    if token.lemma_ in NOT_TELLING:
        return _past_or_modal(token) and not _says_what(token, ids)
    if token.lemma_ in NOT_GIVING:
        return _past_or_modal(token) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in INFORMATION for c in token.children
        )
    return False
