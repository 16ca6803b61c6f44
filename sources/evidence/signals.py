"""What a claim and a passage have in common, and where they conflict: the signals of a stance suggestion.

Each signal is a small named rule (conventions: rules as data) that reads a `Pair` and gives a number
(the feature the stance model weighs) and, when it fires, a phrase for the reason an editor reads.
`SIGNALS` is the registry; `features()` runs it in order, so the shipped model's feature names are the
signal names. A signal can be switched off (`disabled=`) to measure what it is worth.

Names are compared alias-resolved through the extraction's gazetteer (claims/extraction/data), so
"Pyongyang" (a capital standing for its government) and "DPRK" are both North Korea.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .passages import passage_sentences
from .text import content_tokens, dates, entities, normalize, numbers, words

# Words that turn a statement into its denial. "yet to", "failed to" deny the act that follows.
NEGATION_WORDS = frozenset(
    """not no never none nobody nothing neither nor cannot without deny denies denied denial refused refuses
    false untrue fake hoax myth debunked""".split()
)
NEGATION_PHRASES = re.compile(
    r"\b(?:yet to|failed to|fails to|has not|have not|had not|rather than|instead of)\b", re.I
)
# Opposites that flip a claim when one side uses one and the other side the other (made-up pairs of
# everyday reporting verbs and adjectives; a pair is read both ways).
ANTONYMS = (
    ("increase", "decrease"), ("rise", "fall"), ("rose", "fell"), ("grow", "shrink"), ("gain", "loss"),
    ("win", "lose"), ("won", "lost"), ("accept", "reject"), ("accepted", "rejected"), ("approve", "veto"),
    ("approved", "vetoed"), ("allow", "ban"), ("allowed", "banned"), ("legal", "illegal"), ("alive", "dead"),
    ("alive", "died"), ("born", "died"), ("first", "last"), ("largest", "smallest"), ("highest", "lowest"),
    ("oldest", "youngest"), ("longest", "shortest"), ("before", "after"), ("north", "south"), ("east", "west"),
    ("more", "less"), ("more", "fewer"), ("above", "below"), ("open", "closed"), ("support", "oppose"),
    ("supported", "opposed"), ("joined", "left"), ("confirmed", "denied"), ("true", "false"), ("male", "female"),
)  # fmt: skip
CARDINALS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100, "thousand": 1000, "million": 1000000,
}  # fmt: skip
YEAR = re.compile(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?!\d|[.,]\d)")


def _antonym_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for a, b in ANTONYMS:
        index.setdefault(a, set()).add(b)
        index.setdefault(b, set()).add(a)
    return index


OPPOSITE = _antonym_index()


# --- Names, alias-resolved ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _aliases() -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern over every alias of the shared gazetteer (longest first) and alias -> canonical name.
    A demonym names its country; a capital that news writes for the government ("Pyongyang cut ties") too."""
    try:
        from claims.extraction.entities import gazetteer, normalise_name
    except ImportError:  # pragma: no cover - the extraction app is part of this project
        return None, {}
    canonical: dict[str, str] = {}
    for entity in gazetteer().entities:
        name = entity.canonical.casefold()
        seat = (entity.capital, *entity.capital_aliases) if entity.capital_is_seat and entity.capital else ()
        for alias in (*entity.aliases, *entity.misspellings, *entity.demonyms, *seat):
            canonical[normalise_name(alias).casefold()] = name
    if not canonical:
        return None, {}
    alternatives = sorted((re.escape(a) for a in canonical), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?:'s)?(?![\w'])", re.I), canonical


def names(text: str) -> set[str]:
    """Named things in a text, lower-case, known aliases replaced by their canonical name."""
    pattern, canonical = _aliases()
    found: set[str] = set()
    text = normalize(text)
    if pattern is not None:

        def take(match: re.Match) -> str:
            found.add(canonical[match.group(0).casefold().removesuffix("'s")])
            return " , "

        text = pattern.sub(take, text)
    return found | {e for e in entities(text) if len(e) > 1}


def _named_in(name: str, passage_names: set[str], passage_lower: str) -> bool:
    if name in passage_names or name in passage_lower:
        return True
    # "William O. Douglas" is named by "Douglas": a surname or any long part of a multi-word name counts.
    parts = [p for p in name.split() if len(p) > 3]
    return bool(parts) and parts[-1] in passage_lower


def negated(text: str) -> bool:
    tokens = words(text)
    return any(w in NEGATION_WORDS or w.endswith("n't") for w in tokens) or bool(NEGATION_PHRASES.search(text))


# --- One claim against one passage ----------------------------------------------------------------------


@dataclass
class Pair:
    """A claim and a passage, with the passage's sentence most like the claim (by embedding when
    `similarities` are given, one per sentence; else by shared terms)."""

    claim: str
    passage: str
    similarities: Sequence[float] | None = None
    passage_similarity: float | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def claim_terms(self) -> set[str]:
        return set(content_tokens(self.claim))

    @cached_property
    def passage_sentences(self) -> list[str]:
        return passage_sentences(self.passage)

    def _coverage(self, text: str) -> float:
        if not self.claim_terms:
            return 0.0
        return len(self.claim_terms & set(content_tokens(text))) / len(self.claim_terms)

    @cached_property
    def coverage(self) -> float:
        return self._coverage(self.passage)

    @cached_property
    def best_index(self) -> int:
        if self.similarities is not None and len(self.similarities) == len(self.passage_sentences):
            return max(range(len(self.similarities)), key=lambda i: self.similarities[i])
        return max(range(len(self.passage_sentences)), key=lambda i: self._coverage(self.passage_sentences[i]))

    @cached_property
    def best_sentence(self) -> str:
        return self.passage_sentences[self.best_index]

    @cached_property
    def best_similarity(self) -> float | None:
        return None if self.similarities is None else float(max(self.similarities, default=0.0))

    @cached_property
    def claim_names(self) -> set[str]:
        return names(self.claim)

    @cached_property
    def passage_names(self) -> set[str]:
        return names(self.passage)

    @cached_property
    def shared_names(self) -> list[str]:
        lowered = normalize(self.passage).lower()
        return sorted(n for n in self.claim_names if _named_in(n, self.passage_names, lowered))

    @cached_property
    def missing_names(self) -> list[str]:
        return sorted(self.claim_names - set(self.shared_names))


@dataclass(frozen=True)
class Signal:
    """A named rule: `value` gives the feature; `says` gives the reason phrase when it fires (or None)."""

    name: str
    value: Callable[[Pair], float]
    says: Callable[[Pair], str | None] = lambda pair: None
    example: str = ""


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:], strict=False))


def _bigram_share(pair: Pair) -> float:
    claim = _bigrams(content_tokens(pair.claim))
    return len(claim & _bigrams(content_tokens(pair.passage))) / len(claim) if claim else 0.0


def _numbers_state(pair: Pair) -> tuple[set[str], set[str], set[str]]:
    key = "numbers"
    if key not in pair._cache:
        claim, passage = _quantities(pair.claim), _quantities(pair.passage)
        pair._cache[key] = (claim, passage, claim & passage)
    return pair._cache[key]


def _quantities(text: str) -> set[str]:
    """Numbers in digits and in words ("three", "a dozen")."""
    return numbers(text) | {str(CARDINALS[w]) for w in words(text) if w in CARDINALS}


def _other_names(pair: Pair) -> list[str]:
    """Names in the closest sentence that the claim does not use, when the claim's own names are not all
    there: another person or place in the claim's role ("the oldest was Brennan", not Douglas)."""
    if not pair.missing_names:
        return []
    claim_text = normalize(pair.claim).lower()
    return sorted(n for n in names(pair.best_sentence) if n not in pair.claim_names and n not in claim_text)


def _years(text: str) -> set[str]:
    return set(YEAR.findall(normalize(text)))


def _dates_state(pair: Pair) -> tuple[bool, bool]:
    key = "dates"
    if key not in pair._cache:
        claim_dates, passage_dates = dates(pair.claim), dates(pair.passage)
        agree = conflict = False
        for cy, cm, cd in claim_dates:
            if any((pm, pd) == (cm, cd) and (None in (cy, py) or cy == py) for py, pm, pd in passage_dates):
                agree = True
            elif passage_dates:
                conflict = True
        pair._cache[key] = (agree, conflict and not agree)
    return pair._cache[key]


def _antonym(pair: Pair) -> tuple[str, str] | None:
    claim_words = set(words(pair.claim))
    sentence_words = set(words(pair.best_sentence))
    for word in sorted(claim_words):
        for opposite in sorted(OPPOSITE.get(word, ())):
            if opposite in sentence_words and opposite not in claim_words and word not in sentence_words:
                return word, opposite
    return None


def _negation_mismatch(pair: Pair) -> bool:
    return negated(pair.claim) != negated(pair.best_sentence)


def _sentence_similarity(pair: Pair) -> float:
    return pair.best_similarity if pair.best_similarity is not None else pair._coverage(pair.best_sentence)


def _top_similarities(pair: Pair, n: int | None) -> float:
    """The mean of the `n` highest sentence similarities (all sentences when None); shared-term coverage
    stands in when there are no embeddings."""
    values = (
        list(pair.similarities)
        if pair.similarities is not None
        else [pair._coverage(s) for s in pair.passage_sentences]
    )
    values = sorted(values, reverse=True)[:n] if n else values
    return sum(values) / len(values) if values else 0.0


def _short_list(items: Iterable[str], n: int = 3) -> str:
    return ", ".join(list(items)[:n])


SIGNALS: tuple[Signal, ...] = (
    Signal(
        "coverage",
        lambda p: p.coverage,
        lambda p: f"has {p.coverage:.0%} of the claim's terms",
        "'Paris hosted the 1900 games' has 4 of its 4 terms in 'the 1900 games were hosted by Paris'",
    ),
    Signal("sentence_coverage", lambda p: p._coverage(p.best_sentence)),
    Signal("bigrams", _bigram_share),
    Signal(
        "similarity",
        _sentence_similarity,
        lambda p: None if p.best_similarity is None else f"its closest sentence is {p.best_similarity:.2f} similar",
        "a paraphrase scores high though it shares few words",
    ),
    Signal("passage_similarity", lambda p: p.passage_similarity if p.passage_similarity is not None else p.coverage),
    Signal(
        "names_shared",
        lambda p: len(p.shared_names) / len(p.claim_names) if p.claim_names else 1.0,
        lambda p: ("names " + _short_list(p.shared_names, 4)) if p.shared_names else None,
        "'DPRK' in a passage names North Korea",
    ),  # fmt: skip
    Signal(
        "names_missing",
        lambda p: min(len(p.missing_names), 3) / 3,
        lambda p: ("does not name " + _short_list(p.missing_names)) if p.missing_names else None,
    ),  # fmt: skip
    Signal(
        "numbers_agree",
        lambda p: float(bool(_numbers_state(p)[2])),
        lambda p: (
            ("same numbers (" + _short_list(sorted(_numbers_state(p)[2]), 4) + ")") if _numbers_state(p)[2] else None
        ),
    ),
    Signal(
        "numbers_conflict",
        lambda p: float(bool(_numbers_state(p)[0] and _numbers_state(p)[1] and not _numbers_state(p)[2])),
        lambda p: (
            (
                f"different numbers (claim {_short_list(sorted(_numbers_state(p)[0]))}; "
                f"passage {_short_list(sorted(_numbers_state(p)[1]))})"
            )
            if _numbers_state(p)[0] and _numbers_state(p)[1] and not _numbers_state(p)[2]
            else None
        ),
        "'the second country' against 'the third country'",
    ),
    Signal(
        "years_agree",
        lambda p: float(bool(_years(p.claim) & _years(p.passage))),
        lambda p: (
            ("same year (" + _short_list(sorted(_years(p.claim) & _years(p.passage))) + ")")
            if _years(p.claim) & _years(p.passage)
            else None
        ),
    ),  # fmt: skip
    Signal(
        "years_conflict",
        lambda p: float(bool(_years(p.claim) and _years(p.best_sentence) and not _years(p.claim) & _years(p.passage))),
        lambda p: (
            "a different year"
            if _years(p.claim) and _years(p.best_sentence) and not _years(p.claim) & _years(p.passage)
            else None
        ),
    ),
    Signal(
        "years_differ",
        lambda p: float(bool(_years(p.claim) and _years(p.passage) and not _years(p.claim) & _years(p.passage))),
    ),
    Signal(
        "other_names",
        lambda p: float(bool(_other_names(p))),
        lambda p: ("names " + _short_list(_other_names(p)) + " instead") if _other_names(p) else None,
        "'the oldest was Brennan' against a claim naming Douglas",
    ),  # fmt: skip
    Signal("dates_agree", lambda p: float(_dates_state(p)[0]), lambda p: "same date" if _dates_state(p)[0] else None),
    Signal(
        "dates_conflict",
        lambda p: float(_dates_state(p)[1]),
        lambda p: "a different date" if _dates_state(p)[1] else None,
    ),
    Signal(
        "negation",
        lambda p: float(_negation_mismatch(p)),
        lambda p: (
            ("one of them is negated (" + ("claim" if negated(p.claim) else "passage") + ")")
            if _negation_mismatch(p)
            else None
        ),
        "'has yet to respond' against 'responded at once'",
    ),
    Signal(
        "opposite",
        lambda p: float(_antonym(p) is not None),
        lambda p: "opposite words ({} / {})".format(*_antonym(p)) if _antonym(p) else None,
        "'prices rose' against 'prices fell'",
    ),  # fmt: skip
    Signal("length", lambda p: math.log1p(len(words(p.passage))) / 6),
    # How the claim's embedding spreads over the passage: one close sentence among unrelated ones reads
    # differently from a passage about the claim throughout.
    Signal("similarity_top2", lambda p: _top_similarities(p, 2)),
    Signal("similarity_mean", lambda p: _top_similarities(p, None)),
    Signal("similarity_x_coverage", lambda p: _sentence_similarity(p) * p.coverage),
    Signal("claim_negated", lambda p: float(negated(p.claim)), example="a claim that says 'X did not sign'"),
    Signal("sentences", lambda p: math.log1p(len(p.passage_sentences)) / 3),
    Signal(
        "names_all",
        lambda p: float(bool(p.claim_names) and not p.missing_names),
        lambda p: "names everyone the claim names" if p.claim_names and not p.missing_names else None,
    ),  # fmt: skip
)
SIGNAL_NAMES = tuple(s.name for s in SIGNALS)


def features(pair: Pair, *, disabled: Iterable[str] = ()) -> list[float]:
    """One number per signal, in registry order; a disabled signal reads 0."""
    off = set(disabled)
    return [0.0 if s.name in off else float(s.value(pair)) for s in SIGNALS]


def reasons(pair: Pair) -> list[str]:
    return [phrase for s in SIGNALS if (phrase := s.says(pair))]
