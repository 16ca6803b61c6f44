"""Coordinated phrases of one clause: subjects or objects ("A, B and C are …") and prepositional phrases ("on A
but not on B") give one clause per conjunct, unless the statement is about the group as a whole ("a mix of A and
B", "between A and B", "mainly A and B")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import rules
from .clause import CLAUSE_POS, Clause, inflect, member_own, subtree_ids

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
# A likeness or difference between the conjuncts (rule symmetric_predicate): "A and B are identical", "saw the
# inquiries into A and into B as separate" say nothing of A alone
SYMMETRIC_WORDS = {
    "separate", "different", "similar", "same", "identical", "distinct", "alike", "equal", "apart", "related",
    "unrelated", "linked", "connected", "equivalent", "interchangeable", "comparable", "compared", "differ",
    "differs", "resemble", "resembles", "merged", "merge", "versus", "vs",
}  # fmt: skip
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


def _collective(doc: Doc, ids: set[int]) -> bool:
    """A predicate over the conjuncts together: splitting them breaks what is said."""
    if any(doc[i].lower_ in COLLECTIVE_WORDS for i in ids):
        return True
    # a predicate ("are identical", "saw them as separate"), not a noun's modifier ("for a different reason")
    return rules.on("symmetric_predicate") and any(
        doc[i].lower_ in SYMMETRIC_WORDS and not (doc[i].dep_ == "amod" and doc[i].head.pos_ in ("NOUN", "PROPN"))
        for i in ids
    )


def _specifies(token: Token) -> bool:
    """A coordinated complement of "be" that says what its subject is, not what the subject is like: the subject
    is a description ("The council's priorities are ferries and buses", "The thing that surprised me most is A and
    B") or a "what" clause ("What the ferry needs is will and money"). One member alone would read as the whole
    answer. A named or pronoun subject ("Ana Ruiz is a lawyer and a pilot") is described, and may be split."""
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return False
    subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "csubj") and c.i < token.head.i]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.dep_ == "csubj":
        return True
    if subject.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in subject.children)


ONE_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"})


def _one_thing(doc: Doc, token: Token, conjuncts: list[Token]) -> bool:
    """Coordinated nouns that make one fact: alternatives ("millions or billions of years"), or one name that the
    entity tagger read across the "and" ("the Red and Blue Edition", "Procter and Gamble"; rule name_with_and)."""
    if any(c.dep_ == "cc" and c.lower_ != "and" for member in [token, *conjuncts] for c in member.children):
        return True
    if not rules.on("name_with_and"):
        return False
    name = next((e for e in doc.ents if e.start <= token.i and conjuncts[-1].i < e.end), None)
    if name is None or name.label_ not in ONE_NAME_LABELS:
        return False  # a person or a place: the tagger reads "Lind and Moss" as one person too
    people = {e[-1].text for e in doc.ents if e.label_ == "PERSON"}
    return not any(member.text in people for member in [token, *conjuncts])  # "Lind and Moss" after "Ivo Lind"


def _gapped_object_pair(token: Token, conjuncts: list[Token]) -> bool:
    """A conjunct of a preposition's object that brings a preposition of its own, after a verb with a direct object
    ("spent 24 million euros in the campaigns and 40 million euros on ads"): the conjunct is a second object with its
    own phrase, the verb left out (gapping), not a second place or time for the first object. Put in the first
    conjunct's place it reads "spent 24 million euros in the 40 million euros on ads"."""
    if token.dep_ != "pobj" or any(c.dep_ == "prep" for c in token.children):
        return False
    prep = token.head
    governor = prep.head  # the verb, or the object itself when the parse hangs the phrase on it
    if not (
        governor.dep_ == "dobj"
        or governor.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "dobj" and c.i < prep.i for c in governor.children)
    ):
        return False
    return any(any(c.dep_ == "prep" for c in member.children) for member in conjuncts)


def _kept_together(doc: Doc, token: Token, later: list[Token], conjuncts: list[Token]) -> bool:
    """A coordination whose members make no claim each, whatever the clause around it."""
    if rules.on("partial_list") and _partial_list(doc, token, later, conjuncts):
        return True  # "wary of A, B, and C" with B and C read as another verb's objects: a split drops A
    if rules.on("specificational_copula") and _specifies(token):
        return True  # "What the ferry needs is will and money": the list is what the subject is, all of it
    if rules.on("open_list") and _open_list(conjuncts[-1]):
        return True  # "A, B and other features": "other" is other than A and B; a claim of it alone says nothing
    if rules.on("gapped_object_pair") and _gapped_object_pair(token, conjuncts):
        return True  # "spent 5 euros in May and 9 euros on fuel": the second pair borrows only the verb
    return _one_thing(doc, token, conjuncts)


def split_noun_coordination(doc: Doc, clause: Clause) -> list[Clause]:
    """ "A kiln's size, cost and fuel are set by its maker" -> three claims, one per conjunct."""
    ids = set(clause.tokens)
    if not ids or _collective(doc, ids):
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
        later = [c for c in token.conjuncts if c.i in ids and c.i > token.i]
        conjuncts = [c for c in later if c.pos_ == token.pos_]
        conjuncts += _displaced_conjuncts(doc, token, ids) if not conjuncts else []
        if not conjuncts or len(conjuncts) + 1 > MAX_CONJUNCTS:
            continue
        if _kept_together(doc, token, later, conjuncts):
            continue
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
                for j in ids - subtree_ids(token)
            )
        ):
            continue  # "A and B face floods when storms hit them": "them" is A and B together
        governor = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ == "pobj" and governor.dep_ == "dobj" and token.head.lower_ in ("in", "on", "at"):
            governor = governor.head  # "find land on A, B and C": where the object is found, per place
        if governor.pos_ not in CLAUSE_POS or governor.i not in ids or not _clause_head(doc, governor, ids):
            continue  # only the clause's own arguments: "to determine its extent and mechanisms" stays whole
        whole = subtree_ids(token) & ids
        if any(doc[j].text in ('"', "'") for j in range(min(whole), max(whole) + 1)):
            continue  # a quoted phrase is kept as written
        members = [token, *conjuncts]
        own: dict[int, set[int]] = {}
        for member in members:
            span = member_own(member, members, ids)
            own[member.i] = span
        if rules.on("trailing_shared_modifier") and any(
            _modifier_after_last(doc, own[member.i], members[-1]) for member in members[:-1]
        ):
            continue  # "a boat and bells that date …": the clause after the list is not the boat's alone
        shared_left = {j for c in token.children if c.dep_ in ("det", "poss") and c.i < token.i for j in subtree_ids(c)}
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
                if rules.on("borrowed_article"):
                    tokens, overrides = _article_for(doc, member, own[member.i], shared_left, tokens, overrides)
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


def _modifier_after_last(doc: Doc, member_own: set[int], last: Token) -> bool:
    """Words of an earlier conjunct that stand after the last one ("a boat and two bells that date from 1650", the
    clause hung on "boat"; "no download, no patching and no lag - just play", the phrase after the dash hung on
    "patching"): a modifier of the last conjunct or of them all, which a split would give to one conjunct alone,
    out of agreement ("a boat that date from 1650") or out of sense (rule trailing_shared_modifier)."""
    return any(j > last.i and not doc[j].is_punct for j in member_own)


def _partial_list(doc: Doc, token: Token, later: list[Token], conjuncts: list[Token]) -> bool:
    """Whether the conjuncts the split would make claims of are only part of the list (rule partial_list): a later
    conjunct of another kind ("radar, infrared and other data": the adjective would be glued to "radar"), an object
    list that begins after a comma and a noun phrase not among its conjuncts ("wary of its prices, its supply model,
    and its working culture" with "model" read as the object of an earlier verb: each claim would keep "its
    prices," and lose an item), or a verb the parse gives two subjects ("the founders Ana Ruiz and Tomas Berg run …")."""
    if len(conjuncts) < len(later):
        return True
    if token.dep_ in ("nsubj", "nsubjpass"):
        return sum(c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children) > 1
    start = min(t.i for t in token.subtree)
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def _open_list(last: Token) -> bool:
    """A list closed by "other <noun>" or "others" (rule open_list): "other" means other than the items before it,
    so "adds other features" alone says nothing, and the statement is about the items as features."""
    return last.lower_ in ("others", "more") or any(c.lower_ == "other" and c.dep_ == "amod" for c in last.children)


def _article_for(doc: Doc, member: Token, own: set[int], borrowed: set[int], tokens: set[int], overrides: dict):
    """A borrowed "a"/"an" fits the conjunct it is lent to (rule borrowed_article): none before a plural conjunct
    ("found a handgun, three rifles" gives "found three rifles", not "a three rifles"), and "a" or "an" as the
    conjunct's number is read ("an elite 9.2 grade and 8.1 grade" gives "an 8.1 grade", and "a 91.4 grade")."""
    article = next((doc[j] for j in sorted(borrowed) if doc[j].lower_ in ("a", "an")), None)
    if article is None:
        return tokens, overrides
    if member.tag_ in ("NNS", "NNPS"):
        return tokens - {article.i}, overrides
    first = doc[min(own)] if own else member
    if first.like_num and first.text[:1].isdigit():
        said = "an" if re.match(r"(?:8|11(?!\d)|18(?!\d))", first.text) else "a"
        overrides = {**overrides, article.i: said if article.text.islower() else said.capitalize()}
    return tokens, overrides


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


def split_prepositional_coordination(doc: Doc, clause: Clause) -> list[Clause]:
    """ "Moss grows on Lanzo and Tessaly but not on Orvik" -> one clause per prepositional phrase: "Moss grows on
    Lanzo and Tessaly", "Moss does not grow on Orvik" (a negated phrase moves its "not" to the verb's auxiliary)."""
    ids = set(clause.tokens)
    if not ids or _collective(doc, ids):
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
            end = max(subtree_ids(prep))
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
        whole = set().union(*(subtree_ids(m) for m in members)) & ids
        joints = {
            j
            for j in ids
            if prep.i < j < members[-1].i
            and j not in subtree_ids(prep)
            and (doc[j].dep_ in ("cc", "preconj") or doc[j].is_punct)
            and j not in set().union(*(subtree_ids(m) for m in others))
        }
        out = []
        for member in members:
            span = subtree_ids(member) & ids
            for other in members:
                if other.i > member.i:
                    span -= subtree_ids(other)
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


def _clause_head(doc: Doc, verb: Token, ids: set[int]) -> bool:
    """Whether `verb` heads the clause (its head is outside it) or is coordinated with the verb that does."""
    head = verb
    while head.dep_ == "conj" and head.head.i in ids and head.head.i != head.i:
        head = head.head
    return head.head.i not in ids or head.head.i == head.i
