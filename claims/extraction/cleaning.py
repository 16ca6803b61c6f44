"""Cleaning of real web text before any NLP: unicode, boilerplate, repeated paragraphs, byline/date lines.

Every rule here is about the *shape* of web pages (navigation lines, share widgets, datelines),
never about a particular article. Patterns are data (BOILERPLATE_PATTERNS) so a newsroom can add
the furniture of the sites it reads.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from .types import CleanedText

# Lines that are page furniture, not reporting. Matched against a whole stripped line (case-insensitive).
BOILERPLATE_PATTERNS: list[str] = [
    r"see also\b.*",
    r"(also )?read (also|more|next)\b.*",
    r"related( articles| stories| news)?:?.*",
    r"recommended( for you)?:?.*",
    r"total views\b.*",
    r"\d+\s+views?",
    r"(share|tweet|email|print|whatsapp|facebook|twitter|linkedin|telegram|copy link)"
    r"([\s|/,·•]+(share|tweet|email|print|whatsapp|facebook|twitter|linkedin|telegram|copy link|on))*[\s|:]*",
    r"share (this|on)\b.*",
    r"follow us\b.*",
    r"(click|tap) here\b.*",
    r"subscribe\b.*(newsletter|updates|channel).*",
    r"sign up\b.*newsletter.*",
    r"advertisement",
    r"(photo|image|file photo|credit)s?\s*:.*",
    r"find (the )?latest .*news.*",
    r"(get|read) (the )?latest .*news.*",
    r"(all rights reserved|copyright|©).*",
    r"(updated|published|last updated)\s*:?\s*.{0,40}",
    r"[\w .&-]{1,60} contributed (to )?(this )?report(ing)?\.?",
    r"\(?(with )?(reporting|writing|editing) by\b.*",
    r"(tags?|topics?|categories)\s*:.*",
]
_BOILERPLATE = re.compile(r"^(?:" + "|".join(BOILERPLATE_PATTERNS) + r")$", re.IGNORECASE)

# Characters that look like ASCII punctuation and must compare equal to it.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": " - ", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        "\u2026": "...", "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    }
)  # fmt: skip
_TERMINAL = re.compile(r"""[.!?]["')\]]*$|[.!?]\s*["']$""")
_LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)](?!\d)|[-*\u2022])\s*\S")  # "1. ", "2)", "- ", "• "
_SPACES = re.compile(r"[ \t\f\v]+")
_WORD = re.compile(r"\w+")
# A double quote used as an apostrophe: DPRK"s -> DPRK's
_QUOTE_APOSTROPHE = re.compile(r'(?<=\w)"(?=s\b)')
# Copy-paste that lost a space: "Kim Jong-unaccording to state media"
_GLUED_ACCORDING = re.compile(r"(\w)according to\b")
_DATE_SHAPE = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\b\d{1,2}(st|nd|rd|th)?[ -]*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b",
    re.IGNORECASE,
)
# A heading line is short and has no sentence-final punctuation; longer unpunctuated lines are kept as text.
HEADING_MAX_WORDS = 25
BYLINE_MAX_WORDS = 10
TITLE_MIN_WORDS = 4
LIST_ITEM_MAX_WORDS = 60  # an unpunctuated line after a line ending in ":" is a list item up to this length
DUPLICATE_WINDOW = 20  # paragraphs around one that may contain it (a standfirst repeated as the lead)


def normalise_unicode(text: str) -> str:
    """NFKC (non-breaking and other exotic spaces become spaces), typographic quotes and dashes to ASCII."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = _GLUED_ACCORDING.sub(r"\1 according to", text)
    return _QUOTE_APOSTROPHE.sub("'", text)


def is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.match(line.strip()))


def is_heading(line: str) -> bool:
    words = _WORD.findall(line)
    return not _TERMINAL.search(line) and len(words) <= HEADING_MAX_WORDS


@lru_cache(maxsize=1)
def _date_search():
    from dateparser.search import search_dates

    return search_dates


def parse_byline(line: str) -> tuple[str, dt.date] | None:
    """A dateline such as "NewsBharati 14-Jul-2022 14:00:33 PM" -> ("NewsBharati", 2022-07-14).

    Only short, unpunctuated lines qualify; the date is found by dateparser, and what precedes it
    (less a "By" or separators) is taken as the outlet.
    """
    words = _WORD.findall(line)
    if not words or len(words) > BYLINE_MAX_WORDS or _TERMINAL.search(line):
        return None
    if not _DATE_SHAPE.search(line):  # a date line carries a year, or a day beside a month (cheap test before dateparser)
        return None
    found = _date_search()(line, languages=["en"], settings={"STRICT_PARSING": False, "REQUIRE_PARTS": ["year"]})
    if not found:
        return None
    first_text, first_date = found[0]
    prefix = line[: line.find(first_text)].strip(" |-,:·•\t")
    prefix = re.sub(r"^(by|from|source)\s+", "", prefix, flags=re.IGNORECASE).strip()
    outlet = prefix if prefix and len(prefix.split()) <= 4 and not re.search(r"\d", prefix) else ""
    return outlet, first_date.date()


def _paragraph_key(paragraph: str) -> str:
    return " ".join(_WORD.findall(paragraph.lower()))


def clean_text(raw: str, *, title: str = "", outlet: str = "", published: dt.date | None = None) -> CleanedText:
    """Turn web text into the body that claims come from, and the metadata it carries.

    Given title/outlet/published win over what is found in the text.
    """
    text = normalise_unicode(raw or "")
    removed: list[str] = []
    found_title, found_outlet, found_published = "", "", None
    paragraphs: list[str] = []
    in_list = False  # the lines after "The tools developed by Mondeca include:" are its items, not headings
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line or not _WORD.search(line):
            continue
        if is_boilerplate(line):
            removed.append(line)
            continue
        heading = is_heading(line)
        if in_list and (heading and len(_WORD.findall(line)) <= LIST_ITEM_MAX_WORDS or _LIST_MARKER.match(line)):
            paragraphs.append(line)  # an item of the list the previous line announced (not a heading, not a byline)
            continue
        in_list = line.endswith(":")
        if in_list:  # announces what follows: body text, never a title or a subhead
            paragraphs.append(line)
            continue
        byline = parse_byline(line)
        if byline is not None:
            found_outlet = found_outlet or byline[0]
            found_published = found_published or byline[1]
            removed.append(line)
            continue
        if heading:
            # The last headline-sized heading before the first paragraph is the title (site names and
            # slogans come earlier); later headings are captions, tags or subheads.
            if not paragraphs and len(_WORD.findall(line)) >= TITLE_MIN_WORDS:
                found_title = max(line.split(" | "), key=len).strip()
            removed.append(line)
            continue
        paragraphs.append(line)

    # A paragraph repeated verbatim, or contained in another one (a standfirst repeated as the lead),
    # is kept once: the longer, earlier copy wins.
    # Containment is looked for among nearby paragraphs only (DUPLICATE_WINDOW), exact repeats anywhere:
    # linear in the article's length, so a 2 MB article stays fast.
    keys = [_paragraph_key(p) for p in paragraphs]
    kept: list[str] = []
    seen: set[str] = set()
    kept_keys: list[str] = []
    for index, (paragraph, key) in enumerate(zip(paragraphs, keys)):
        if not key:
            continue
        nearby_before = kept_keys[-DUPLICATE_WINDOW:]
        nearby_after = keys[index + 1 : index + 1 + DUPLICATE_WINDOW]
        duplicate = key in seen or any(key in other for other in nearby_before) or any(
            key in other and key != other for other in nearby_after
        )
        if duplicate:
            removed.append(paragraph)
            continue
        kept.append(paragraph)
        kept_keys.append(key)
        seen.add(key)

    return CleanedText(
        text="\n\n".join(kept),
        title=(title or "").strip() or found_title,
        outlet=(outlet or "").strip() or found_outlet,
        published=published or found_published,
        removed=removed,
    )
