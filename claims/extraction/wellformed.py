"""Is a claim a whole sentence, or a piece the pipeline cut out badly? Judged on the article's tokens the claim was
written from (rule wellformed):

- a claim that opens with its finite verb lost its subject or was inverted by a dropped word ("Was flagged on two
  plays." out of "X was fined, but was flagged on two plays"; "Is banking a tough sell." out of "…, nor is it a
  tough sell", whose negation went with the "nor");
- a "both"/"either"/"neither" whose second half was split off ("top-20 in both run defense.");
- "has" right before a gerund ("has tackling this season" out of "has been solid in run support and tackling"):
  a borrowed auxiliary that does not fit the verb it was lent to;
- a claim that ends on a word whose other half stayed in the article ("11 percent were red, 15 percent blue,
  and."; "the rise of."): a conjunction without its conjunct, a preposition without its object, a determiner
  without its noun; also when the parse hangs that other half elsewhere (rule cut_after_function_word: the
  article goes straight on with a word the claim dropped).
A word the article itself leaves without its other half ("what we are aware of") is the article's wording: kept.

Rule relative_piece: a piece of a relative clause cut off from the noun it is about: "… the individual pixels of
which can be dimmed." without the lamps the "which" stands for, "…, both of whom." without the clause, or the clause
without its "whom" ("Ana Ruiz has had feuds with in the past." out of "…, both of whom Ana Ruiz has had feuds with
in the past"): no claim from that piece.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import rules
from .lexicon import FINITE_TAGS, WH_TAGS

OPENERS_SKIPPED = ("cc", "intj", "preconj")  # "And", "Well", "Either" before the statement, dropped when written


def garbled(tokens: list[Token]) -> bool:
    """The claim written from `tokens` is no whole sentence (see the module doc)."""
    if not rules.on("wellformed"):
        return False
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    ids = {t.i for t in tokens}
    if _verb_first(words) or _cut_end(words, ids) or _half_pair(words) or _perfect_gerund(words):
        return True
    if rules.on("wh_fragment") and _wh_fragment(words, ids):
        return True
    return rules.on("relative_piece") and _relative_piece(words, ids)


# dependencies that open a clause of their own: a wh-word below one of them belongs to that clause, not to the claim
CLAUSAL_DEPS = {"csubj", "csubjpass", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp"}


def _wh_fragment(words: list[Token], ids: set[int]) -> bool:
    """An embedded question or free relative written as if it were a claim (rule wh_fragment): "how much the wind
    spreads it", "what is next for the company", split off a list or an object they belonged to. The opening wh-word
    reaches the claim's main verb without passing through a clause of its own; in "What the council decided was
    kept secret" it sits in the subject clause, and the sentence stands."""
    node = words[0]
    if node.tag_ not in WH_TAGS:
        return False
    while node.head.i != node.i and node.head.i in ids:
        if node.dep_ in CLAUSAL_DEPS:
            return False
        node = node.head
    return True


RELATIVE_WORDS = {"which", "whom", "whose"}


def _relative_piece(words: list[Token], ids: set[int]) -> bool:
    doc = words[0].doc
    sent = words[0].sent
    for word in sent:
        if word.lower_ not in RELATIVE_WORDS or word.tag_ not in ("WDT", "WP", "WP$"):
            continue
        start = _relative_phrase_start(word)
        antecedent = next((doc[j] for j in range(start - 1, sent.start - 1, -1) if not doc[j].is_punct), None)
        if word.i in ids:
            if antecedent is not None and antecedent.i not in ids:
                return True  # "which"/"whom" in the claim, the noun it stands for left behind
            if not any(t.i > word.i and t.pos_ in ("VERB", "AUX") for t in words):
                return True  # "…, both of whom.": the relative phrase without its clause
        elif word.dep_ not in ("nsubj", "nsubjpass") and start not in ids and _clause_after(word, ids):
            return True  # the clause kept, the "whom" it needs for its object left behind
    return False


def _relative_phrase_start(word: Token) -> int:
    """Where the relative phrase opens: "the individual pixels of which" opens at "the", "both of whom" at
    "both", a bare "which" at itself."""
    top = word
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.i < top.i:
        top = top.head.head
    return min(t.i for t in top.subtree) if top is not word else word.i


def _clause_after(word: Token, ids: set[int]) -> bool:
    """The claim holds a finite verb right after the relative word, within the words the relative clause covers."""
    doc = word.doc
    following = [doc[j] for j in range(word.i + 1, min(word.i + 8, word.sent.end))]
    return any(t.i in ids and t.tag_ in FINITE_TAGS for t in following)


def _verb_first(words: list[Token]) -> bool:
    lead = next((t for t in words if t.dep_ not in OPENERS_SKIPPED), words[0])
    return lead.tag_ in FINITE_TAGS and lead.pos_ in ("VERB", "AUX")


def _cut_end(words: list[Token], ids: set[int]) -> bool:
    last = words[-1]
    if last.dep_ in ("cc", "preconj"):
        others = [c for c in last.head.children if c.dep_ == "conj" and c.i > last.i]
    elif last.dep_ in ("prep", "agent"):
        others = [c for c in last.children if c.i > last.i]
    elif last.dep_ in ("det", "poss", "aux", "auxpass", "mark", "case", "nummod", "amod", "compound"):
        others = [last.head] if last.head.i > last.i else []
    else:
        others = []
    # the other half left in the sentence; a parse that reaches over a paragraph break ("22.4" hung on a heading
    # below it) cut nothing
    if any(o.i not in ids and not _line_break_between(last, o) for o in others):
        return True
    return rules.on("cut_after_function_word") and _cut_after_function_word(last, ids)


FUNCTION_TAGS = {"IN", "CC", "DT", "TO", "PRP$", "WDT"}
OPENING_MARKS = {"<", "(", "[", "{", "\u201c", "\u00ab"}


def _cut_after_function_word(last: Token, ids: set[int]) -> bool:
    """A claim ending on a preposition, conjunction or determiner that the article follows straight on with a word
    the claim dropped ("I was not aware of." out of "aware of or part of …"; "15 percent blue, and." out of "…, and
    9 percent green"): cut there, whatever the parse hung the next word on. A particle ("turned it off") is no such
    word, and a comma after the word ("what we looked for, she said") means the article paused there too."""
    if last.text in OPENING_MARKS:
        return True  # "… came to the theatre to watch <": the title the mark opened is cut off
    if last.tag_ not in FUNCTION_TAGS or last.i + 1 >= len(last.doc):
        return False
    following = last.doc[last.i + 1]
    return following.i not in ids and not following.is_punct and not following.is_space and following.sent == last.sent


def _line_break_between(first: Token, second: Token) -> bool:
    doc = first.doc
    return any("\n" in doc[j].text_with_ws for j in range(first.i, second.i))


PAIRED = {"both", "either", "neither"}


def _half_pair(words: list[Token]) -> bool:
    """ "both A" without its "and B": the parse may hang B far from A, so the claim's own words decide."""
    return any(
        t.lower_ in PAIRED and t.dep_ == "preconj" and not any(w.dep_ == "cc" and w.i > t.i for w in words)
        for t in words
    )


def _perfect_gerund(words: list[Token]) -> bool:
    return any(
        first.lemma_ == "have" and first.pos_ == "AUX" and first.tag_ != "VBG" and second.tag_ == "VBG"
        for first, second in zip(words, words[1:])
    )
