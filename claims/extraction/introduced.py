"""Is "the <noun>" in a claim introduced, or does it point back into the article? The checks behind the
"not introduced" gaps of readability.context_gaps:

- `unintroduced`: a common, unmodified noun not named earlier in the claim ("the letter", "the territories"), or
  one whose words between "the" and the noun only point back ("the new version", rule deictic_description);
- `described_subject`: a subject described without being named ("the gray haze", rule described_subject);
- `age_description`: a person described by age alone ("the 34-year-old").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import rules
from .lexicon import HYPHENS

# words between "the" and its noun that point back into the article without saying which thing (rule
# deictic_description): "the new version", "the other two", "the latter", "the two sides"
DEICTIC_MODIFIERS = {
    "new", "other", "latter", "former", "remaining", "aforementioned", "said", "both", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten",
}  # fmt: skip
# nouns that name one thing everyone knows: "the sun", "the world" read alone
UNIQUE_NOUNS = {
    "world",
    "sun",
    "moon",
    "earth",
    "universe",
    "internet",
    "sky",
    "public",
    "past",
    "future",
    "planet",
    "climate",
    "environment",
    "economy",
    "population",
    "weather",
    "ocean",
    "sea",
    "atmosphere",
    "web",
    "market",
    "industry",
    "country",
    "nation",
    "majority",
    "rest",
    "same",
    "first",
    "last",
    "end",
    "beginning",
    "number",
    "amount",
    "use",
    "time",
    "way",
    "case",
    "fact",
    "age",
    "history",
    "average",
    "top",
    "bottom",
    "middle",
    "center",
    "centre",
    "north",
    "south",
    "east",
    "west",
    "day",
    "night",
    "year",
    "morning",
    "evening",
}

# words before a subject noun that describe it without naming it: "the gray haze", "the low-slung wagon"
DESCRIBING_TAGS = ("JJ", "JJR", "NN", "NNS", "VBN", "VBG", "HYPH", "RB")


def described_subject(det: Token, ids: set[int], lowered_text: str) -> bool:
    """ "The gray haze led to …", "the roof spoiler is …": a subject "the <words> <noun>" that describes a thing the
    article introduced without naming it (rule described_subject). A name, a figure, a superlative or ordinal ("the
    2020 model", "the largest port"), a noun everyone knows ("the world economy") or a noun followed by its own
    description ("the price of tin") says which on its own."""
    noun = det.head
    if not rules.on("described_subject") or noun.dep_ not in ("nsubj", "nsubjpass") or noun.i <= det.i:
        return False
    between = [det.doc[j] for j in range(det.i + 1, noun.i)]
    if not between or noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in UNIQUE_NOUNS:
        return False
    if any(
        t.tag_ not in DESCRIBING_TAGS or t.ent_type_ or t.lower_ in ORDINAL_WORDS or t.lemma_.lower() in UNIQUE_NOUNS
        for t in between
    ):
        return False
    following = det.doc[noun.i + 1] if noun.i + 1 < len(det.doc) else None
    if following is not None and following.i in ids and following.tag_ in ("CD", "NNP", "NNPS"):
        return False  # "the wide body 787 jet": the name comes after the words the parser took for the noun
    if det.doc[det.i : noun.i + 1].text.lower() not in lowered_text:
        return False  # the claim was written from a conjunct: these words are not in it
    return _unintroduced_noun(det, between, ids, lowered_text)


def age_description(det: Token, ids: set[int]) -> bool:
    """ "The 34-year-old was charged …", "the 47 year old man": a person the article named, described by age alone
    (the parser makes "old" the noun, or "man" with the age before it). A name after the age says who ("the
    8-year-old Ana Ruiz") and is not this."""
    noun = det.head
    if noun.i <= det.i or noun.i not in ids or not det.doc[det.i + 1].like_num:
        return False
    words = [t.lower_ for t in det.doc[det.i + 2 : noun.i + 1] if t.tag_ != "HYPH"]  # after the number
    if noun.lower_ == "old":
        return words in (["year", "old"], ["years", "old"])
    return noun.pos_ == "NOUN" and len(words) == 3 and words[:2] in (["year", "old"], ["years", "old"])


# "the so-called streaming wars" is a name everyone uses
ORDINAL_WORDS = {"first", "last", "only", "same", "next", "following", "current", "previous", "latest", "main", "so"}


def unintroduced(det: Token, ids: set[int], lowered_text: str) -> bool:
    """ "the <noun>" whose noun is common, unmodified and not named earlier in the claim: "the letter", "the
    territories". A name ("the United States"), a superlative or ordinal ("the largest port"), a noun followed
    by its own description ("the price of tin", "the plan to …") or a noun everyone knows ("the sun") is fine."""
    noun = det.head
    if noun.i <= det.i or noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in UNIQUE_NOUNS:
        return False
    between = [det.doc[j] for j in range(det.i + 1, noun.i)]
    if between and not (rules.on("deictic_description") and all(t.lower_ in DEICTIC_MODIFIERS for t in between)):
        return False  # "the sales tax", "the Syrian army": modified, often enough to tell
    # "the new machine", "the two sides": words that say which only in the article are flagged as a bare noun is
    if not between and any(
        t.pos_ == "PROPN"
        or t.ent_type_
        or t.tag_ in ("JJS", "RBS", "CD")
        or t.lower_
        in ("first", "last", "only", "same", "next", "following", "former", "latter", "current", "new", "previous")
        for t in between
    ):
        return False
    return _unintroduced_noun(det, between, ids, lowered_text)


def word_end(token: Token) -> Token:
    """The last part of a hyphenated word the parse cut up ("co", "-", "founder": "founder"), else the token."""
    doc = token.doc
    while (
        token.i + 2 < len(doc)
        and not token.whitespace_
        and doc[token.i + 1].text in HYPHENS
        and not doc[token.i + 1].whitespace_
    ):
        token = doc[token.i + 2]
    return token


def _unintroduced_noun(det: Token, between: list[Token], ids: set[int], lowered_text: str) -> bool:
    """No description of its own after the noun ("the price of tin", "the plan to …", "the co-founder of X": on any
    part of a hyphenated noun) and no mention of it earlier in the claim. A clause set off by a comma ("the towns,
    situated in the valley, …", "the letter, which arrived in May, …") adds to a thing already known without saying
    which it is: the claim the pipeline writes of it ("The towns are situated in the valley.") is flagged."""
    noun = det.head
    parts = det.doc[noun.i : word_end(noun).i + 1]
    if any(
        c.dep_ in ("prep", "relcl", "acl", "appos", "nummod") and c.i > noun.i and c.i in ids and not _set_off(c)
        for part in parts
        for c in part.children
    ):
        return False
    earlier = lowered_text.find(noun.text.casefold())
    first_the = lowered_text.find("the " + " ".join(t.text for t in between + [noun]).casefold())
    return not (0 <= earlier < first_the)


def _set_off(modifier: Token) -> bool:
    """A participle or relative clause that a comma sets off from its noun (non-restrictive)."""
    before = modifier.left_edge.i - 1
    return modifier.dep_ in ("acl", "relcl") and before >= 0 and modifier.doc[before].text == ","
