"""What a sentence says of a name on the side becomes a clause of its own: an appositive ("Ivo Brandt, a Danish
engineer, …" -> "Ivo Brandt is a Danish engineer"), a participle set off by commas ("X, founded in 1911, …"), a
relative clause on a predicate noun ("X is a chemist who …") or a non-restrictive one on a name (", which …")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import rules
from ..lexicon import SUBJECT_DEPS, plural
from .appositives import appositive
from .clause import CLAUSE_POS, RELATIVE_PRONOUNS, Clause, coordinated, has_own_subject, subject_ids, subtree_ids


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
            found = appositive(doc, token, ids)
            if found is not None:
                extra.append(found[0])
                ids -= found[1]
        elif rules.on("set_off_participle") and _set_off_participle(doc, token, ids):
            # "Backward inheritance, also known as X, refers to …"; "the 2020 Games (held in 2021 due to …)":
            # the participle says something of its own about the noun
            head = token.head
            part_ids = set(_participle_ids(doc, token)) & ids
            first, last = min(part_ids), max(part_ids)
            noun_ids = sorted(j for j in subtree_ids(head) & ids if j < first - 1)
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
            and subject_ids(token.head.head, ids)
            and rules.on("predicate_relative_clause")
        ):
            # "X is a physicist who won the prize in 1921": X is a physicist; X won the prize in 1921
            rel_ids = subtree_ids(token) & ids
            pronoun = next(
                (c for c in token.children if c.lower_ in ("who", "which", "that") and c.dep_ in SUBJECT_DEPS), None
            )
            if pronoun is None or min(rel_ids) != pronoun.i:
                continue
            subject = subject_ids(token.head.head, ids)
            extra.append(Clause(tokens=sorted(set(subject) | (rel_ids - {pronoun.i}))))
            ids -= rel_ids | ({pronoun.i - 1} if doc[pronoun.i - 1].text == "," else set())
        elif (
            token.dep_ == "relcl"
            and token.head.i in ids
            and token.head.pos_ in ("PROPN", "NOUN")
            and rules.on("nonrestrictive_relative_clause")
        ):
            rel_ids = subtree_ids(token) & ids
            first = min(rel_ids)
            if first == 0 or not (
                doc[first - 1].text == "," or doc[first - 1].text == '"' and doc[first - 2].text == ","
            ):
                continue  # restrictive: it defines the name, keep it
            after = max(rel_ids) + 1
            if after < token.sent.end and not doc[after].is_punct:
                continue  # ", which drains the more hits are blocked": the clause runs on past what the parse gave it
            if rules.on("relative_on_inner_noun") and (
                _inner_noun(token.head, token) or any(c.dep_ == "appos" and c.i < first for c in token.head.children)
            ):
                continue  # "the observatory in Lanzo, which uses …", "the economy, chiefly farming, which …": whose?
            if rules.on("relative_agreement") and _disagrees(token):
                continue  # "apps that move money, which are then …": "are" is not the money's verb; whose is it?
            pronoun = next(
                (c for c in token.children if c.lower_ in RELATIVE_PRONOUNS and c.dep_ in SUBJECT_DEPS), None
            )
            if pronoun is None:
                continue
            head = token.head
            # "the economy, particularly farming, which has shrunk": the focus adverb is the main clause's, not the
            # relative clause's subject's ("Particularly farming has shrunk")
            focus = {j for c in head.children if c.dep_ == "advmod" and c.i < head.i for j in subtree_ids(c)}
            head_ids = sorted(
                j for j in (subtree_ids(head) & ids) - rel_ids - focus if j < first and doc[j].text != ","
            )
            body = rel_ids - {pronoun.i}
            # "Geranium, which has been awarded three stars and is ranked among the best": one fact per verb
            members = (
                [
                    token,
                    *[
                        c
                        for c in token.conjuncts
                        if c.i > token.i and c.i in body and c.pos_ in CLAUSE_POS and not has_own_subject(c)
                    ],
                ]
                if coordinated(token)
                else [token]
            )
            for member in members:
                part = subtree_ids(member) & body if member is not token else set(body)
                for other in members:
                    if other.i > member.i:
                        part -= subtree_ids(other)
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


INNER_PREPOSITIONS = {"in", "of", "from", "at", "on"}  # where, of what, whence: modifiers of the noun before


def _inner_noun(noun: Token, clause: Token) -> bool:
    """The noun is the object of a preposition of place, part or origin on another noun ("the observatory in Lanzo",
    "the plume of the Orvik geyser"), and the relative clause's verb agrees with both: the clause may describe that
    other noun as well (rule relative_on_inner_noun). After "for" or "to" the noun is a participant of its own
    ("chair for the Orvik conference, which …"); a verb that agrees with the inner noun alone ("the sale of two
    ferries, which carry …") tells whose the clause is."""
    if not (
        noun.dep_ == "pobj"
        and noun.head.lower_ in INNER_PREPOSITIONS
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ in ("NOUN", "PROPN")
    ):
        return False
    outer = noun.head.head
    number = _finite_number(clause)
    return number is None or number == plural(outer)  # it agrees with the outer noun too: either may be meant


def _disagrees(clause: Token) -> bool:
    """The relative clause's finite verb is plural and its noun singular, or the other way round (rule
    relative_agreement)."""
    number = _finite_number(clause)
    return number is not None and number != plural(clause.head)


def _finite_number(verb: Token) -> bool | None:
    """Whether the clause's finite verb is plural (None: a past tense or a modal tells nothing)."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    finite = aux if aux is not None else verb
    if finite.tag_ == "VBZ":
        return False
    if finite.tag_ == "VBP":
        return True
    return {"was": False, "were": True}.get(finite.lower_)


def _participle_ids(doc: Doc, token: Token) -> list[int]:
    """A participle's words without the bracket the parser may hang on it."""
    return [j for j in sorted(subtree_ids(token)) if doc[j].text not in ("(", ")")]


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
    noun = [j for j in subtree_ids(token.head) if j < first - 1]
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
