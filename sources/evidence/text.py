"""Tokens, numbers and dates: the small vocabulary the ranking and stance signals share."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers him his how i if in into is it its itself just me more most my no nor not of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then there these they this those
    through to too under until up very was we were what when where which while who whom why will with would you your
    said says say according also s""".split()
)
NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor cannot can't don't doesn't didn't isn't wasn't aren't weren't
    won't wouldn't hasn't haven't hadn't deny denies denied denial false fake untrue hoax refuted debunked
    rejected rejects""".split()
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}  # fmt: skip
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b", re.I)
MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\b", re.I)
MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?\b")
PROPER = re.compile(r"\b(?:[A-Z][\w’'-]*|[A-Z]{2,})(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").replace("’", "'")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(normalize(text))]


def content_tokens(text: str) -> list[str]:
    """Lower-case words without stop words, crudely stemmed (plural s, 'ised'/'ized')."""
    return [_stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    for suffix, replacement in (("ised", "ize"), ("ized", "ize"), ("ises", "ize"), ("izes", "ize"), ("ise", "ize")):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + replacement
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def numbers(text: str) -> set[str]:
    """Numbers and ordinal words as canonical strings; years and days of dates are left to `dates`."""
    text = normalize(text)
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO_DATE, DAY_MONTH, MONTH_DAY):
        text = pattern.sub(" ", text)
    found = set()
    for match in NUMBER.findall(text):
        value = re.sub(r"(st|nd|rd|th)$", "", match).replace(",", "")
        if len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2100:
            continue  # a bare year is a date signal, not a quantity
        found.add(value.lstrip("0") or "0")
    for word in words(text):
        if word in ORDINALS:
            found.add(str(ORDINALS[word]))
    return found


def dates(text: str) -> set[tuple[int | None, int, int]]:
    """(year or None, month, day) for every explicit calendar date."""
    text = normalize(text)
    found: set[tuple[int | None, int, int]] = set()
    for d, m, y in DAY_MONTH_YEAR.findall(text):
        found.add((int(y), MONTHS[m.lower()], int(d)))
    for m, d, y in MONTH_DAY_YEAR.findall(text):
        found.add((int(y), MONTHS[m.lower()], int(d)))
    for y, m, d in ISO_DATE.findall(text):
        found.add((int(y), int(m), int(d)))
    stripped = ISO_DATE.sub(" ", MONTH_DAY_YEAR.sub(" ", DAY_MONTH_YEAR.sub(" ", text)))
    for d, m in DAY_MONTH.findall(stripped):
        found.add((None, MONTHS[m.lower()], int(d)))
    for m, d in MONTH_DAY.findall(stripped):
        found.add((None, MONTHS[m.lower()], int(d)))
    return {x for x in found if 1 <= x[2] <= 31}


def entities(text: str) -> set[str]:
    """Capitalised names ("North Korea", "Donetsk People's Republic"), lower-cased; sentence-initial
    stop words and months are dropped."""
    found = set()
    for match in PROPER.findall(normalize(text)):
        tokens = [t for t in match.split() if t.lower() not in STOPWORDS and t.lower() not in MONTHS]
        if tokens:
            found.add(" ".join(tokens).lower().removesuffix("'s"))
    return found


def negated(text: str) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in words(text))
