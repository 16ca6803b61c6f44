"""A month or a day of a month written without its year gets the year, where the publication date settles it
(rule month_year).

News style (AP and most house styles) writes a date without its year when it falls in the year of publication:
"On July 18, the council voted …" in an article of 14 November 2019 means 18 July 2019. A claim read alone, later,
needs that year. The year is written only where the reading is sure:
- the statement is about the past (a past tense or a perfect governs the date) and the month is not after the
  publication's month (a day, not after its day), or it is about the future ("will") and the month is not before;
- no other year is at hand: none in the sentence or earlier in its paragraph ("In 2015 … In March, he resigned"
  means March 2015), no "last year"/"next year";
- not a recurring or personal date ("every November", "born on May 5", an anniversary), not "last July" or a
  possessive ("October's conference").
Anything else stays as written.
"""

from __future__ import annotations

import datetime as dt
import re

from . import rules

RULE = "month_year"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                 "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
_MONTH = r"(?P<month>[A-Z][a-z]+\.?)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
FORMS = (  # (pattern of the whole date span, what goes between it and the year)
    (re.compile(rf"{_MONTH} {_DAY}"), ", "),  # "July 18", "Dec. 1"
    (re.compile(rf"{_DAY} {_MONTH}"), " "),  # "18 July"
    (re.compile(rf"(?:(?:early|mid|late)[- ])?{_MONTH}"), " "),  # "July", "mid-July"
    (re.compile(rf"the (?:end|beginning|start|middle|first half|second half) of {_MONTH}"), " "),
)
OTHER_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:last|next|this|that|previous|following) year\b", re.I)
NOT_ONE_DATE = re.compile(r"\b(?:every|each|annual|annually|born|birthday|anniversary|usually|typically)\b", re.I)
FUTURE = {"will", "'ll", "shall"}


def month_number(word: str) -> int | None:
    word = word.rstrip(".").lower()
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return ABBREVIATIONS.get(word)


def _tense(token) -> str:
    """'past', 'future' or '' for the verb that governs the date."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE for a in auxiliaries):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and not auxiliaries and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # "The bridge reopened on June 3", the past tense tagged as a participle
    return ""


def _settled(month: int, day: int | None, tense: str, published: dt.date) -> bool:
    if tense == "past":
        return (month, day or 0) <= (published.month, published.day if day else 0)
    if tense == "future":
        return (month, day or 32) >= (published.month, published.day if day else 0)
    return False


def years_written(doc, published: dt.date | None) -> dict[int, tuple[int, str]]:
    """Dates of a month without their year, written with it: token start -> (token end, "July 18, 2019")."""
    found: dict[int, tuple[int, str]] = {}
    if published is None or not rules.on(RULE):
        return found
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        form = next(((m, joiner) for pattern, joiner in FORMS if (m := pattern.fullmatch(ent.text))), None)
        if form is None:
            continue
        match, joiner = form
        month = month_number(match.group("month"))
        day = int(match.group("day")) if "day" in match.groupdict() and match.group("day") else None
        if month is None or (day is not None and not 1 <= day <= 31):
            continue
        sent = ent.sent
        paragraph_start = doc.text.rfind("\n", 0, sent.start_char) + 1
        context = doc.text[paragraph_start : sent.end_char]
        before = doc[ent.start - 1] if ent.start > 0 else None
        after = doc[ent.end] if ent.end < len(doc) else None
        if (
            OTHER_YEAR.search(context)
            or NOT_ONE_DATE.search(sent.text)
            or (before is not None and before.lower_ in ("last", "next", "this", "that", "every", "each"))
            or (after is not None and (after.tag_ == "POS" or re.fullmatch(r"\d{4}", after.text)))
            or not _settled(month, day, _tense(ent.root), published)
        ):
            continue
        found[ent.start] = (ent.end, f"{ent.text}{joiner}{published.year}")
    return found
