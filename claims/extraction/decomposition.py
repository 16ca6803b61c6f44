"""Decomposition of a statement into atomic clauses, one fact each.

Works on the dependency parse of the statement's tokens:
- coordinated clauses ("He was born in 1898, and served on the Court until 1975") become separate clauses,
  the second taking the first one's subject when it has none of its own;
- a non-restrictive relative clause on a name ("Syria, which recognised …") becomes its own clause about
  that name;
- an appositive ("the Russian ambassador to Pyongyang, Alexander Matsegora, said …") becomes
  "Alexander Matsegora is the Russian ambassador to Pyongyang", and the main clause keeps the name.
Each clause is a list of token indices plus text substitutions; rendering happens in the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lemminflect import getInflection
from spacy.tokens import Doc, Token

from . import faithfulness, rules
from .lexicon import BELIEF_VERBS, REPORTING_VERBS, SUBJECT_DEPS

CLAUSE_POS = ("VERB", "AUX")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
APPOSITIVE_NAMES = {"PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT", "WORK_OF_ART"}


SPLIT_MARKS = {"because", "although", "though", "whereas", "while"}  # causal and contrastive: two facts


@dataclass
class Clause:
    tokens: list[int]
    overrides: dict[int, str] = field(default_factory=dict)  # token index -> text (an inflected verb)
    template: str = ""  # "{0} is {1}" for appositives, filled with rendered token groups
    groups: list[list[int]] = field(default_factory=list)
    whole: bool = False  # the statement undecomposed: a split was not sure (faithfulness.sure_split)


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _subject_ids(verb: Token, allowed: set[int]) -> list[int]:
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return []
    ids = sorted(i for i in _subtree_ids(subject) if i in allowed)
    return ids


def inflect(lemma: str, *, past: bool, plural: bool) -> str:
    """The finite form of a verb for a borrowed subject: (making, present, singular) -> makes. Irregular forms come
    from lemminflect's English tables (cut -> cut, not "cutted")."""
    lemma = lemma.lower()
    if lemma == "be":
        return ("were" if plural else "was") if past else ("are" if plural else "is")
    if not past and plural:
        return lemma
    forms = getInflection(lemma, tag="VBD" if past else "VBZ")
    return forms[0] if forms else lemma + ("ed" if past else "s")


def participle(lemma: str) -> str:
    """The past participle: find -> found, cut -> cut."""
    forms = getInflection(lemma.lower(), tag="VBN")
    return forms[0] if forms else inflect(lemma, past=True, plural=False)


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
    main = max(heads, key=lambda h: len(_subtree_ids(h) & ids))
    clauses: list[Clause] = []

    def walk(verb: Token, scope: set[int], inherited: list[int], top: bool):
        conjuncts = _verb_conjuncts(verb, scope)
        own = set(scope) if top else (_subtree_ids(verb) & scope)
        for conj in conjuncts:
            own -= _subtree_ids(conj)
        subject = _subject_ids(verb, scope) or inherited
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
            and max(_subtree_ids(p)) >= max(_subtree_ids(c) - {j for j in _subtree_ids(c) if doc[j].is_punct})
        ]
        for child in [*verb.children, *nested]:
            if child.dep_ != "advcl" or child.i not in own:
                continue
            sub_ids = _subtree_ids(child) & own
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            before = min(sub_ids) - 1
            comma = before if before >= 0 and doc[before].text == "," else None
            after = max(sub_ids) + 1
            if (
                mark is not None
                and mark.lower_ in SPLIT_MARKS
                and _has_subject(child)
                and rules.on("causal_contrastive_clause")
            ):
                # the mark goes with what modifies it: "even though X" gives X, not "Even X"
                mark_words = {mark.i} | {j for j in sub_ids if j < mark.i and doc[j].dep_ == "advmod"}
                later.append((child, sub_ids - mark_words))
            elif (
                mark is None
                and child.tag_ == "VBG"
                and child.i > verb.i
                and not _has_subject(child)
                and comma is not None
                and subject
                and rules.on("trailing_participle")
            ):
                # "…, making it easy for users" -> "<subject> makes it easy for users"
                past = verb.tag_ in ("VBD", "VBN") and not any(c.tag_ in ("VBZ", "VBP") for c in verb.children)
                plural = any(doc[i].tag_ in ("NNS", "NNPS") for i in subject) or any(
                    doc[i].dep_ == "conj" for i in subject
                )
                clauses_extra.append(
                    Clause(
                        tokens=sorted(sub_ids | set(subject)),
                        overrides={child.i: inflect(child.lemma_, past=past, plural=plural)},
                    )
                )
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
                sub_ids = _subtree_ids(child) & own
                for cc in (c for c in child.children if c.dep_ == "cc" and c.i > child.i):
                    tail = [c for c in child.children if c.dep_ == "conj" and c.i > cc.i and len(_subtree_ids(c)) <= 2]
                    sub_ids -= {cc.i, *(j for c in tail for j in _subtree_ids(c))}  # ", and as such,"
                own -= _subtree_ids(child) & own
                own -= {c.i for c in verb.children if c.dep_ == "mark" and c.lower_ in RESULT_MARKS}
                own -= {j for j in range(max(sub_ids) + 1, verb.i) if doc[j].is_punct or doc[j].dep_ == "cc"}
                later.append((child, sub_ids))
        # the coordinator and comma before each conjunct belong to neither clause
        for child in verb.children:
            if child.dep_ in ("cc", "preconj") or (
                child.dep_ == "punct" and any(child.i + 1 == c.i or child.i + 2 == c.i for c in conjuncts)
            ):
                if any(child.i < c.i for c in conjuncts):
                    own.discard(child.i)
        for conj in conjuncts:  # "X is a professor at Y and his interests include …": the "and" may hang on "professor"
            first = min(_subtree_ids(conj) & scope)
            for j in (first - 1, first - 2):
                if j in own and (doc[j].dep_ == "cc" or doc[j].text == ","):
                    own.discard(j)
                else:
                    break
        borrowed: list[int] = []
        if not _has_subject(verb) and inherited and not _imperative(verb):
            borrowed = list(inherited) + _borrowed_auxiliaries(verb)
        clauses.append(Clause(tokens=sorted(own | set(borrowed))))
        for conj in conjuncts:
            walk(conj, scope, subject, False)
        for child, sub_ids in later:
            walk(child, sub_ids, [], True)

    clauses_extra: list[Clause] = []
    walk(main, set(ids), [], True)
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
    if not _coordinated(verb):
        # no coordinator on either verb: a subjectless "conjunct" is a misparsed modifier
        # ("… a team focused on NLP" read as "X is …, focused on NLP"), not a second predicate
        conjuncts = [c for c in conjuncts if _has_subject(c)]
    return conjuncts


RESULT_MARKS = {"so", "thus", "hence", "therefore"}
REPORTING_LEMMAS = REPORTING_VERBS | BELIEF_VERBS


def _leading_clause(doc: Doc, verb: Token, clause: Token, own: set[int]) -> bool:
    """A full clause before the main one and cut off by a comma ("A, so B", "A, and as such, B"): a fact of
    its own, unless the main verb reports it ("The war is over, the minister claims")."""
    if clause.i > verb.i or not _has_subject(clause) or verb.lemma_.lower() in REPORTING_LEMMAS:
        return False
    ids = _subtree_ids(clause) & own
    return any(doc[j].text == "," for j in range(max(ids), min(verb.i, max(ids) + 6)))


def _coordinated(verb: Token) -> bool:
    """Whether a coordinator ("and", "but", "or"…) hangs on the verb or one of its conjuncts."""
    return any(c.dep_ in ("cc", "preconj") for member in (verb, *verb.conjuncts) for c in member.children)


def _negated_together(verb: Token, conj: Token) -> bool:
    """A conjunct joined by "and" that borrows its head's negation: "can't buy the mill and then sell it" denies
    doing both, so "can't sell it" alone is not what was said ("did not sign or attend" denies each: split)."""
    if not any(c.dep_ == "neg" and c.i < verb.i for c in verb.children):
        return False
    coordinator = next((c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < conj.i), None)
    if coordinator is None or coordinator.lower_ not in ("and", "&"):
        return False
    return bool(_borrowed_auxiliaries(conj)) and not _has_subject(conj)


def _imperative(verb: Token) -> bool:
    """A bare verb coordinated with a statement: "…, but keep in mind that …"."""
    if verb.tag_ != "VB":
        return False
    head = verb.head
    return not any(c.dep_ in ("aux", "auxpass") for c in head.children) and head.tag_ != "VB"


def _borrowed_auxiliaries(verb: Token) -> list[int]:
    """The head's modal and auxiliaries when a conjunct has none: "Russia will grow and [will] expand"."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.dep_ != "conj":
        return []
    head = verb.head
    modal = any(c.tag_ == "MD" for c in head.children)
    if verb.tag_ not in ("VB", "VBN", "VBG") and not (
        modal and verb.lower_ == verb.lemma_.lower()
    ):  # "could close and cut jobs": "cut" tagged past still takes "could"
        return []
    return [c.i for c in head.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < head.i]


def _name_before_comma(doc: Doc, appos: Token, head: Token, ids: set[int]) -> list[int] | None:
    """The tokens of a name that ends right before an appositive's comma and is the object of a preposition on
    the appositive's head ("chair of COLING 2020, the 28th …"), when the appositive is a definite description."""
    comma = min(t.i for t in appos.subtree) - 1
    if head.pos_ != "NOUN" or doc[comma + 1].lower_ != "the" or comma - 1 <= head.i:
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.i < comma), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return None
    name = sorted(t.i for t in pobj.subtree)
    if name[-1] != comma - 1 or not set(name) <= ids or len(name) > 8:
        return None
    if not all(
        doc[j].pos_ in ("PROPN", "NUM") or doc[j].ent_type_ or doc[j].text[:1].isupper() for j in name[1:]
    ) or not (doc[name[0]].lower_ == "the" or doc[name[0]].text[:1].isupper()):  # "COLING" is tagged a noun
        return None
    return name


def split_off_modifiers(doc: Doc, clause: Clause) -> list[Clause]:
    """Appositives and non-restrictive relative clauses on names become clauses of their own."""
    ids = set(clause.tokens)
    extra: list[Clause] = []
    for i in sorted(ids):
        token = doc[i]
        if (
            token.dep_ == "appos"
            and rules.on("appositive")
            and token.head.i in ids
            and min(t.i for t in token.subtree) > 0
            and doc[min(t.i for t in token.subtree) - 1].text == ","
        ):
            head = token.head
            appos_ids = _subtree_ids(token) & ids
            head_ids = (_subtree_ids(head) & ids) - appos_ids
            head_ids = {
                j
                for j in head_ids
                if not (doc[j].text == "," and (j + 1 in appos_ids or j - 1 in appos_ids or j == max(appos_ids) + 1))
            }
            # drop relative clauses etc. attached to the head when they follow the appositive
            if not head_ids or len(head_ids) > 12 or len(appos_ids) > 12:
                continue
            owner = _name_before_comma(doc, token, head, ids)
            if owner is not None:
                # "The chair of RIVERCONF 2019, the 12th Meeting on River Ecology, was X": the parser hangs
                # the description on "chair", but it describes the name right before the comma
                extra.append(Clause(tokens=[], template="{0} is {1}", groups=[owner, sorted(appos_ids)]))
                commas = {j for j in (min(appos_ids) - 1, max(appos_ids) + 1) if j in ids and doc[j].text == ","}
                ids -= appos_ids | commas
                continue
            name_first = token.pos_ == "PROPN" and head.pos_ == "NOUN"
            head_first = head.pos_ == "PROPN" and token.pos_ == "NOUN"
            if not (name_first or head_first):
                continue
            name, description = (appos_ids, head_ids) if name_first else (head_ids, appos_ids)
            named = doc[token.i if name_first else head.i]
            if named.ent_type_ not in APPOSITIVE_NAMES:
                continue  # "August 15 Korea Liberation Day, North Korea's news agency" is a misparse, not an identity
            plural = head.tag_ in ("NNS", "NNPS")
            extra.append(
                Clause(
                    tokens=[],
                    template="{0} are {1}" if plural else "{0} is {1}",
                    groups=[sorted(name), sorted(description)],
                )
            )
            if name_first:  # the main clause keeps the name only
                commas = {j for j in (min(appos_ids) - 1, max(appos_ids) + 1) if j in ids and doc[j].text == ","}
                ids -= head_ids | commas
            else:
                commas = {j for j in (min(appos_ids) - 1, max(appos_ids) + 1) if j in ids and doc[j].text == ","}
                ids -= appos_ids | commas
        elif rules.on("set_off_participle") and _set_off_participle(doc, token, ids):
            # "Backward inheritance, also known as X, refers to …"; "the 2020 Games (held in 2021 due to …)":
            # the participle says something of its own about the noun
            head = token.head
            part_ids = set(_participle_ids(doc, token)) & ids
            first, last = min(part_ids), max(part_ids)
            noun_ids = sorted(j for j in _subtree_ids(head) & ids if j < first - 1)
            dated = any(doc[j].ent_type_ == "DATE" for j in part_ids)
            plural = head.tag_ in ("NNS", "NNPS")
            verb = ("were" if plural else "was") if dated else ("are" if plural else "is")
            extra.append(Clause(tokens=[], template="{0} " + verb + " {1}", groups=[noun_ids, sorted(part_ids)]))
            closing = (
                {last + 1}
                if last + 1 in ids
                and doc[last + 1].text in (",", ")")
                and doc[first - 1].text == "("
                or (last + 1 in ids and doc[last + 1].text == "," and doc[first - 1].text == ",")
                else set()
            )
            ids -= part_ids | {first - 1} | closing
        elif (
            token.dep_ == "relcl"
            and token.head.i in ids
            and _predicate_noun(token.head)
            and _subject_ids(token.head.head, ids)
            and rules.on("predicate_relative_clause")
        ):
            # "X is a physicist who won the prize in 1921": X is a physicist; X won the prize in 1921
            rel_ids = _subtree_ids(token) & ids
            pronoun = next(
                (c for c in token.children if c.lower_ in ("who", "which", "that") and c.dep_ in SUBJECT_DEPS), None
            )
            if pronoun is None or min(rel_ids) != pronoun.i:
                continue
            subject = _subject_ids(token.head.head, ids)
            extra.append(Clause(tokens=sorted(set(subject) | (rel_ids - {pronoun.i}))))
            ids -= rel_ids | ({pronoun.i - 1} if doc[pronoun.i - 1].text == "," else set())
        elif (
            token.dep_ == "relcl"
            and token.head.i in ids
            and token.head.pos_ in ("PROPN", "NOUN")
            and rules.on("nonrestrictive_relative_clause")
        ):
            rel_ids = _subtree_ids(token) & ids
            first = min(rel_ids)
            if first == 0 or not (
                doc[first - 1].text == "," or doc[first - 1].text == '"' and doc[first - 2].text == ","
            ):
                continue  # restrictive: it defines the name, keep it
            after = max(rel_ids) + 1
            if after < token.sent.end and not doc[after].is_punct:
                continue  # ", which drains the more hits are blocked": the clause runs on past what the parse gave it
            pronoun = next(
                (c for c in token.children if c.lower_ in RELATIVE_PRONOUNS and c.dep_ in SUBJECT_DEPS), None
            )
            if pronoun is None:
                continue
            head = token.head
            head_ids = sorted(j for j in (_subtree_ids(head) & ids) - rel_ids if j < first and doc[j].text != ",")
            body = rel_ids - {pronoun.i}
            # "Geranium, which has been awarded three stars and is ranked among the best": one fact per verb
            members = (
                [
                    token,
                    *[
                        c
                        for c in token.conjuncts
                        if c.i > token.i and c.i in body and c.pos_ in CLAUSE_POS and not _has_subject(c)
                    ],
                ]
                if _coordinated(token)
                else [token]
            )
            for member in members:
                part = _subtree_ids(member) & body if member is not token else set(body)
                for other in members:
                    if other.i > member.i:
                        part -= _subtree_ids(other)
                part = {
                    j
                    for j in part
                    if not (
                        (doc[j].dep_ in ("cc", "preconj") or doc[j].is_punct)
                        and doc[j].head.i in {m.i for m in members}
                        and j > token.i
                    )
                }
                extra.append(Clause(tokens=[], template="{0} {1}", groups=[head_ids, sorted(part)]))
            commas = {j for j in (first - 1, max(rel_ids) + 1) if j in ids and doc[j].text == ","}
            ids -= rel_ids | commas
    return [Clause(tokens=sorted(ids), overrides=clause.overrides)] + extra


def _participle_ids(doc: Doc, token: Token) -> list[int]:
    """A participle's words without the bracket the parser may hang on it."""
    return [j for j in sorted(_subtree_ids(token)) if doc[j].text not in ("(", ")")]


def _set_off_participle(doc: Doc, token: Token, ids: set[int]) -> bool:
    """A past participle set off by commas or brackets right after the noun phrase it describes."""
    if (
        token.dep_ != "acl"
        or token.tag_ != "VBN"
        or token.head.i not in ids
        or token.head.pos_ not in ("NOUN", "PROPN")
    ):
        return False
    part = _participle_ids(doc, token)
    first, last = part[0], part[-1]
    if not set(part) <= ids or first < 1 or doc[first - 1].text not in (",", "(") or first - 1 <= token.head.i - 1:
        return False
    closer = doc[last + 1].text if last + 1 < len(doc) else ""
    if (doc[first - 1].text == "(") != (closer == ")") or doc[first - 1].text == "," and closer != ",":
        return False  # only a participle closed off on both sides: ", known as X," / "(held in 2021)"
    noun = [j for j in _subtree_ids(token.head) if j < first - 1]
    return (
        0 < len(noun) <= 10
        and first - 1 == max(noun) + 1
        and len(part) <= 15
        and not any(doc[j].text in (",", "(", ")") for j in noun)
    )


def _predicate_noun(noun: Token) -> bool:
    """An indefinite noun after "be": "a physicist" in "X is a physicist who …"."""
    return (
        noun.dep_ == "attr"
        and noun.head.lemma_ == "be"
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    )


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
                and _has_subject(doc[i])
                and doc[i].head.i != i
                or doc[i].dep_ == "ROOT"
                and doc[i].pos_ in CLAUSE_POS
                for i in right
            )
            and any(doc[i].dep_ in SUBJECT_DEPS for i in right)
        ):
            return [left] + split_at_colon(doc, right)
    return [ids]


COORDINATION_ROLES = {"nsubj", "nsubjpass", "dobj", "attr", "pobj"}
# A predicate over the group as a whole: splitting "cooperation between Russia and North Korea" breaks it.
COLLECTIVE_WORDS = {
    "between",
    "together",
    "jointly",
    "bilateral",
    "mutual",
    "mutually",
    "each",
    "both",
    "respectively",
    "combined",
    "among",
    "amongst",
    "alliance",
    "agreement",
    "relations",
    "ties",
    "talks",
    "war",
    "met",
}
SINGULAR_AUX = {"are": "is", "were": "was", "have": "has"}
MAX_CONJUNCTS = 6
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# a noun naming the group as a whole: "a mix of A and B" says nothing of A alone
GROUP_NOUNS = {
    "mix",
    "mixture",
    "combination",
    "blend",
    "pair",
    "couple",
    "group",
    "set",
    "series",
    "team",
    "coalition",
    "merger",
    "union",
    "sum",
    "total",
    "ratio",
    "balance",
    "gap",
    "difference",
    "contrast",
    "comparison",
}
# a focus adverb restricts the predicate to the whole list: "mainly A and B" is not "mainly B"
FOCUS_ADVERBS = {
    "mainly",
    "mostly",
    "primarily",
    "largely",
    "chiefly",
    "predominantly",
    "principally",
    "only",
    "exclusively",
    "solely",
    "either",
    "neither",
}


def split_noun_coordination(doc: Doc, clause: Clause) -> list[Clause]:
    """ "A kiln's size, cost and fuel are set by its maker" -> three claims, one per conjunct."""
    ids = set(clause.tokens)
    if not ids or any(doc[i].lower_ in COLLECTIVE_WORDS for i in ids):
        return [clause]
    for i in sorted(ids):
        token = doc[i]
        if token.dep_ not in COORDINATION_ROLES or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ == "pobj" and token.head.lower_ not in (
            "as",
            "including",
            "like",
            "in",
            "on",
            "at",
            "to",
            "of",
            "from",
            "by",
        ):
            continue
        # conjuncts of one kind (names with names, nouns with nouns): a mixed pair is usually a misparse
        conjuncts = [c for c in token.conjuncts if c.i in ids and c.pos_ == token.pos_ and c.i > token.i]
        conjuncts += _displaced_conjuncts(doc, token, ids) if not conjuncts else []
        if not conjuncts or len(conjuncts) + 1 > MAX_CONJUNCTS:
            continue
        if any(c.dep_ == "cc" and c.lower_ != "and" for member in [token, *conjuncts] for c in member.children):
            continue  # "millions or billions of years" is one fact with alternatives, not two facts
        if rules.on("whole_coordination") and (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_ in GROUP_NOUNS
            or token.lemma_ in GROUP_NOUNS
            and any(c.lower_ == "of" for c in token.children)  # conjuncts misparsed onto "mix"
            or any(doc[j].lower_ in FOCUS_ADVERBS for j in ids)
        ):
            continue  # "a mix of A, B and C" is not "a C"; "found mainly on A and B" is not "found mainly on B"
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and rules.on("coordination_agreement")
            and any(
                doc[j].lower_ in GROUP_PRONOUNS and doc[j].pos_ == "PRON" and j > token.i
                for j in ids - _subtree_ids(token)
            )
        ):
            continue  # "A and B face floods when storms hit them": "them" is A and B together
        governor = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ == "pobj" and governor.dep_ == "dobj" and token.head.lower_ in ("in", "on", "at"):
            governor = governor.head  # "find land on A, B and C": where the object is found, per place
        if governor.pos_ not in CLAUSE_POS or governor.i not in ids or not _clause_head(doc, governor, ids):
            continue  # only the clause's own arguments: "to determine its extent and mechanisms" stays whole
        whole = _subtree_ids(token) & ids
        if any(doc[j].text in ('"', "'") for j in range(min(whole), max(whole) + 1)):
            continue  # a quoted phrase is kept as written
        members = [token, *conjuncts]
        own: dict[int, set[int]] = {}
        for member in members:
            span = _subtree_ids(member) & ids
            for other in members:
                if other.i > member.i:
                    span -= _subtree_ids(other)
            span = {
                j
                for j in span
                if not (
                    doc[j].dep_ in ("cc", "preconj") or (doc[j].text == "," and doc[j].head.i in {m.i for m in members})
                )
            }
            own[member.i] = span
        shared_left = {
            j for c in token.children if c.dep_ in ("det", "poss") and c.i < token.i for j in _subtree_ids(c)
        }
        out = []
        for member in members:
            tokens = (ids - whole) | own[member.i]
            overrides = dict(clause.overrides)
            if (
                member is not token
                and not any(c.dep_ in ("det", "poss") for c in member.children)
                and not (member.pos_ == "PROPN" and rules.on("coordination_agreement"))
            ):
                tokens |= shared_left  # "the cat and dog" -> "the dog"; a name takes no borrowed "the"
            if token.dep_ in ("nsubj", "nsubjpass") and member.tag_ in ("NN", "NNP"):
                verb = token.head
                for aux in [verb, *verb.children]:
                    if aux.i in tokens and aux.lower_ in SINGULAR_AUX and aux.pos_ == "AUX":
                        overrides[aux.i] = SINGULAR_AUX[aux.lower_]
                if (
                    verb.tag_ == "VBP"
                    and verb.i in tokens
                    and verb.pos_ == "VERB"
                    and rules.on("coordination_agreement")
                ):
                    overrides[verb.i] = inflect(verb.lemma_, past=False, plural=False)  # "A and B face" -> "A faces"
                tokens -= {
                    c.i
                    for c in verb.children
                    if c.lower_ in ("all", "both") and c.dep_ in ("advmod", "det", "predet", "appos", "nsubj")
                }
            out.append(Clause(tokens=sorted(tokens), overrides=overrides))
        return out
    return [clause]


EXAMPLE_MARKERS = ("as", "including", "like")  # "topics such as A and B", "products, including A and B"
SUBJECT_ROLES = ("nsubj", "nsubjpass", "attr")


def _example_phrase(doc: Doc, token: Token) -> bool:
    """Whether a preposition introduces examples of the noun it hangs on: "such as", ", including", ", like"."""
    if token.lower_ not in EXAMPLE_MARKERS or token.dep_ != "prep" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.lower_ == "as":
        return token.i > 0 and doc[token.i - 1].lower_ == "such"
    return token.i > 0 and doc[token.i - 1].text == ","


def _example_noun(doc: Doc, marker: Token) -> Token:
    """The noun the examples are of. After a comma they are of the whole noun phrase, not its last noun:
    "the old bridges in the river district, such as the Hesper" gives examples of bridges, not of the district."""
    noun = marker.head
    if doc[marker.i - (2 if marker.lower_ == "as" else 1)].text != ",":
        return noun
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def split_examples(doc: Doc, clause: Clause, depth: int = 0) -> list[Clause]:
    """Examples given for a noun are facts of their own.

    - on an object, the statement holds for each example: "She studied topics such as ice and climate" ->
      "She studied ice", "She studied climate";
    - on a subject, the examples belong to the group: "Giant planets, such as Jupiter and Saturn, rotate fast"
      -> "Jupiter and Saturn are giant planets";
    and the statement itself is kept without the examples ("Giant planets rotate fast").
    """
    ids = set(clause.tokens)
    for i in sorted(ids):
        marker = doc[i]
        if not _example_phrase(doc, marker) or marker.head.i not in ids:
            continue
        items = [c for c in marker.children if c.dep_ == "pobj" and c.i in ids]
        if not items:
            continue
        first_item = items[0]
        members = [first_item, *[c for c in first_item.conjuncts if c.i in ids and c.i > first_item.i]]
        if len(members) > MAX_CONJUNCTS:
            return [clause]
        noun = _example_noun(doc, marker)
        phrase = _subtree_ids(marker) & ids
        start = marker.i - 1 if marker.lower_ == "as" else marker.i
        drop = phrase | {start}
        for j in (start - 1, max(phrase) + 1):  # the commas around ", such as A and B,"
            if j in ids and doc[j].text == ",":
                drop.add(j)
        main = Clause(tokens=sorted(ids - drop), overrides=clause.overrides)
        out = [main]
        noun_ids = (_subtree_ids(noun) & ids) - drop
        if noun.dep_ in SUBJECT_ROLES:
            group = sorted(_subtree_ids(first_item) & ids)
            described = sorted(
                j for j in noun_ids if doc[j].dep_ not in ("det", "poss", "predet") or doc[j].head.i != noun.i
            )
            plural = len(members) > 1 or first_item.tag_ in ("NNS", "NNPS")
            if noun.tag_ in ("NNS", "NNPS") and plural:
                out.append(Clause(tokens=[], template="{0} are {1}", groups=[group, described]))
            elif not plural:
                out.append(
                    Clause(
                        tokens=[],
                        template="{0} is one of {1}" if noun.tag_ in ("NNS", "NNPS") else "{0} is {1}",
                        groups=[group, sorted(noun_ids)],
                    )
                )
        else:
            for member in members:
                own = _subtree_ids(member) & ids
                for other in members:
                    if other.i > member.i:
                        own -= _subtree_ids(other)
                own = {
                    j
                    for j in own
                    if doc[j].dep_ not in ("cc", "preconj")
                    and not (doc[j].text == "," and doc[j].head.i in {m.i for m in members})
                }
                out.append(Clause(tokens=sorted((ids - noun_ids - drop) | own), overrides=clause.overrides))
        if depth >= 2:
            return out
        return [piece for part in out for piece in ([part] if part.template else split_examples(doc, part, depth + 1))]
    return [clause]


def _clause_head(doc: Doc, verb: Token, ids: set[int]) -> bool:
    """Whether `verb` heads the clause (its head is outside it) or is coordinated with the verb that does."""
    head = verb
    while head.dep_ == "conj" and head.head.i in ids and head.head.i != head.i:
        head = head.head
    return head.head.i not in ids or head.head.i == head.i


def split_prepositional_coordination(doc: Doc, clause: Clause) -> list[Clause]:
    """ "Moss grows on Lanzo and Tessaly but not on Orvik" -> one clause per prepositional phrase: "Moss grows on
    Lanzo and Tessaly", "Moss does not grow on Orvik" (a negated phrase moves its "not" to the verb's auxiliary)."""
    ids = set(clause.tokens)
    if not ids or any(doc[i].lower_ in COLLECTIVE_WORDS for i in ids):
        return [clause]
    for i in sorted(ids):
        prep = doc[i]
        governor = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "find land on A and B"
        if prep.dep_ != "prep" or governor.pos_ not in CLAUSE_POS or governor.i not in ids:
            continue
        if not _clause_head(doc, governor, ids):
            continue
        others = [
            c
            for c in prep.conjuncts
            if c.i in ids and c.i > prep.i and c.pos_ == "ADP" and any(g.dep_ == "pobj" for g in c.children)
        ]
        if not others:
            # "find land on Earth but not on Neptune": the parser hangs the second "on" on the verb (as a
            # conjunct) or beside the first (as a second "prep" after a coordinator)
            hosts = {prep.head, *(a for a in prep.ancestors if a.pos_ in CLAUSE_POS)}
            end = max(_subtree_ids(prep))
            others = sorted(
                (
                    c
                    for host in hosts
                    for c in host.children
                    if c.dep_ in ("conj", "prep")
                    and c.pos_ == "ADP"
                    and c.lower_ == prep.lower_
                    and c.i > end
                    and c.i in ids
                    and any(g.dep_ == "pobj" for g in c.children)
                    and _coordinated_with(doc, c, end, hosts)
                ),
                key=lambda c: c.i,
            )[:1]
        if not others or len(others) + 1 > MAX_CONJUNCTS or not any(g.dep_ == "pobj" for g in prep.children):
            continue
        members = [prep, *others]
        member_ids = {m.i for m in members}
        whole = set().union(*(_subtree_ids(m) for m in members)) & ids
        joints = {
            j
            for j in ids
            if prep.i < j < members[-1].i
            and j not in _subtree_ids(prep)
            and (doc[j].dep_ in ("cc", "preconj") or doc[j].is_punct)
            and j not in set().union(*(_subtree_ids(m) for m in others))
        }
        out = []
        for member in members:
            span = _subtree_ids(member) & ids
            for other in members:
                if other.i > member.i:
                    span -= _subtree_ids(other)
            span = {
                j
                for j in span
                if not ((doc[j].dep_ in ("cc", "preconj") or doc[j].is_punct) and doc[j].head.i in member_ids)
            }
            tokens = (ids - whole - joints) | span
            overrides = dict(clause.overrides)
            negation = next((c for c in member.children if c.dep_ == "neg"), None)
            if negation is not None:
                verb = governor
                aux = next(
                    (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.i in ids), None
                )
                if aux is not None:  # "can be found not on Neptune" -> "can not be found on Neptune"
                    tokens.discard(negation.i)
                    text = overrides.get(aux.i, aux.text)
                    overrides[aux.i] = "cannot" if text.lower() == "can" else text + " not"
            out.append(Clause(tokens=sorted(tokens), overrides=overrides))
        return out
    return [clause]


def _coordinated_with(doc: Doc, prep: Token, after: int, hosts: set[Token]) -> bool:
    """Whether a coordinator of the same head comes right before the preposition (", but not on …")."""
    cc = next((j for j in range(prep.i - 1, after, -1) if doc[j].dep_ == "cc"), None)
    return (
        cc is not None
        and doc[cc].head in hosts
        and all(doc[j].is_punct or doc[j].dep_ == "neg" for j in range(cc + 1, prep.i))
        and all(doc[j].is_punct for j in range(after + 1, cc))
    )


def _displaced_conjuncts(doc: Doc, token: Token, ids: set[int]) -> list[Token]:
    """ "to a baker from Lanzo and a tailor from Orvik": the parser hangs "a tailor" on "Lanzo"; a conjunct of
    a noun inside the token's own prepositional modifier, of the token's kind and with its own determiner, is a
    conjunct of the token."""
    found = []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i in ids):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.i in ids):
            for conj in obj.conjuncts:
                if (
                    conj.i > obj.i
                    and conj.i in ids
                    and conj.pos_ == token.pos_ != obj.pos_
                    and any(c.dep_ == "det" for c in conj.children)
                    and any(c.dep_ == "prep" for c in conj.children)
                ):
                    found.append(conj)
    return found


ABILITY_MODALS = {"can", "could", "cannot"}


def generic_you(doc: Doc, clause: Clause) -> Clause:
    """ "You can find land on Earth" is said of anyone: "Land can be found on Earth". A statement addressed to the
    reader (no modal of ability, an "if you …" condition, a quoted "you") is left as it is, and not a claim."""
    ids = set(clause.tokens)
    you = next((doc[i] for i in sorted(ids) if doc[i].lower_ == "you" and doc[i].dep_ == "nsubj"), None)
    if you is None or sum(1 for j in range(you.sent.start, you.i) if doc[j].text == '"') % 2:
        return clause
    verb = you.head
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.i in ids and c.i < verb.i), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i in ids), None)
    if (
        aux is None
        or obj is None
        or verb.tag_ != "VB"
        or any(c.dep_ in ("advcl", "ccomp", "xcomp") for c in verb.children)
        or any(c.dep_ == "advmod" and c.i < verb.i for c in verb.children)
    ):
        return clause  # "you can loosely call it X": the adverb before the verb would be lost
    modal = clause.overrides.get(aux.i, aux.text)
    if modal.split()[0].lower() not in ABILITY_MODALS:
        return clause
    obj_ids = _subtree_ids(obj) & ids
    for child in obj.children:  # the object phrase itself: "land", not "land on Earth, but not on Mars"
        if (
            child.i > obj.i
            and child.dep_ in ("prep", "cc", "conj", "punct")
            and not (child.dep_ == "punct" and child.text == '"')
        ):
            obj_ids -= _subtree_ids(child)
    rest = sorted(j for j in ids if j > verb.i and j not in obj_ids)
    passive = f"{modal.lower()} be {participle(verb.lemma_)}"
    if not rest:
        return Clause(tokens=[], template="{0} " + passive, groups=[sorted(obj_ids)])
    return Clause(tokens=[], template="{0} " + passive + " {1}", groups=[sorted(obj_ids), rest])


def decompose(doc: Doc, content: list[int]) -> list[Clause]:
    """The statement's atomic clauses: the decomposition rules applied in turn, each one switchable (rules.py)."""
    clauses = []
    parts = split_at_colon(doc, set(content)) if rules.on("split_at_colon") else [set(content)]
    for part in parts:
        for clause in split_coordination(doc, part):
            if clause.template:
                clauses.append(clause)
                continue
            for piece in split_off_modifiers(doc, clause):
                if piece.template:
                    clauses.append(piece)
                    continue
                for part in split_examples(doc, piece) if rules.on("examples") else [piece]:
                    if part.template:
                        clauses.append(part)
                        continue
                    phrases = (
                        split_prepositional_coordination(doc, part)
                        if rules.on("prepositional_coordination")
                        else [part]
                    )
                    for phrase in phrases:
                        atoms = split_noun_coordination(doc, phrase) if rules.on("noun_coordination") else [phrase]
                        for atom in atoms:
                            atom = generic_you(doc, atom) if rules.on("generic_you") else atom
                            clauses.append(atom)
    if rules.on("split_guard") and not faithfulness.sure_split(doc, content, clauses):
        # a part that is no clause of its own: the statement as it stands, and what the modifiers say of names
        clauses = [Clause(tokens=sorted(set(content)), whole=True)] + [c for c in clauses if c.template]
    if rules.on("achievement"):
        clauses.extend(derived for clause in list(clauses) if (derived := achievement(doc, clause)) is not None)
    return clauses


RANKING_WORDS = {"first", "second", "third", "fourth", "fifth", "last", "latest", "only", "sole", "next"}


def achievement(doc: Doc, clause: Clause) -> Clause | None:
    """ "X became the second country to recognise Y" also says that X recognised Y: that fact on its own,
    with the subject and tense of "became" (the ranking stays in the clause it came from). Only for a
    ranked role ("the first/second/only/last …", a superlative) with an infinitive of its own."""
    if clause.template:
        return None
    ids = set(clause.tokens)
    verb = next((doc[i] for i in clause.tokens if doc[i].lemma_ == "become" and doc[i].tag_ in ("VBD", "VBZ")), None)
    role = next((c for c in verb.children if c.dep_ == "attr" and c.i in ids), None) if verb is not None else None
    if role is None or not any(
        c.i in ids and (c.lower_ in RANKING_WORDS or c.ent_type_ == "ORDINAL" or c.tag_ == "JJS") for c in role.children
    ):
        return None
    infinitive = next(
        (c for c in [*role.children, *verb.children]
         if c.i > role.i and c.i in ids and c.tag_ == "VB" and c.dep_ in ("relcl", "acl", "xcomp", "advcl")
         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
        None,
    )  # fmt: skip
    # The subject nearest the verb: a dateline parsed as a second subject ("Pyongyang: North Korea …") is not it.
    head = max((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i in ids and c.i < verb.i), default=None,
               key=lambda c: c.i)  # fmt: skip
    if infinitive is None or head is None or head.lower_ in RELATIVE_PRONOUNS:
        return None
    subject = sorted(i for i in _subtree_ids(head) if i in ids)
    action = {
        i for i in _subtree_ids(infinitive) if i in ids and not (doc[i].dep_ == "aux" and doc[i].head == infinitive)
    }
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we")
    form = inflect(infinitive.lemma_, past=verb.tag_ == "VBD", plural=plural)
    return Clause(tokens=sorted(set(subject) | action), overrides={infinitive.i: form})
