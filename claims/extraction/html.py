"""HTML -> main text and metadata (trafilatura for the text, title and site name; htmldate for the date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import rules

# A hover card: a box the page shows when the pointer rests on a name or a ticker (a photo, the person's full name,
# links to their other stories, "MORE"), written inside the paragraph right after the name. In the extracted text
# it reads as words glued to the name ("Governor Ana RuizAna Maria RuizRuiz signs ferry bill…"). Its classes say
# what it is; the card is the innermost such element holding a picture or two links, so the name that opens it (a
# link of its own, often in a wrapper of the same class family) stays in the sentence.
_CARD_CLASS = " or ".join(
    f"contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{word}')"
    for word in ("rollover", "tooltip", "popover", "hovercard", "hover-card")
)
_CARD = f"*[{_CARD_CLASS}][.//img or count(.//a) >= 2]"
HOVER_CARDS = f"//{_CARD}[not(.//{_CARD})]"


@dataclass
class Page:
    text: str
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    # The text of each heading element of the article (h1-h6 as trafilatura keeps them), or None when the page's
    # structure is unknown (the plain-text fallback): cleaning then guesses headings from the lines' shape.
    headings: tuple[str, ...] | None = None


def html_to_text(html: str, *, url: str = "") -> Page:
    """The article body of a web page, one paragraph a line, with what the page says about itself.

    Boilerplate (navigation, comments, share widgets) is trafilatura's job, in its precision mode; tables are part
    of the article (one row a line, cells between "|"). Which lines are headings comes from trafilatura's own
    document tree, so that cleaning keeps them as marked text instead of guessing. What furniture trafilatura lets
    through is caught by cleaning.clean_text afterwards. Never raises on malformed markup.
    """
    import trafilatura

    if not html or not html.strip():
        return Page(text="")
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            prune_xpath=HOVER_CARDS if rules.on("hover_card") else None,
        )
    except Exception:  # lxml and trafilatura raise assorted errors on pathological markup
        document = None
    text = title = outlet = ""
    published = None
    headings = None
    if document is not None:
        text = (getattr(document, "text", None) or "").strip()
        title = (getattr(document, "title", None) or "").strip()
        outlet = (getattr(document, "sitename", None) or "").strip()
        published = _date(getattr(document, "date", None))
        headings = _headings(getattr(document, "body", None))
    if not text:
        headings = None
        try:
            text = (trafilatura.html2txt(html) or "").strip()
        except Exception:
            text = ""
    if published is None:
        published = _find_date(html, url)
    return Page(text=text, title=title, outlet=outlet, published=published, headings=headings)


def _headings(body) -> tuple[str, ...] | None:
    """The text of the heading elements ("head" in trafilatura's tree) in document order."""
    if body is None:
        return None
    return tuple(" ".join("".join(head.itertext()).split()) for head in body.iter("head"))


def _date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _find_date(html: str, url: str) -> dt.date | None:
    from htmldate import find_date

    try:
        return _date(find_date(html, url=url or None, original_date=True, extensive_search=False))
    except Exception:  # htmldate is defensive, but malformed documents still surface parser errors
        return None
