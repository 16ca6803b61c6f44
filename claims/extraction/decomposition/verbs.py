"""A statement cut at its verbs: two statements joined by a colon, coordinated verbs ("A was founded in 1901 and
moved to B in 1950"), a causal or contrastive clause with a subject of its own, a trailing participle, a leading
clause before a comma. A conjunct without a subject borrows the first one's subject and auxiliaries."""

from __future__ import annotations

from lemminflect import getInflection
from spacy.tokens import Doc, Token

from .. import rules
from ..lexicon import BELIEF_VERBS, HEDGE_ADVERBS, PLURAL_VERBS, REPORTING_VERBS, SINGULAR_VERBS, SUBJECT_DEPS
from .clause import CLAUSE_POS, Clause, coordinated, has_own_subject, inflect, subject_ids, subtree_ids

SPLIT_MARKS = {"because", "although", "though", "whereas", "while"}  # causal and contrastive: two facts
RESULT_MARKS = {"so", "thus", "hence", "therefore"}
REPORTING_LEMMAS = REPORTING_VERBS | BELIEF_VERBS


def split_at_colon(doc: Doc, ids: set[int]) -> list[set[int]]:
    """ "There has been a female president: Hillary Clinton served …" holds two statements."""
    colons = [i for i in sorted(ids) if doc[i].text in (":", ";")]
    for colon in colons:
        left = {i for i in ids if i < colon}
        right = {i for i in ids if i > colon}
        if (
            any(doc[i].pos_ in CLAUSE_POS for i in left)
            and any(
                doc[i].pos_ in CLAUSE_POS
                and has_own_subject(doc[i])
                and doc[i].head.i != i
                or doc[i].dep_ == "ROOT"
                and doc[i].pos_ in CLAUSE_POS
                for i in right
            )
            and any(doc[i].dep_ in SUBJECT_DEPS for i in right)
        ):
            return [left] + split_at_colon(doc, right)
    return [ids]


def _heads(doc: Doc, ids: set[int]) -> list[Token]:
    return [doc[i] for i in sorted(ids) if doc[i].head.i not in ids or doc[i].head.i == i]


def split_coordination(doc: Doc, ids: set[int]) -> list[Clause]:
    """Split the statement at coordinated verbs and causal/contrastive or participial adverbial clauses.

    A conjunct without a subject borrows its head's subject (and its auxiliaries: "will grow and expand");
    an imperative conjunct ("…, but keep in mind that …") borrows nothing.
    """
    heads = [h for h in _heads(doc, ids) if h.pos_ in CLAUSE_POS] or _heads(doc, ids)
    if not heads:
        return []
    main = max(heads, key=lambda h: len(subtree_ids(h) & ids))
    clauses: list[Clause] = []

    def walk(verb: Token, scope: set[int], inherited: list[int], top: bool, speakers: bool = False):
        conjuncts = _verb_conjuncts(verb, scope)
        own = set(scope) if top else (subtree_ids(verb) & scope) - _that_mark(verb)
        for conj in conjuncts:
            own -= subtree_ids(conj)
        subject = subject_ids(verb, scope) or inherited
        later: list[tuple[Token, set[int]]] = []
        # "The court held that the law was void, finding that it …": the participle hangs on the reported
        # clause in the parse, but its subject is the one who held; it is a second fact of the main verb
        nested = [
            p
            for c in verb.children
            if c.dep_ == "ccomp" and c.i > verb.i and c.i in own
            for p in c.children
            if p.dep_ == "advcl"
            and p.tag_ == "VBG"
            and max(subtree_ids(p)) >= max(subtree_ids(c) - {j for j in subtree_ids(c) if doc[j].is_punct})
        ]
        for child in [*verb.children, *nested]:
            if child.dep_ != "advcl" or child.i not in own:
                continue
            sub_ids = subtree_ids(child) & own
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            before = min(sub_ids) - 1
            comma = before if before >= 0 and doc[before].text == "," else None
            after = max(sub_ids) + 1
            if (
                mark is not None
                and mark.lower_ in SPLIT_MARKS
                and has_own_subject(child)
                and rules.on("causal_contrastive_clause")
            ):
                # the mark goes with what modifies it: "even though X" gives X, not "Even X"
                mark_words = {mark.i} | {j for j in sub_ids if j < mark.i and doc[j].dep_ == "advmod"}
                later.append((child, sub_ids - mark_words))
            elif (
                mark is None
                and child.tag_ == "VBG"
                and child.i > verb.i
                and comma is not None
                and rules.on("reporting_participle")
                and _speakers_participle(verb, child, scope)
            ):
                # "X said the ferry lost 2 million, noting that fuel prices doubled": X noted it, not the ferry
                clauses_extra.extend(_speakers_statement(doc, child, sub_ids))
            elif (
                mark is None
                and child.tag_ == "VBG"
                and child.i > verb.i
                and not has_own_subject(child)
                and comma is not None
                and subject
                and rules.on("trailing_participle")
                and not (rules.on("participle_after_agent") and _agentive_passive(verb))
            ):
                # "…, making it easy for users" -> "<subject> makes it easy for users"
                overrides = _finite_participles(doc, verb, child, sub_ids, subject)
                clauses_extra.append(Clause(tokens=sorted(sub_ids | set(subject)), overrides=overrides))
            else:
                continue
            own -= sub_ids
            if comma is not None:
                own.discard(comma)
            if after in own and doc[after].text == "," and child.i < verb.i:
                own.discard(after)
        for child in verb.children:
            if (
                child.dep_ == "ccomp"
                and child.i in own
                and _leading_clause(doc, verb, child, own)
                and rules.on("leading_clause")
            ):
                # "Zinc is cheaper than tin, so the foundry switched to zinc": the first fact stands alone
                sub_ids = subtree_ids(child) & own
                for cc in (c for c in child.children if c.dep_ == "cc" and c.i > child.i):
                    tail = [c for c in child.children if c.dep_ == "conj" and c.i > cc.i and len(subtree_ids(c)) <= 2]
                    sub_ids -= {cc.i, *(j for c in tail for j in subtree_ids(c))}  # ", and as such,"
                own -= subtree_ids(child) & own
                own -= {c.i for c in verb.children if c.dep_ == "mark" and c.lower_ in RESULT_MARKS}
                own -= _joint_after(doc, max(sub_ids), verb.i, own)
                later.append((child, sub_ids))
        # the coordinator and comma before each conjunct belong to neither clause; one before a verbless conjunct
        # ("drove stocks to a high and a measure of bonds to a low") stays with it in this clause
        verbless = [c for c in verb.children if c.dep_ == "conj" and c not in conjuncts and c.i in own]
        for child in verb.children:
            if child.dep_ in ("cc", "preconj") or (
                child.dep_ == "punct" and any(child.i + 1 == c.i or child.i + 2 == c.i for c in conjuncts)
            ):
                if not any(child.i < c.i for c in conjuncts):
                    continue
                joined = min((c for c in [*conjuncts, *verbless] if c.i > child.i), key=lambda c: c.i)
                if joined in conjuncts or not rules.on("gapped_conjunct"):
                    own.discard(child.i)
        for conj in conjuncts:  # "X is a professor at Y and his interests include …": the "and" may hang on "professor"
            first = min(subtree_ids(conj) & scope)
            for j in (first - 1, first - 2):
                if j in own and (doc[j].dep_ == "cc" or doc[j].text == ","):
                    own.discard(j)
                else:
                    break
        clauses.append(Clause(tokens=sorted(own | set(_borrowed(verb, inherited, speakers)))))
        for conj in conjuncts:
            speaker = _speakers_conjunct(verb, conj)
            walk(conj, scope, speaker or subject, False, bool(speaker))
        for child, sub_ids in later:
            walk(child, sub_ids, [], True)

    clauses_extra: list[Clause] = []
    # "Ford says it will sell the seats, and that future seats will have covers": the parse hangs the second
    # reported clause on the verb of saying, outside what was said; each is a clause of its own
    main, rest, seconds = _reported_clauses(doc, heads, main, set(ids))
    walk(main, rest, [], True)
    for head, part in seconds:
        walk(head, part, [], True)
    clauses.extend(clauses_extra)
    return [c for c in clauses if c.template or any(doc[i].pos_ in CLAUSE_POS for i in c.tokens)]


def _verb_conjuncts(verb: Token, scope: set[int]) -> list[Token]:
    """The verbs coordinated with `verb` that make clauses of their own."""
    if not rules.on("coordinated_verbs"):
        return []
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in CLAUSE_POS and c.i in scope]
    if rules.on("negated_conjunction"):
        # "cannot sell the mill and keep his seat": what is denied is the two together, not each
        conjuncts = [c for c in conjuncts if not _negated_together(verb, c)]
    if rules.on("shared_object"):
        conjuncts = [c for c in conjuncts if not _shares_the_object(verb, c)]
    if rules.on("disjoined_verbs") and any(_disjoined(verb, c) for c in conjuncts):
        return []  # "will raise fares or cut crossings": neither is asserted, so neither is a claim alone
    if rules.on("trailing_condition") and _condition_after(verb, conjuncts):
        return []  # "continue to talk and could sign a deal, if both sides give way": which verb the "if" governs?
    if not coordinated(verb):
        # no coordinator on either verb: a subjectless "conjunct" is a misparsed modifier
        # ("… a team focused on NLP" read as "X is …, focused on NLP"), not a second predicate
        conjuncts = [c for c in conjuncts if has_own_subject(c)]
    if conjuncts and rules.on("gapped_conjunct") and _gapped(verb, scope):
        return []
    if rules.on("wh_clause_subject") and any(_wh_clause_subject(c) for c in conjuncts):
        return []  # "…, but when he'll return is unclear": the clause is that verb's subject; nothing to borrow
    return conjuncts


def _disjoined(verb: Token, conj: Token) -> bool:
    """Whether the conjunct is joined to the verb by "or" (rule disjoined_verbs): the coordinator between them, on
    either verb. Not under a negation: "did not sign the deal or attend the meeting" denies each."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(
        c.dep_ == "cc" and c.lower_ == "or" and verb.i < c.i < conj.i
        for member in (verb, conj)
        for c in member.children
    )


WH_OPENERS = frozenset({"when", "whether", "how", "why", "what", "where", "who", "which"})


def _wh_clause_subject(conj: Token) -> bool:
    """A subjectless conjunct with a clause opened by a wh-word before it ("but when he will return is still
    unclear", parsed as an adverbial clause of "is"): that clause is the conjunct's subject (rule
    wh_clause_subject); it has none to borrow from the first conjunct ("Tom Cole when he will return is …")."""
    if has_own_subject(conj):
        return False
    before = [c for c in conj.children if c.i < conj.i and c.dep_ in ("advcl", "ccomp")]
    return any(c.left_edge.lower_ in WH_OPENERS for c in before)


def _finite_participles(doc: Doc, verb: Token, participle: Token, ids: set[int], subject: list[int]) -> dict:
    """The finite forms a trailing participle clause takes with the main clause's subject: "…, making it easy" ->
    "makes it easy"; in the past after a past main verb, or after a present perfect when it has a date of its own
    (rule dated_participle_past: "has weakened, hitting 80 cents on 11 July" -> "hit"); every participle of a series
    (rule participle_series: "threatening them … and suggesting …" -> "threatens … and suggests …") in the number
    the main verb agrees in ("The Varnes council has …", "some of the residents are …")."""
    past = verb.tag_ in ("VBD", "VBN") and not any(c.tag_ in ("VBZ", "VBP") for c in verb.children)
    if not past and rules.on("dated_participle_past") and _perfect(verb):
        past = any(doc[i].ent_type_ in ("DATE", "TIME") for i in ids)
    plural = any(doc[i].tag_ in ("NNS", "NNPS") for i in subject) or any(doc[i].dep_ == "conj" for i in subject)
    series = [participle]
    if rules.on("participle_series"):
        agreeing = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
        if any(t.tag_ == "VBZ" or t.lower_ in SINGULAR_VERBS for t in agreeing):
            plural = False
        elif any(t.tag_ == "VBP" or t.lower_ in PLURAL_VERBS for t in agreeing):
            plural = True
        # a participle with an object or a phrase of its own; one with only an infinitive after it may be a noun
        # ("spending on technology and programming to …")
        series += [
            c
            for c in participle.conjuncts
            if c.tag_ == "VBG"
            and c.i in ids
            and not has_own_subject(c)
            and any(g.dep_ in ("dobj", "prep", "ccomp", "dative", "prt", "acomp", "attr") for g in c.children)
        ]
    return {p.i: inflect(p.lemma_, past=past, plural=plural) for p in series}


def _speakers_participle(verb: Token, participle: Token, scope: set[int]) -> bool:
    """A trailing "noting …", "adding …" on a reported clause whose reporting verb is outside the claim's tokens
    (the attribution took it): the participle is the speaker's, not the reported clause subject's (rule
    reporting_participle)."""
    return participle.lemma_ in REPORTING_VERBS and any(
        a.i not in scope and a.lemma_ in REPORTING_VERBS for a in verb.ancestors
    )


def _speakers_statement(doc: Doc, participle: Token, ids: set[int]) -> list[Clause]:
    """What the speaker's "noting that …" says, as a clause of its own (said by the same speaker); none when it
    reports no clause ("adding details")."""
    said = next((c for c in participle.children if c.dep_ == "ccomp"), None)
    if said is None:
        return []
    marks = {c.i for c in said.children if c.dep_ == "mark"}
    return [Clause(tokens=sorted((subtree_ids(said) & ids) - marks))]


# verbs by which only a speaker acts: "called on the council to …", "urged …", "demanded …"
DIRECTIVE_VERBS = frozenset({"urge", "call", "appeal", "demand", "plead", "implore", "ask"})
PERSON_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _speakers_conjunct(verb: Token, conj: Token) -> list[int]:
    """The speaker's subject, for a directive verb coordinated with a passive clause they reported: "The office said
    the injuries were caused by bullets and urged the city to …" (rule speaker_conjunct). The parse hangs "urged" on
    "caused", so split it borrowed "the injuries"; only a speaker urges, and the injuries are no one. Left alone when
    the passive's subject could act (a name, a pronoun: "… said Ana was fined by the court and asked for time")."""
    if not rules.on("speaker_conjunct") or conj.lemma_ not in DIRECTIVE_VERBS or has_own_subject(conj):
        return []
    if conj.tag_ not in ("VBD", "VBZ", "VBN"):
        return []
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in REPORTING_VERBS or not _agentive_passive(verb):
        return []
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is None or patient.pos_ in ("PRON", "PROPN") or patient.ent_type_ in PERSON_LABELS:
        return []
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.head.i), None)
    if speaker is None or speaker.pos_ == "PRON" and speaker.lower_ not in ("we", "they"):
        return []
    return sorted(subtree_ids(speaker))


def _borrowed(verb: Token, inherited: list[int], speakers: bool) -> list[int]:
    """What a conjunct without a subject takes from its head: the subject, and unless the subject is a speaker's
    (rule speaker_conjunct) the auxiliaries and hedges too."""
    if has_own_subject(verb) or not inherited or _imperative(verb):
        return []
    return list(inherited) if speakers else list(inherited) + _borrowed_auxiliaries(verb) + _borrowed_hedges(verb)


def _that_mark(verb: Token) -> set[int]:
    """ "said the ferry lost 2 million and that fuel prices doubled": the second clause's "that", which goes (rule
    second_reported_clause)."""
    if not rules.on("second_reported_clause"):
        return set()
    return {c.i for c in verb.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i}


def _reported_clauses(
    doc: Doc, heads: list[Token], main: Token, ids: set[int]
) -> tuple[Token, set[int], list[tuple[Token, set[int]]]]:
    """ "Ford says it will sell the seats, and that future seats will have covers": the parse hangs the second
    reported clause on the verb of saying, outside what was said; each is a clause of its own (rule
    second_reported_clause). Returns the main clause's head and words, and each second clause's head and words."""
    first = next((h for h in heads if any(_second_reported_clause(o, h) for o in heads)), None)
    if first is None or not rules.on("second_reported_clause"):
        return main, ids, []
    rest, seconds = set(ids), []
    for head in (o for o in heads if _second_reported_clause(o, first)):
        part = subtree_ids(head) & rest
        rest -= part | _joint_after(doc, max(rest & subtree_ids(first) or {first.i}), head.i, rest)
        seconds.append((head, part - {c.i for c in head.children if c.dep_ == "mark"}))
    return first, rest, seconds


def _second_reported_clause(head: Token, main: Token) -> bool:
    """A "that" clause coordinated with the reported clause `main` but hung on the verb of saying by the parse."""
    return (
        head.dep_ == "conj"
        and head.head.i == main.head.i
        and main.dep_ == "ccomp"
        and head.i > main.i
        and head.pos_ in CLAUSE_POS
        and has_own_subject(head)
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)
    )


def _agentive_passive(verb: Token) -> bool:
    """A passive with its agent ("was denied by the prince"). After one, a participle may tell of the agent as well as
    of the subject ("…, hinting that it was fake"): it is not split off (rule participle_after_agent); and a bare
    past-tagged participle continues it (rule passive_participle_conjunct)."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "agent" for c in verb.children)


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _gapped(verb: Token, scope: set[int]) -> bool:
    """Whether a conjunct of the coordination has no verb of its own and stands past a later verb ("60 percent
    were local, 25 percent foreign, and 15 from abroad": "foreign" and "15" share "were"; rule gapped_conjunct).
    Split at the verbs, the verbless conjunct would be glued to a clause it is not next to, and its "and" left
    dangling ("25 percent were foreign, and.")."""
    chain = [verb, *(c for c in verb.conjuncts if c.pos_ in CLAUSE_POS and c.i in scope)]
    for head in chain:
        for conj in head.children:
            if conj.dep_ != "conj" or conj.pos_ in CLAUSE_POS or conj.i not in scope:
                continue
            if any(head.i < other.i < conj.i for other in chain):
                return True
    return False


def _joint_after(doc: Doc, end: int, verb: int, own: set[int]) -> set[int]:
    """The commas and coordinators right after a leading clause ("A, and so B"), not those further on, inside the
    main clause's subject ("A, the founders X and Y run …")."""
    joint = set()
    for j in range(end + 1, verb):
        if doc[j].is_punct or doc[j].dep_ == "cc":
            joint.add(j)
        elif j in own:
            break
    return joint


CONDITION_MARKS = {"if", "unless", "provided", "providing", "once"}


def _condition_after(verb: Token, conjuncts: list[Token]) -> bool:
    """A condition ("if …", "unless …") set after the last of the coordinated verbs (rule trailing_condition): the
    parse hangs it on one of them, but it may govern the other, or both; split, one claim would state without the
    condition what the article made conditional, or move the condition onto the wrong verb."""
    if not conjuncts:
        return False
    last = max(c.i for c in conjuncts)
    for node in (verb, *conjuncts):
        for child in node.children:
            if child.dep_ == "advcl" and child.i > last:
                if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
                    return True
    return False


def _shares_the_object(verb: Token, conj: Token) -> bool:
    """ "bought and renovated the mill": the first verb has nothing after it but the "and", so the object after the
    second is both verbs' (rule shared_object); split, the first claim was "The council bought." """
    between = [t for t in verb.doc[verb.i + 1 : conj.i] if not t.is_space]
    return (
        not has_own_subject(conj)
        and all(t.dep_ == "cc" for t in between)
        and len(between) == 1
        and not any(c.i > verb.i and c.dep_ not in ("cc", "conj", "punct") for c in verb.children)
        and not any(c.dep_ == "auxpass" for c in verb.children)  # "have been well received and cost less": no object
        and any(c.dep_ in ("dobj", "obj") for c in conj.children)
    )


def _leading_clause(doc: Doc, verb: Token, clause: Token, own: set[int]) -> bool:
    """A full clause before the main one and cut off by a comma ("A, so B", "A, and as such, B"): a fact of
    its own, unless the main verb reports it ("The war is over, the minister claims")."""
    if clause.i > verb.i or not has_own_subject(clause) or verb.lemma_.lower() in REPORTING_LEMMAS:
        return False
    ids = subtree_ids(clause) & own
    return any(doc[j].text == "," for j in range(max(ids), min(verb.i, max(ids) + 6)))


def _negated_together(verb: Token, conj: Token) -> bool:
    """A conjunct joined by "and" that borrows its head's negation: "can't buy the mill and then sell it" denies
    doing both, so "can't sell it" alone is not what was said ("did not sign or attend" denies each: split)."""
    if not any(c.dep_ == "neg" and c.i < verb.i for c in verb.children):
        return False
    coordinator = next((c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < conj.i), None)
    if coordinator is None or coordinator.lower_ not in ("and", "&"):
        return False
    return bool(_borrowed_auxiliaries(conj)) and not has_own_subject(conj)


def _imperative(verb: Token) -> bool:
    """A bare verb coordinated with a statement: "…, but keep in mind that …"."""
    if verb.tag_ != "VB":
        return False
    head = verb.head
    return not any(c.dep_ in ("aux", "auxpass") for c in head.children) and head.tag_ != "VB"


def _passive_continued(head: Token, verb: Token) -> bool:
    """ "was caught by the crew and sent back": "sent" tagged past, in a form the participle shares, after a passive
    with its agent, without subject, auxiliary or object of its own: the passive goes on, so it borrows the
    passive's auxiliary (rule passive_participle_conjunct); split off bare, "Ana Ruiz sent back to Varnes" says she
    sent something. Without an agent the conjunct may be a past of its own ("was born in Varnes and served on the
    council"): left as it was."""
    if not rules.on("passive_participle_conjunct") or verb.tag_ != "VBD" or has_own_subject(verb):
        return False
    if not _agentive_passive(head):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "dative", "ccomp") for c in verb.children):
        return False
    return verb.lower_ in {form.lower() for form in getInflection(verb.lemma_, tag="VBN")}


def _borrowed_hedges(verb: Token) -> list[int]:
    """ "The duo reportedly saw a bar in Lanzo and decided to open one": the hedge before the first verb holds for
    the second too (rule borrowed_hedge); "The duo decided to open one" would state as fact what was reported."""
    if not rules.on("borrowed_hedge") or verb.dep_ != "conj" or has_own_subject(verb):
        return []
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in verb.children):
        return []
    head = verb.head
    return [c.i for c in head.children if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS and c.i < head.i]


def _borrowed_auxiliaries(verb: Token) -> list[int]:
    """The head's modal and auxiliaries when a conjunct has none: "Russia will grow and [will] expand"."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.dep_ != "conj":
        return []
    head = verb.head
    modal = any(c.tag_ == "MD" for c in head.children)
    if (
        verb.tag_ not in ("VB", "VBN", "VBG")
        and not (modal and verb.lower_ == verb.lemma_.lower())
        and not _passive_continued(head, verb)
    ):  # "could close and cut jobs": "cut" tagged past still takes "could"
        return []
    return [c.i for c in head.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < head.i]
