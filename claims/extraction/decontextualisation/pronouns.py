"""Token index of each pronoun the resolver is sure of -> what it stands for, in one pass over the sentences."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from .. import rules
from .expletives import expletive
from .people import contradicts, gender_evidence, subject_person, sure_person
from .referents import (
    DEMONSTRATIVE,
    NEUTER,
    PERSONAL,
    POSSESSIVE,
    PRONOUNS,
    SUBJECT_DEPS,
    THING_LABELS,
    Antecedent,
    in_quotation,
)
from .subjects import nearest_thing_subject, other_subject_before, recent_pair, subject_phrase, subject_token


def antecedents(doc: Doc, sents: list[Span], canonical_of) -> dict[int, Antecedent]:  # noqa: C901 (26; to split into one function per pronoun kind)
    """Token index of each resolvable pronoun -> what it stands for."""
    found: dict[int, Antecedent] = {}
    mentions: list[tuple[int, str, str]] = []  # (token index, label, canonical) of named entities, in order
    for ent in doc.ents:
        if (ent.label_ == "PERSON" or ent.label_ in THING_LABELS) and not (
            rules.on("sure_antecedent") and not any(c.isupper() for c in ent.text)
        ):
            mentions.append((ent.start, ent.label_, canonical_of(ent)))  # a name is written with a capital
    people = [m for m in mentions if m[1] == "PERSON"]
    people_at = [m[0] for m in people]
    things = [m for m in mentions if m[1] in ("GPE", "ORG")]
    things_at = [m[0] for m in things]
    genders: dict[str, str] | None = None  # read from the article once, when a he/she needs it
    previous_subject = None
    previous_unclassed = False  # the previous sentence's subject is a name the parser could not class
    window_start = 0
    for sent in sents:
        current = subject_phrase(sent, canonical_of)
        for token in sent:
            lower = token.lower_
            if lower in DEMONSTRATIVE and token.pos_ == "PRON" and token.dep_ in SUBJECT_DEPS and token.i == sent.start:
                # "This shows that …", "That is why …": a demonstrative subject mostly stands for what the previous
                # sentence said, not for its subject; replacing it by that subject wrote wrong claims, so it stays
                # (and a claim opening with it is not stored)
                if (
                    previous_subject
                    and not previous_subject[1]
                    and not previous_subject[3]
                    and rules.on("demonstrative_subject")
                ):
                    found[token.i] = Antecedent(text=previous_subject[0], possessive=False)
                continue
            if lower not in PRONOUNS or token.pos_ != "PRON" and lower not in POSSESSIVE:
                continue
            possessive = lower in POSSESSIVE or token.dep_ == "poss"
            if lower == "her" and token.dep_ != "poss":
                possessive = False
            text = None
            if lower in PERSONAL:
                before = bisect_left(people_at, token.i)
                if before:
                    text = people[before - 1][2]
                    if rules.on("ambiguous_person"):
                        text = sure_person(people[bisect_left(people_at, window_start) : before], token, text)
                    if rules.on("person_subject"):
                        if genders is None:
                            genders = gender_evidence(doc, sents, canonical_of)
                        recent = {name for _, _, name in people[bisect_left(people_at, window_start) : before]}
                        if len(recent) <= 1:  # several: ambiguous_person's reporting-verb rule, or nothing
                            text = subject_person(doc, token, window_start, canonical_of, found)
                        if text and contradicts(genders.get(text), token):
                            text = None
            elif lower in NEUTER:
                if expletive(token):
                    continue
                nearest = nearest_thing_subject(sent, token, canonical_of) if token.i > sent.start else None
                if nearest:
                    text = nearest  # "The letter expressed its conviction": its = the letter
                elif rules.on("subject_antecedent") and other_subject_before(sent, token):
                    pass  # "…, the firm made a speaker that …, but it is portable": the sentence's own subjects come first
                elif rules.on("quoted_it") and in_quotation(sent, token):
                    pass  # a speaker's "it" is what the speaker talks about, not the article's last subject
                elif rules.on("ambiguous_thing") and previous_unclassed:
                    pass  # "Ana Ruiz" untagged may be a person, "Orvik X5" a product: no guess, and no name further back
                elif (
                    previous_subject and not previous_subject[1] and not previous_subject[2] and not previous_subject[3]
                ):
                    text = previous_subject[0]
                else:
                    floor = sent.start - 80  # tokens: roughly this and the previous sentence
                    before = bisect_left(things_at, token.i)
                    if before and things[before - 1][0] >= floor and not rules.on("subject_antecedent"):
                        text = things[before - 1][2]
                        if rules.on("ambiguous_thing"):
                            # only when it is the one place or organisation named since the previous sentence
                            # began: "Lanzo signed with Orvik Lines. It …" could be either
                            since = bisect_left(things_at, window_start)
                            if len({name for _, _, name in things[since:before]}) > 1:
                                text = None
            else:
                nearest = (
                    nearest_thing_subject(sent, token, canonical_of, plural=True) if token.i > sent.start else None
                )
                if nearest:
                    text = nearest  # "Proteins are necessary …, and they are produced …": they = proteins
                elif rules.on("subject_antecedent") and other_subject_before(sent, token):
                    pass  # "A and B won …, where they beat …": they = A and B, not the previous sentence's subject
                elif previous_subject and previous_subject[2] and not previous_subject[3]:
                    text = previous_subject[0]
                elif not rules.on("subject_antecedent"):
                    text = recent_pair(mentions, doc, token)  # "… between Russia and North Korea. … their …"
            if text:
                found[token.i] = Antecedent(text=text, possessive=possessive)
        window_start = sent.start  # the next sentence looks back over this one
        head = subject_token(sent)
        previous_unclassed = (
            head is not None and head.pos_ == "PROPN" and head.ent_type_ not in THING_LABELS | {"PERSON"}
        )
        if current is not None:
            if current[3]:  # a pronoun subject: carry what it stood for
                subject = next(c for c in sent.root.children if c.dep_ in SUBJECT_DEPS)
                resolved = found.get(subject.i)
                previous_subject = (resolved.text, current[1], current[2], False) if resolved else previous_subject
            else:
                previous_subject = current
        else:
            previous_subject = None
    return found
