"""What is not a statement, or what makes an unresolved one still worth keeping, judged on spaCy tokens.

- `dangling_subordinate`: a subordinate clause left without its main clause, a "that" whose clause is missing, or
  a claim that would open with its finite verb (rule dangling_subordinate; rule subordinate_before_main when the
  parse hung the subordinator on no verb);
- `figure_or_superlative`: an amount or a superlative to check (rule keep_figure_pronoun_claims);
- `past_record`: a past action done to something, checkable against a record (rule first_person_record);
- `promise`, `speaker_agenda`: a first-person line about what the speaker will, can or must do (rules
  main_clause_modal, contractions, speaker_agenda).
"""

from __future__ import annotations

from . import readability, rules
from .checkworthiness import EVALUATIVE
from .lexicon import EXPERIENCE_VERBS, FINITE_TAGS, LIGHT_VERBS, REPORTING_VERBS, SUBJECT_DEPS

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
        if not _main_clause_after_comma(tokens, verb, after=-1):
            return True
    if first.lower_ in SUBORDINATORS and rules.on("subordinate_before_main") and _before_main_clause(words):
        return True
    if rules.on("marked_head") and _marked_head(words, tokens):
        return True
    if (
        first.tag_ in ("WRB", "WP", "WDT", "WP$")
        and verb.dep_ in ("ccomp", "xcomp", "advcl", "pcomp")
        and verb.head.i not in ids
        and rules.on("embedded_question")
    ):
        return True  # "when the bridge would reopen", cut out of "Police did not say when …": a question, no statement
    # a subordinating "that" (the tagger says SCONJ even for a determiner: "covering that $40 million shortfall",
    # whose dependency is det) with no verb after it
    return any(
        t.lower_ == "that"
        and t.pos_ == "SCONJ"
        and t.dep_ != "det"
        and not any(w.i > t.i and w.pos_ in ("VERB", "AUX") for w in words)
        for t in words
    )


def _marked_head(words, tokens) -> bool:
    """The verb that heads the claim has a subordinating word of its own before its subject, after other words that
    hold no clause ("In many cases after youths threw stones.", out of "… faced batons, in many cases after youths
    threw stones", which the parse made the root): an adverbial clause whose main clause is not in the claim (rule
    marked_head). A "that" is the reporting rules'; a subject after a comma shows the main clause the subordinator
    was misplaced on ("If X, Y …")."""
    ids = {t.i for t in words}
    heads = [t for t in words if t.head.i == t.i or t.head.i not in ids]
    if len(heads) != 1 or heads[0].pos_ not in ("VERB", "AUX"):
        return False
    verb = heads[0]
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i in ids and c.i < verb.i), None)
    if mark is None or mark.lower_ == "that" or mark.i == words[0].i:
        return False  # a subordinator that opens the claim is the check above's
    subjects = [c.i for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not any(mark.i < i < verb.i for i in subjects) or any(i < mark.i for i in subjects):
        return False  # "X shortly after the arrest linked …": a subject before the word, a preposition misread
    if any(t.tag_ in FINITE_TAGS and t.i < mark.i and any(c.dep_ in SUBJECT_DEPS for c in t.children) for t in words):
        return False  # a clause of its own before the word: the main clause is there, however it was parsed
    return not _main_clause_after_comma(tokens, verb, after=mark.i)


def _main_clause_after_comma(tokens, verb, *, after: int) -> bool:
    """A subject of `verb` after the first comma past token `after`: the main clause a subordinator was misplaced on
    ("If X, Y …" parsed with "if" on Y's verb)."""
    comma = next((t.i for t in tokens if t.text == "," and t.i > after), None)
    return comma is not None and any(t.dep_ in SUBJECT_DEPS and t.head.i == verb.i and t.i > comma for t in tokens)


def _before_main_clause(words) -> bool:
    """The claim is the opening subordinate clause of its sentence, which goes on after it with the main clause
    (rule subordinate_before_main): "While the young are most at risk, everyone can suffer" gave "While the young
    are most at risk." when the parse hung "while" on a word that is no verb. Told by where the sentence's main
    verb is (after the claim's last word, outside it) and by the claim holding one clause only."""
    sent = words[0].sent
    if words[-1].i >= sent.end:
        return False  # the claim runs across the parser's sentences: which root is its main verb is not known
    main = sent.root
    if main.lemma_ in REPORTING_VERBS:  # '"If …, B," Ana Ruiz said': the main clause is what was said
        main = next((c for c in main.children if c.dep_ == "ccomp"), None)
        if main is None:
            return False
    ids = {t.i for t in words}
    if main.i in ids or main.i < max(ids) or main.pos_ not in ("VERB", "AUX"):
        return False
    # one clause (a finite verb, or a verb with a subject) in the claim: the subordinate one. With a second, "If A,
    # B" holds its main clause, whatever verb the parse made the sentence's root
    finite_clauses = [
        t
        for t in words
        if t.pos_ in ("VERB", "AUX")
        and t.dep_ not in ("aux", "auxpass")
        and (
            t.tag_ in FINITE_TAGS
            or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS or c.dep_ in SUBJECT_DEPS for c in t.children)
        )
    ]
    return len(finite_clauses) <= 1


FIGURE_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


def figure_or_superlative(tokens) -> bool:
    """An amount or a superlative to check ("cost 40 million euros", "the largest since 1950"); a span of time
    alone ("This came two days after …") is not one: it says when, not what."""
    return any(t.ent_type_ in FIGURE_LABELS or t.tag_ in ("JJS", "RBS") for t in tokens)


MULTIPLIERS = {"twice", "half", "double", "doubled", "triple", "tripled", "thrice"}


def comparison(tokens) -> bool:
    """A ranking or a comparison to check: a superlative that is not a judgement ("the largest wool exporter", not
    "the best team"), a comparative with its "than" ("more ferries than Tessaly"), a multiplier ("twice the
    budget", "cut it in half")."""
    return any(
        t.tag_ in ("JJS", "RBS")
        and t.lower_ not in EVALUATIVE
        or t.tag_ in ("JJR", "RBR")
        and any(w.lower_ == "than" and w.i > t.i for w in tokens)
        or t.lower_ in MULTIPLIERS
        for t in tokens
    )


def past_record(tokens) -> bool:
    """A past action done to something ("We never raised the sales tax", "I supported the tobacco ban"): a record
    can tell, even with no figure or name in it. A past state or feeling ("we were proud") is not one.

    With past_record_verbs on, the past may be carried by "did" ("I did not vote for the levy"), what was done may
    be a verb ("we voted to close the mill"; not the habit of "we used to …"), and the verb is not one of saying,
    perceiving or going through something, nor a light verb ("I talked to a farmer", "we saw a change", "I took on
    that fight"): those tell of the speaker, not of a record."""
    refined = rules.on("past_record_verbs")
    excluded = (
        REPORTING_VERBS | EXPERIENCE_VERBS | LIGHT_VERBS
        if refined
        else {"be", "have", "feel", "think", "believe", "want", "hope", "love", "like"}
    )
    return any(
        t.pos_ == "VERB"
        and t.lemma_ not in excluded
        and _past(t, refined)
        and any(c.dep_ in ("dobj", "prep") or refined and c.dep_ == "xcomp" and t.lemma_ != "use" for c in t.children)
        for t in tokens
    )


def _past(verb, refined: bool) -> bool:
    """Said in the past: a past verb ("raised"), a perfect ("have raised"), or with "did" ("did not vote")."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxiliaries):
        return True
    return refined and verb.tag_ == "VB" and any(c.lemma_ == "do" and "Tense=Past" in str(c.morph) for c in auxiliaries)


FUTURE_WORDS = {"will", "'ll", "shall", "would"}


def promise(token, tokens) -> bool:
    """A future or conditional modal of the statement's own clause ("we will cut …", "we would cut …"); with
    main_clause_modal on, one inside a subordinate clause does not make the statement a promise: "we estimated
    that the bridge would cost 90 million", "we planned a ferry which would carry 600 people" report a record.
    With contractions on, "'d" is "would" ("we'd cut the tax")."""
    words = FUTURE_WORDS | ({"'d"} if rules.on("contractions") else set())
    if token.lower_ not in words or token.tag_ != "MD":
        return False
    return not rules.on("main_clause_modal") or readability.in_main_clause(token, {t.i for t in tokens})


SPEAKERS = {"i", "we", "you"}
ABILITY_MODALS = {"can", "may", "might"}


def speaker_agenda(tokens) -> bool:
    """What the speaker (or the listener) is going to, can or must do, said in the statement's own clause: "we are
    going to cut …", "we can win …", "we need more buses", "we have to act", "we've got to act". A plan, a boast or a
    demand, not a record; "we could have closed it", "we needed 40 buses in 2019" (past) are not one."""
    ids = {t.i for t in tokens}
    for verb in tokens:
        if verb.pos_ not in ("VERB", "AUX") or not readability.in_main_clause(verb, ids):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in SPEAKERS:
            continue
        children = list(verb.children)
        infinitive = any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in children)
        if verb.lower_ == "going" and infinitive:
            return True  # "we are going to …": the future, as "will" is
        if verb.lemma_ == "need" and verb.tag_ == "VBP":
            return True  # "we need more buses", "we need to act"
        if verb.lemma_ in ("have", "get") and verb.tag_ in ("VBP", "VBN") and infinitive:
            return True  # "we have to act", "we've got to act"
        if any(c.tag_ == "MD" and c.lower_ in ABILITY_MODALS for c in children):
            return True  # "we can win", "we may raise"
    return False
