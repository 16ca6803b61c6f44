"""A claim never cut through a bracket (rule bracket_guard). A clause that took one bracket of a pair and not the
other either lies wholly inside or outside it (the stray bracket goes: "(meaning you can return it by January)" ->
"… by January.") or crosses it, and then it is no claim: the sentence's other clauses, or the sentence whole, stand
instead. A bracket whose partner is in another sentence (a split the segmentation could not avoid) goes alone when it
closes ("…, 6-2)."); when it opens, the claim ends before it, if what stays is still a sentence ("… 7-6 (5." ->
"… 7-6.").

Dashes that set an aside apart ("The plant - the largest in the region - employs 4,000") pair up too (rule
dash_aside_guard): a clause that keeps one dash of a pair, words on both sides of it and only part of the aside was
cut through the aside ("The candidate - whose father, as governor, hammered the senator"), and is no claim. A clause
that keeps the whole aside and stops at its end ("Sales rose 12% - the fastest pace in a decade") cut nothing."""

from __future__ import annotations

from spacy.tokens import Span

from . import rules
from .lexicon import finite

OPENERS = {"(": ")", "[": "]"}
CLOSERS = {v: k for k, v in OPENERS.items()}


def _pairs(sent: Span) -> tuple[list[tuple[int, int]], set[int]]:
    """The sentence's bracket pairs (opener, closer) and its unmatched brackets, by token index."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    unmatched: set[int] = set()
    for token in sent:
        if token.text in OPENERS:
            stack.append(token.i)
        elif token.text in CLOSERS:
            if stack and sent.doc[stack[-1]].text == CLOSERS[token.text]:
                pairs.append((stack.pop(), token.i))
            else:
                unmatched.add(token.i)
    return pairs, unmatched | set(stack)


DASHES = {"\u2014", "\u2013"}  # em and en dash; a hyphen counts only with a space on each side ("2019 - 2020")


def _dash(token) -> bool:
    if token.text in DASHES:
        return True
    return token.text in ("-", "--") and bool(token.whitespace_) and token.i > 0 and bool(token.nbor(-1).whitespace_)


def cuts_dash_aside(sent: Span, kept: set[int]) -> bool:
    """Whether the clause keeps one dash of an aside's pair, words on both sides of it, and not the whole aside."""
    doc = sent.doc
    dashes = [t.i for t in sent if _dash(t)]
    for opener, closer in zip(dashes[::2], dashes[1::2]):
        if (opener in kept) == (closer in kept):
            continue
        words = [i for i in kept if not doc[i].is_punct]
        inside = [opener < i < closer for i in words]
        aside = {i for i in range(opener + 1, closer) if not doc[i].is_punct}
        if any(inside) and not all(inside) and not aside <= kept:
            return True
    return False


def without_cut_brackets(sent: Span, ids: list[int]) -> list[int] | None:
    """The clause's token ids with no bracket cut through, or None when the clause crosses a bracket it cut."""
    doc = sent.doc
    kept = set(ids)
    if rules.on("dash_aside_guard") and cuts_dash_aside(sent, kept):
        return None
    pairs, unmatched = _pairs(sent)
    for opener, closer in pairs:
        if (opener in kept) == (closer in kept):
            continue
        words = [i for i in kept if not doc[i].is_punct]
        inside = [opener < i < closer for i in words]
        if all(inside) or not any(inside):
            kept -= {opener, closer}  # the stray bracket of a clause wholly inside or outside the pair
        else:
            return None
    text = sent.text
    if all(text.count(o) == text.count(c) for o, c in OPENERS.items()):
        return sorted(kept)  # the partner is inside a token ("(multi)media", "shift[1]"): nothing was cut
    for bracket in sorted(unmatched & kept):
        if doc[bracket].text in CLOSERS:
            kept.discard(bracket)
            continue
        before = {i for i in kept if i < bracket}
        if not any(finite(doc[i]) for i in before):
            return None
        kept = before
    return sorted(kept)
