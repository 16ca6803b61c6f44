"""Time anchoring: a date expression in a claim, resolved against the article's publication date.

dateparser does the resolving ("on Wednesday" in an article of Thursday 14 July 2022 -> 2022-07-13,
"last month", "77 years ago"); this module only picks which expressions are dates at all (durations
such as "two days" or "a long time" are not) and reports a precision: a month or a year is given
as its first day.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

# Words around a date expression that dateparser does not need ("back in February", "since 2014").
_LEADING = re.compile(
    r"^(?:(?:back|earlier|later|early|late|since|until|till|by|from|on|in|at|during|around|about|before|after|"
    r"the|of|end|beginning|start|middle|mid|as|of|this|that)\b[\s-]*)+",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|\d+)\s+"
    r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|centuries|hours?|minutes?)$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_NOT_DATES = {"a long time", "long", "the time", "time", "recent years", "years", "decades", "the past", "the future"}


@lru_cache(maxsize=1)
def _parser_class():
    from dateparser.date import DateDataParser

    return DateDataParser


@lru_cache(maxsize=64)
def _parser(base: dt.date | None):
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    return _parser_class()(languages=["en"], settings=settings)


@lru_cache(maxsize=20000)
def anchor(expression: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """(date, precision) for a date expression, or None when it is not a point in time."""
    text = " ".join(expression.split()).strip(" ,.;:")
    text = re.sub(r"'s$", "", text)
    if not text or text.lower() in _NOT_DATES or _DURATION.match(text):
        return None
    stripped = _LEADING.sub("", text).strip() or text
    decade = re.search(r"\b(1[5-9]\d0|20\d0)s\b", stripped)
    if decade:
        return dt.date(int(decade.group(1)), 1, 1), "decade"
    if published is None and not _YEAR.search(stripped):
        return None  # "on Wednesday", "June 29" without a publication date: cannot be anchored
    try:
        data = _parser(published).get_date_data(stripped)
    except Exception:  # dateparser raises assorted errors on odd input; a non-date is not an error here
        data = None
    if data is None or data.date_obj is None:
        year = _YEAR.search(text)
        if year:
            return dt.date(int(year.group(1)), 1, 1), "year"
        return None
    value, period = data.date_obj.date(), data.period or "day"
    if period == "year" and "ago" not in stripped.lower():
        return dt.date(value.year, 1, 1), "year"
    if period == "year":
        return value, "year"
    if period == "month":
        return value.replace(day=1), "month"
    if period == "week":
        return value, "week"
    return value, "day"
