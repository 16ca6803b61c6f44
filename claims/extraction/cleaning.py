"""Cleaning of real web text before any NLP: unicode, boilerplate, repeated paragraphs, byline/date lines.

Every rule here is about the *shape* of web pages (navigation lines, share widgets, datelines),
never about a particular article. Patterns are data (BOILERPLATE_PATTERNS) so a newsroom can add
the furniture of the sites it reads.

The cleaned text keeps the whole article, headings and tables included, so that nothing an editor reads on the page
is missing. Paragraphs that are not prose carry a mark in the text itself, so the mark survives storage
(Article.cleaned_text) and every backend sees it; no claim is made from a marked paragraph (`is_marked`):
- a heading (subhead, section title) is written "# " + its text (HEADING_MARK);
- a table row is written as trafilatura writes it: "| cell | cell |".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from . import rules
from .embedded_posts import signature_author, source_tag
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
# Sentence-final punctuation, Latin and CJK ("。", "！", "？"), before closing quotes or brackets.
_TERMINAL = re.compile(r"""[.!?\u3002\uff01\uff1f]["')\]\u300d\u300f]*$|[.!?]\s*["']$""")
_LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)](?!\d)|[-*\u2022])\s*\S")  # "1. ", "2)", "- ", "• "
_SPACES = re.compile(r"[ \t\f\v]+")
_SPACE_SEPARATORS = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")  # Unicode category Zs
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
HEADING_MARK = "# "  # opens a heading paragraph of the cleaned text (see the module doc)
_TABLE_ROW = re.compile(r"^\|.*\|$")
# A line ending so was cut mid-sentence (a hard wrap, a <br>): a comma or a word that never ends a sentence.
_CUT_AFTER = re.compile(r"(?:,|\s(?:the|a|an|of|to|in|on|at|for|with|and|or|but|by|from|as|that|who|which|whose))$")
_INNER_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
_MENU_SEPARATOR = re.compile(r"\s[|·»>/]\s")  # "Home | World", "News » Europe"
_LINK_SEPARATOR = re.compile(r"\S \| \S")  # "Council votes on fares | Harbour chief resigns"
_LIST_ITEM = re.compile(r"^[-*\u2022] ")  # trafilatura writes list items "- item"
# the picture and short links an embedded post ends on ("… rose by 15 percent. pic.twitter.com/Ab12Cd34")
_POST_MEDIA_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com|https?://t\.co)/\w+)+\s*$")
# A heading line (guessed when the page's structure is unknown) is short and has no sentence-final punctuation.
HEADING_MAX_WORDS = 25
BYLINE_MAX_WORDS = 10
BYLINE_MAX_OTHER_WORDS = 4  # words of a dateline besides its date and numbers: "By" and an outlet, "PM", a zone
TITLE_MIN_WORDS = 4
LIST_ITEM_MAX_WORDS = 60  # an unpunctuated line after a line ending in ":" is a list item up to this length
DUPLICATE_WINDOW = 20  # paragraphs around one that may contain it (a standfirst repeated as the lead)
CONTAINED_MIN_WORDS = 8  # a shorter paragraph inside another is a list item or a caption, not a repeated standfirst


def normalise_unicode(text: str) -> str:
    """NFC, every space separator (non-breaking, thin, ideographic...) a space, typographic quotes and dashes ASCII.

    Not NFKC: compatibility forms are the page's own text ("½" is not "1⁄2", "km²" is not "km2").
    """
    text = _SPACE_SEPARATORS.sub(" ", unicodedata.normalize("NFC", text)).translate(_TRANSLATE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = _GLUED_ACCORDING.sub(r"\1 according to", text)
    return _QUOTE_APOSTROPHE.sub("'", text)


_NON_WORD = re.compile(r"[^\w\s]")


def normalise_for_matching(text: str) -> str:
    """Lower-cased, punctuation-free, single-spaced: the form exact duplicate detection compares."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("'s ", " ")
    return " ".join(_NON_WORD.sub(" ", text).split())


def is_marked(paragraph: str) -> bool:
    """Whether a paragraph of the cleaned text is a heading or a table row: kept as text, never a source of claims."""
    return paragraph.startswith(HEADING_MARK) or bool(_TABLE_ROW.match(paragraph.strip()))


def marked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans [start, end) of the marked paragraphs of a cleaned text (paragraphs are lines)."""
    spans, offset = [], 0
    for line in text.split("\n"):
        if line and is_marked(line):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def prose_only(text: str) -> str:
    """The cleaned text with its marked paragraphs blanked out by spaces: the same length and offsets, so that a
    claim's start and end hold in the full text, and nothing of a heading or a table row reaches the NLP."""
    return "\n".join(" " * len(line) if line and is_marked(line) else line for line in text.split("\n"))


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
    if not _DATE_SHAPE.search(
        line
    ):  # a date line carries a year, or a day beside a month (cheap test before dateparser)
        return None
    found = _date_search()(line, languages=["en"], settings={"STRICT_PARSING": False, "REQUIRE_PARTS": ["year"]})
    if not found:
        return None
    first_text, first_date = found[0]
    other_words = [w for w in _WORD.findall(line.replace(first_text, " ")) if not w.isdigit()]
    if len(other_words) > BYLINE_MAX_OTHER_WORDS:
        return None  # a date inside a phrase ("... who in 2008 won the"), not a dateline
    prefix = line[: line.find(first_text)].strip(" |-,:·•\t")
    prefix = re.sub(r"^(by|from|source)\s+", "", prefix, flags=re.IGNORECASE).strip()
    outlet = prefix if prefix and len(prefix.split()) <= 4 and not re.search(r"\d", prefix) else ""
    return outlet, first_date.date()


def _paragraph_key(paragraph: str) -> str:
    return " ".join(_WORD.findall(paragraph.lower()))


def _lines(text: str) -> list[str]:
    """The text's lines, spaces collapsed; a line that a hard wrap or a <br> cut mid-sentence (no final punctuation,
    and the next line goes on in lower case, or the line ends on a comma or a word such as "the") is joined to the
    next."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        cut = line[:1].islower() or (line[:1].isalpha() and _CUT_AFTER.search(previous))
        if previous and cut and not _TERMINAL.search(previous) and not previous.endswith(":"):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def clean_text(
    raw: str,
    *,
    title: str = "",
    outlet: str = "",
    published: dt.date | None = None,
    headings: Collection[str] | None = None,
) -> CleanedText:
    """Turn web text into the body that claims come from, and the metadata it carries.

    `headings` are the page's heading texts when its structure is known (html.Page.headings): those lines are
    headings; any other line that only reads as one (`is_heading`: a related link, a caption, a score) is kept and
    marked too, so the text stays whole but no claim comes from it. Without `headings` (plain text) a heading is
    guessed from a line's shape. Headings before the first paragraph are the title and the site's furniture and
    go; later ones stay, marked (see the module doc). Given title/outlet/published win over what is found.
    """
    text = normalise_unicode(raw or "")
    known_headings = None
    if headings is not None:
        known_headings = {_paragraph_key(normalise_unicode(h)) for h in headings}
    removed: list[str] = []
    found_title, found_outlet, found_published = "", "", None
    paragraphs: list[str] = []
    in_list = False  # the lines after "The tools developed by the agency include:" are its items, not headings
    for line in _lines(text):
        if rules.on("embedded_post"):
            line = _POST_MEDIA_LINKS.sub("", line)  # the post's own text, punctuated as written, not a heading
        if not line or not _WORD.search(line):
            continue
        if is_boilerplate(line):
            removed.append(line)
            continue
        if _TABLE_ROW.match(line):
            paragraphs.append(line)
            continue
        if rules.on("embedded_post") and signature_author(line) or rules.on("excerpt_source_tag") and source_tag(line):
            paragraphs.append(HEADING_MARK + line)  # an embedded post's signature, an excerpt's source: marked
            continue
        shaped = is_heading(line)  # reads as a heading: short, no sentence-final punctuation
        if in_list and (shaped and len(_WORD.findall(line)) <= LIST_ITEM_MAX_WORDS or _LIST_MARKER.match(line)):
            paragraphs.append(line)  # an item of the list the previous line announced (not a heading, not a byline)
            continue
        if known_headings is not None:
            # a "heading" of several sentences is prose the page's markup put in a heading element
            page_heading = _paragraph_key(line) in known_headings and not _INNER_SENTENCE_END.search(line)
            # before the first paragraph a heading-shaped line of menu items ("Home | World") is the site's
            # furniture even when the page does not mark it as a heading
            heading = page_heading or (not paragraphs and shaped and bool(_MENU_SEPARATOR.search(line)))
            # any other line that reads as a heading (a related link, a caption, a score) stays, marked
            reads_as_heading = shaped and not heading
        else:
            page_heading, heading, reads_as_heading = False, shaped, False
        in_list = line.endswith(":")
        if in_list:  # announces what follows: body text, never a title or a subhead
            paragraphs.append(line)
            continue
        # the page says it is a heading, or a list item: not a dateline
        byline = None if found_published or page_heading or _LIST_ITEM.match(line) else parse_byline(line)
        if byline is not None:
            found_outlet = found_outlet or byline[0]
            found_published = found_published or byline[1]
            removed.append(line)
            continue
        if heading:
            # The last headline-sized heading before the first paragraph is the title (site names and
            # slogans come earlier); later headings are subheads, kept and marked.
            if not paragraphs:
                if len(_WORD.findall(line)) >= TITLE_MIN_WORDS:
                    found_title = max(line.split(" | "), key=len).strip()
                removed.append(line)
            else:
                paragraphs.append(HEADING_MARK + line)
            continue
        # a run of links glued to a paragraph by the page's markup ("… kill the mayorAna RuizRelated: Council
        # votes on fares | Harbour chief resigns | …"): kept as text, marked, so no claim carries the links
        glued_links = rules.on("glued_link_list") and len(_LINK_SEPARATOR.findall(line)) >= 2
        paragraphs.append(HEADING_MARK + line if reads_as_heading or glued_links else line)

    # A paragraph repeated verbatim, or contained in another one (a standfirst repeated as the lead),
    # is kept once: the longer, earlier copy wins.
    # Containment is looked for among nearby paragraphs only (DUPLICATE_WINDOW), exact repeats anywhere:
    # linear in the article's length, so a 2 MB article stays fast.
    # With the page's structure known, a paragraph repeated is the page's own (a recipe's step for each plan, an
    # interview's question asked of each guest): trafilatura's extraction is trusted and nothing is deduplicated.
    # (Claims are deduplicated by the pipeline either way.)
    dedupe = headings is None
    keys = [_paragraph_key(p) for p in paragraphs]
    kept: list[str] = []
    seen: set[str] = set()
    kept_keys: list[str] = []
    for index, (paragraph, key) in enumerate(zip(paragraphs, keys)):
        if not key:
            continue
        nearby_before = kept_keys[-DUPLICATE_WINDOW:]
        nearby_after = keys[index + 1 : index + 1 + DUPLICATE_WINDOW]
        # a heading, table row or list item is short: only an exact repeat of it is a duplicate, not its words
        # inside prose
        contained = (
            not is_marked(paragraph)
            and len(key.split()) >= CONTAINED_MIN_WORDS
            and (
                any(key in other for other in nearby_before)
                or any(key in other and key != other for other in nearby_after)
            )
        )
        duplicate = dedupe and (key in seen or contained)
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
