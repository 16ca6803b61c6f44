"""Check-worthiness: how much a statement is worth an editor's time, as a probability.

The score a claim carries (`score_claims`, the pipeline's ranking stage) is `probability`: a logistic regression over
the claim's all-MiniLM-L6-v2 embedding (the vector claim matching stores: a claim is embedded once) and the general
features fact-checkers name (`features`: names, numbers, dates, tense, comparison, person, modality, opinion,
hedges, questions, length), fitted on human labels (ClaimBuster, CLEF-2018) by train_checkworthiness.py, then
calibrated, so 0.6 means about six in ten such statements are check-worthy. The fitted numbers ship as
data/checkworthiness_model.json with the sha256 of their data and their cross-validated figures; scoring is
numpy only. `signals` says, in words, which two or three things push a claim's score most.

`score` is the older hand-set score (weights set by reasoning); it stays as one of the features. The queue's
bands and the "not check-worthy" threshold are in claims/bands.py. What a claim is, is not decided here by the
score: `plain_statement` decides (a plain declarative statement is a claim whatever its score).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from claims.bands import NOT_A_FACT, NOT_CHECKWORTHY

from . import parallel_facts, reporting_gaps, rules
from .lexicon import TELLING_VERBS, amount, has_subject

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
NUMBER_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
DATE_LABELS = {"DATE", "TIME"}
FIRST_SECOND_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"}
FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours"}
FIRST_PERSON_PRONOUNS = {"i", "me", "we", "us"}  # "our solar system" is a generic possessive, "help us" is not
MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll"}
OPINION_LEMMAS = {
    "think", "believe", "feel", "hope", "wish", "want", "love", "like", "hate", "guess", "suppose", "expect",
    "look", "seem", "deserve", "thank", "welcome", "congratulate", "agree", "disagree", "imagine",
}  # fmt: skip
EVALUATIVE = {
    "great", "good", "bad", "best", "worst", "terrible", "wonderful", "amazing", "tremendous", "beautiful",
    "disaster", "incredible", "fantastic", "horrible", "awful", "excellent", "fruitful", "stupid", "sad",
    "unfair", "ridiculous", "nice", "happy", "proud", "shame", "disgrace", "fair", "right", "wrong",
    "difficult", "worth", "interesting", "unclear", "impossible", "hard", "remarkable",
}  # fmt: skip

THRESHOLD = (
    NOT_CHECKWORTHY  # below it a claim is still a claim (plain_statement decides), kept out of the default queue
)
MODEL_FILE = Path(__file__).with_name("data") / "checkworthiness_model.json"
SECOND_PERSON = {"you", "your", "yours", "yourself"}
THIRD_PERSON = {"he", "she", "him", "her", "his", "they", "them", "their"}
NEGATIONS = {"not", "n't", "never", "no", "nothing", "nobody"}
HEDGES = {"maybe", "perhaps", "probably", "possibly", "believe", "think", "guess", "frankly", "honestly"}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def score(
    tokens: Sequence[Token],
    *,
    copula: bool = False,
    resolved_names: int = 0,
) -> float:
    """The hand-set check-worthiness of a statement (a feature of the learned model, see features()).
    `resolved_names`: pronouns among the tokens that decontextualisation replaces by a name ("He" -> "Gary Smith");
    `copula`: the claim is built as "X is Y" from a noun phrase (an appositive), so its verb is not among the tokens."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return 0.0
    lower = {t.lower_ for t in words}
    names: set[tuple[int, int]] = set()
    has_number = has_date = False
    for t in words:
        if t.ent_type_ in NAME_LABELS:
            names.add((t.ent_type_, t.ent_iob_ == "B" and t.i or _ent_start(t)))
        elif t.ent_type_ in NUMBER_LABELS or (t.like_num and t.ent_type_ not in DATE_LABELS):
            has_number = True
        elif t.ent_type_ in DATE_LABELS:
            has_date = True
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX")] or ([True] if copula else [])
    past = any(t.tag_ in ("VBD", "VBN") for t in words)
    superlative = any(t.tag_ in ("JJS", "RBS", "JJR") for t in words)
    # Speakers' own plans and feelings ("I look forward", "we will") are not checkable; what someone did
    # ("you called it the gold standard", "my father gave me a loan in 1975") is, so past tense lifts it.
    speaker_subject = any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we") for t in words)
    person = (1.5 if speaker_subject else 0.8) if (lower & FIRST_PERSON and not past) else 0.0
    links = any(t.like_url or t.like_email for t in words)  # a list of sources or contacts, not a statement
    modal = bool(lower & MODALS) or ("going" in lower and "to" in lower)
    opinion = any(opinion_verb(t) and t.dep_ in ("ROOT", "conj", "ccomp") for t in words)
    evaluative = any(t.lower_ in EVALUATIVE for t in words)
    question = any(t.text == "?" for t in tokens)
    declarative = any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in FIRST_SECOND_PERSON for t in words) and any(
        t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in words
    )
    n = len(words)
    x = (
        -1.3
        + 0.75 * min(len(names) + resolved_names, 3)
        + 1.0 * has_number
        + 0.8 * has_date
        + 0.5 * past
        + 0.3 * superlative
        + 0.5 * declarative
        - person
        - 1.5 * links
        - 0.3 * modal
        - 1.0 * opinion
        - 0.6 * evaluative
        - 2.5 * question
        - 2.5 * (not verbs)
        - 1.5 * (n < 5)
        + 0.035 * min(n, 60)
    )
    return round(_sigmoid(x), 4)


def plain_statement(tokens: Sequence[Token], *, copula: bool = False, attributed: bool = False) -> bool:
    """Whether a clause is a claim at all: a declarative statement about the world, with a subject and a verb
    (or an "X is Y" built from an appositive), and none of what editors do not check: a question, an opinion or
    wish ("I think", "we hope"), a hedge ("perhaps"), a recommendation ("should", "it is important to"), an
    evaluation, a speaker-centred statement ("we will", "you can") or a list of links.

    `attributed`: a speaker or source is named; without one, first-person words ("help us restore our
    facilities") are someone's speech with no one to ask about it, not the article's claim.

    This decides what a claim is; `score` only ranks claims (the product's policy: a plain factual statement
    without names or figures, "Copper is more reactive than iron", is still a claim)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    lower = {t.lower_ for t in words}
    # the subject may be a "%" ("94% comes from …"), which spaCy counts as punctuation
    subject_words = [t for t in tokens if not t.is_space and (not t.is_punct or t.dep_ in ("nsubj", "nsubjpass"))]
    if not copula and not (
        has_subject(subject_words, ("nsubj", "nsubjpass", "expl")) and any(t.pos_ in ("VERB", "AUX") for t in words)
    ):
        return False
    return not (
        any(t.text == "?" for t in tokens)
        or any(opinion_verb(t) and not _reported_stance(t) for t in words)
        or any(evaluation(t) and not quoted(t) for t in words)
        or lower & HEDGE_WORDS
        or any(t.lower_ in NORMATIVE_MODALS and t.tag_ == "MD" and not quoted(t) for t in words)
        or any(recommendation(t) for t in words)
        or any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in FIRST_SECOND_PERSON and not quoted(t) for t in words)
        or any(t.like_url or t.like_email for t in words)
        or (not attributed and bool(lower & FIRST_PERSON_PRONOUNS))
        or any(speech_without_content(t, {w.i for w in words}) for t in words)
        or any(reporting_gaps.withheld(t, {w.i for w in words}) for t in words)
    )


SPEECH_VERBS = {"say", "vow", "pledge", "promise", "announce", "state", "claim", "declare", "insist", "warn", "add"}
SPEECH_CONTENT = ("ccomp", "xcomp", "dobj", "dative", "attr", "oprd", "parataxis", "csubj")
# Verbs of telling someone: their object is whom they told ("told the council", "assured reporters"), not what; what
# was told is a clause, "of/about …", or one of TOLD_THINGS (rule addressee_not_content)
TOLD_THINGS = {"story", "lie", "truth", "joke", "tale", "secret", "news"}


def speech_without_content(token: Token, ids: set[int]) -> bool:
    """ "Pushilin vowed in a message on Liberation Day." says that someone vowed but not what: the main verb
    is one of saying or promising and nothing it said (a clause, an object, "to …") is in the claim."""
    # in the passive the addressee is the subject ("investors were told 40 euros a share"): an object is what was told
    telling = (
        token.lemma_ in TELLING_VERBS
        and rules.on("addressee_not_content")
        and not any(c.dep_ == "nsubjpass" for c in token.children)
    )
    if (token.lemma_ not in SPEECH_VERBS and not telling) or token.pos_ != "VERB" or token.dep_ not in ("ROOT", "conj"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i in ids for c in token.children):
        return False
    doc = token.doc

    def said(c: Token) -> bool:
        if c.i not in ids:
            return False
        if telling and c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "advmod"):
            # "told the council": whom; "told a story", "informed the board of the closure", a clause hung anywhere
            # ("told the paper that …", "told reporters at a briefing that …", as the parser may attach it): what
            return (
                c.dep_ in ("dobj", "dative")
                and c.lemma_.lower() in TOLD_THINGS
                or c.dep_ in ("ccomp", "xcomp", "parataxis", "csubj")
                or any(a.dep_ == "prep" and a.lower_ in ("of", "about") for a in (c, *c.children))
                or any(t.i in ids and t.pos_ in ("VERB", "AUX") and t.i != token.i for t in c.subtree)
            )
        if rules.on("reporting_verb_with_object") and amount(c):
            return True  # "the index added 20 points": an amount, what was added
        return (c.dep_ in SPEECH_CONTENT or c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)) and not (
            c.dep_ == "dobj" and c.left_edge.i > token.i + 1 and doc[c.left_edge.i - 1].text == ","
        )  # "vowed … to close the plant" may be parsed as an adverbial clause: it is still what was vowed; an
        # "object" set off by a comma ("vowed in a message on Monday, the state news agency") is a stray source

    return not any(said(c) for c in token.children)


HEDGE_WORDS = {"maybe", "perhaps", "possibly", "arguably", "presumably"}
NORMATIVE_MODALS = {"should", "ought", "must"}
ADVISING_VERBS = {"recommend", "suggest", "advise", "urge", "encourage"}
RECOMMENDING_ADJECTIVES = {
    "important", "essential", "necessary", "crucial", "vital", "advisable", "wise", "helpful", "useful", "critical",
    "imperative", "key", "best", "better", "recommended", "possible",
}  # fmt: skip


def quoted(token: Token) -> bool:
    """Inside quotation marks within its sentence: a title ("Attention Is All You Need") or words someone used
    ("thanked it for its 'great support'"), which the statement reports rather than asserts."""
    sent = token.sent
    return sum(1 for t in token.doc[sent.start : token.i] if t.text == '"') % 2 == 1


TASTE_LEMMAS = {"love", "like", "hate", "feel", "look", "seem"}  # "he loves to ride": a taste, not a position


def _reported_stance(verb: Token) -> bool:
    """ "Pushilin hoped for closer ties": what a named third party felt or wanted, in the past, is a report
    an editor can check; "I hope", "we believe", "experts think" (present) are views."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        verb.tag_ == "VBZ"
        and subject is not None
        and (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she"))
        and verb.lemma_ not in TASTE_LEMMAS
        and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        and rules.on("named_stance")
    ):
        return True  # "Governor Ruiz wants to repeal the wool tax": a named person's stance, on the record
    return (
        verb.tag_ == "VBD"
        and subject is not None
        and subject.lower_ not in FIRST_SECOND_PERSON
        and subject.pos_ in ("PROPN", "NOUN", "PRON")
    )


def evaluation(token: Token) -> bool:
    """An evaluative word used to judge ("the talks were fruitful", "a terrible decision"), not a word that
    happens to be evaluative inside a name or a fixed phrase ("the right to vote", "best-selling")."""
    if token.lower_ not in EVALUATIVE:
        return False
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-":
        return False  # "best-selling"
    if token.dep_ in ("acomp", "attr", "ROOT", "conj"):
        return True
    # a superlative in a noun phrase ranks ("among the finest bakeries in Brenholt"): a checkable standing
    return token.pos_ == "ADJ" and token.tag_ not in ("JJS", "RBS")


def recommendation(token: Token) -> bool:
    """ "It is important to note …", "it is essential that …": advice or emphasis, not a fact about the world; and
    the speaker's own advice, "I recommend checking …", "we would urge readers to …" (not "I recommended", a record
    of what they did, nor a finding put forward, "we suggest that the plumes are weaker than thought")."""
    if token.lemma_.lower() in ADVISING_VERBS and token.pos_ == "VERB" and rules.on("first_person_advice"):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        modal = any(c.tag_ == "MD" and c.lower_ in ("would", "'d", "might", "can", "could") for c in token.children)
        if token.lemma_.lower() == "suggest" and any(
            c.dep_ == "ccomp" and c.tag_ in ("VBZ", "VBD", "VBP", "MD") for c in token.children
        ):
            return False  # "we suggest that the plumes are weaker than thought": a finding put forward, not advice
        return subject is not None and subject.lower_ in ("i", "we") and (token.tag_ == "VBP" or modal)
    if token.lower_ not in RECOMMENDING_ADJECTIVES or token.dep_ not in ("acomp", "attr"):
        return False
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "expl")), None)
    return (
        subject is not None
        and subject.lower_ == "it"
        and any(c.dep_ in ("xcomp", "ccomp") for c in (*token.children, *token.head.children))
    )


def opinion_verb(token: Token) -> bool:
    """ "I think", "we hope": the speaker's view. The passive "are thought to be powered by …" reports what is
    generally held about the world, a checkable statement, not the speaker's opinion."""
    if token.lemma_.lower() not in OPINION_LEMMAS or token.pos_ != "VERB":
        return False
    return not (token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children))


def _ent_start(token: Token) -> int:
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


FEATURES = (
    "names",
    "number",
    "money_or_percent",
    "date",
    "past",
    "comparison",
    "first_person_subject",
    "second_person",
    "third_person",
    "modal",
    "opinion",
    "evaluative",
    "question",
    "no_verb",
    "short",
    "log_length",
    "negation",
    "hedge",
    "declarative",
    "hand_score",
)


def features(tokens: Sequence[Token]) -> list[float]:
    """The general features of a statement, in FEATURES order (what the learned ranking weighs)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return [0.0] * len(FEATURES)
    lower = [t.lower_ for t in words]
    lowered = set(lower)
    names = {_ent_start(t) for t in words if t.ent_type_ in NAME_LABELS}
    number = any(t.ent_type_ in NUMBER_LABELS or (t.like_num and t.ent_type_ not in DATE_LABELS) for t in words)
    money = any(t.ent_type_ in ("MONEY", "PERCENT") or t.text in ("$", "%") for t in tokens)
    return [
        float(min(len(names), 3)),
        float(number),
        float(money),
        float(any(t.ent_type_ in DATE_LABELS for t in words)),
        float(any(t.tag_ in ("VBD", "VBN") for t in words)),
        float(any(t.tag_ in ("JJS", "RBS", "JJR", "RBR") for t in words)),
        float(any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we") for t in words)),
        float(bool(lowered & SECOND_PERSON)),
        float(bool(lowered & THIRD_PERSON)),
        float(bool(lowered & MODALS)),
        float(any(t.lemma_.lower() in OPINION_LEMMAS and t.pos_ == "VERB" for t in words)),
        float(bool(lowered & EVALUATIVE)),
        float(any(t.text == "?" for t in tokens)),
        float(not any(t.pos_ in ("VERB", "AUX") for t in words)),
        float(len(words) < 5),
        math.log1p(len(words)),
        float(bool(lowered & NEGATIONS)),
        float(bool(lowered & HEDGES)),
        float(
            any(t.dep_ in ("nsubj", "nsubjpass") for t in words) and any(t.tag_ in ("VBZ", "VBP", "VBD") for t in words)
        ),
        score(tokens),
    ]


SIGNAL_WORDS = {  # feature -> (what it says when above its average, when below)
    "names": ("names people, places or organisations", "names no one"),
    "number": ("gives a figure", "gives no figure"),
    "money_or_percent": ("an amount of money or a percentage", "no amount or percentage"),
    "date": ("a date", "no date"),
    "past": ("reports what happened (past tense)", "not about the past"),
    "comparison": ("a comparison or superlative", "no comparison"),
    "first_person_subject": ("the speaker talks of themselves (I, we)", "not about the speaker"),
    "second_person": ("addresses someone (you)", "does not address anyone"),
    "third_person": ("speaks of someone (he, she, they)", "no third person"),
    "modal": ("a possibility or a plan (will, could, should)", "no will/could/should"),
    "opinion": ("a view or wish (think, hope, want)", "no verb of opinion"),
    "evaluative": ("a judgement (great, terrible, wrong)", "no judgement word"),
    "question": ("a question", "not a question"),
    "no_verb": ("no verb", "has a verb"),
    "short": ("very short", "not very short"),
    "log_length": ("long", "short"),
    "negation": ("a negation", "no negation"),
    "hedge": ("a hedge (maybe, probably)", "no hedge"),
    "declarative": ("a plain statement with a subject and a verb", "not a plain statement"),
    "hand_score": ("names, figures or dates and no opinion (hand-set rules)", "few names, figures or dates (hand-set rules)"),
}  # fmt: skip
EMBEDDING_WORDS = (
    "its wording is like statements fact-checkers check",
    "its wording is like statements fact-checkers leave",
)


@dataclass(frozen=True)
class Model:
    """The fitted model (train_checkworthiness.py) as arrays: a logistic regression over the MiniLM embedding
    and the standardised general features, then a Platt sigmoid that makes its output a probability."""

    mean: np.ndarray
    scale: np.ndarray
    feature_weights: np.ndarray
    embedding_weights: np.ndarray
    intercept: float
    slope: float
    offset: float
    embedding_average: float  # mean of embedding_weights · embedding over the training sentences
    name: str = ""  # which candidate of train_checkworthiness.CANDIDATES it is

    @classmethod
    def from_file(cls, path: Path) -> Model:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")), name=path.name)

    @classmethod
    def from_dict(cls, data: dict, *, name: str = "the model") -> Model:
        if tuple(data["features"]) != FEATURES:
            raise RuntimeError(f"{name} was trained on other features; re-run train_checkworthiness.py")
        return cls(
            mean=np.array(data["mean"]), scale=np.array(data["scale"]),
            feature_weights=np.array(data["feature_weights"]), embedding_weights=np.array(data["embedding_weights"]),
            intercept=float(data["intercept"]), slope=float(data["calibration"][0]), offset=float(data["calibration"][1]),
            embedding_average=float(data["embedding_average"]), name=data.get("model", ""),
        )  # fmt: skip

    def contributions(self, features: Sequence[float], embedding: np.ndarray) -> tuple[np.ndarray, float]:
        """Each general feature's and the embedding's share of the calibrated log-odds, against an average sentence."""
        standard = (np.asarray(features, dtype=float) - self.mean) / self.scale
        return (
            self.slope * self.feature_weights * standard,
            self.slope * (float(self.embedding_weights @ np.asarray(embedding, dtype=float)) - self.embedding_average),
        )

    def probability(self, features: Sequence[float], embedding: np.ndarray) -> float:
        standard = (np.asarray(features, dtype=float) - self.mean) / self.scale
        z = (
            self.intercept
            + float(self.feature_weights @ standard)
            + float(self.embedding_weights @ np.asarray(embedding, dtype=float))
        )
        return round(1.0 / (1.0 + math.exp(-(self.slope * z + self.offset))), 4)


@lru_cache(maxsize=1)
def _shipped() -> Model:
    return Model.from_file(MODEL_FILE)


_fitted: ContextVar[Model | None] = ContextVar("factcheck_checkworthiness_model", default=None)


def model() -> Model:
    """The model that scores: the shipped one, or the one `using` set for the block."""
    return _fitted.get() or _shipped()


@contextmanager
def using(fitted: Model) -> Iterator[None]:
    """Score with `fitted` instead of the shipped model for the block (thread- and task-local): a bench measures
    the pipeline out of fold with a model that never saw the sentences it extracts (bench/checkworthiness.py)."""
    token = _fitted.set(fitted)
    try:
        yield
    finally:
        _fitted.reset(token)


def model_name() -> str:
    return model().name


def probability(features: Sequence[float], embedding: np.ndarray) -> float:
    """Check-worthiness, 0-1: the calibrated probability that a fact-checker would call the statement
    check-worthy, from its general features (`features`) and its MiniLM embedding."""
    return model().probability(features, embedding)


def signals(features: Sequence[float], embedding: np.ndarray, *, limit: int = 3) -> list[tuple[str, float]]:
    """The `limit` strongest reasons for the score, in words, each with its push on the log-odds (+ raises)."""
    by_feature, by_embedding = model().contributions(features, embedding)
    mean = model().mean
    found = [
        (SIGNAL_WORDS[name][0 if value > average else 1], float(push))
        for name, value, average, push in zip(FEATURES, features, mean, by_feature)
    ]
    found.append((EMBEDDING_WORDS[0 if by_embedding > 0 else 1], by_embedding))
    found.sort(key=lambda item: -abs(item[1]))
    return [(words, round(push, 2)) for words, push in found[:limit]]


def score_claims(claims: list) -> list:
    """The ranking stage: each claim's MiniLM embedding (of its matching text, the vector claim matching stores,
    so the claim is embedded once), its calibrated check-worthiness and the signals behind it. All the claims
    of an article are embedded in one batch."""
    if not claims:
        return claims
    from claims.matching.decide import matching_text  # matching is a leaf for extraction: no import back at load
    from claims.matching.embeddings import embed_texts

    vectors = embed_texts([matching_text(claim.text) for claim in claims])
    for claim, vector in zip(claims, vectors):
        claim.embedding = vector
        claim.checkworthiness = probability(claim.features, vector)
        claim.signals = signals(claim.features, vector)
        if claim.not_a_fact and claim.checkworthiness > NOT_A_FACT:
            claim.signals = [(claim.not_a_fact, round(NOT_A_FACT - claim.checkworthiness, 2)), *claim.signals[:2]]
            claim.checkworthiness = NOT_A_FACT  # a judgement more than a fact: ranked after the facts
    return parallel_facts.rank_together(claims)
