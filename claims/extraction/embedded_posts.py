"""Posts a page embeds (a tweet, an Instagram post): their text is someone's words, not the article's.

An embedded post comes out of the page as its text, then its signature on a line of its own: "— Ana Ruiz
(@anaruiz) March 3, 2021" (Twitter) or "A post shared by Ana Ruiz (@anaruiz) on Mar 3, 2021 at 9:14am PST"
(Instagram). The markup that said "this is a quotation" is gone, so without the signature the post's text reads as
the article's own claim. With rule embedded_post, the paragraph right before a signature is the post's author's
statement: each claim drawn from it names the author as its speaker. (The signature itself reads as a heading and
is marked by cleaning, so it gives no claim.) Only that one paragraph: an earlier one may be the article's again.
"""

from __future__ import annotations

import re

_HANDLE = r"\(@[\w.]{1,30}\)"
SIGNATURES = (
    re.compile(
        rf"^[\u2014\u2013-]+\s*(?P<name>[^()\n]{{2,80}}?)\s*{_HANDLE}\s*[A-Z][a-z]{{2,8}}\.? \d{{1,2}}, \d{{4}}$"
    ),
    re.compile(rf"^An? (?:post|photo|video|reel) shared by (?P<name>[^()\n]{{2,80}}?)\s*{_HANDLE}"),
)
_PARAGRAPH = re.compile(r"[^\n]+")


def signature_author(paragraph: str) -> str:
    """The author a post's signature names ("" when the paragraph is no signature); a heading mark is ignored."""
    line = paragraph.strip().removeprefix("# ").strip()
    for pattern in SIGNATURES:
        found = pattern.match(line)
        if found:
            return found.group("name").strip()
    return ""


def post_authors(text: str) -> list[tuple[int, int, str]]:
    """(start, end, author) of each paragraph of a cleaned text that is an embedded post's text: the paragraph
    right before a signature."""
    paragraphs = [(m.start(), m.end(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    out = []
    for (start, end, _), (_, _, following) in zip(paragraphs, paragraphs[1:]):
        author = signature_author(following)
        if author:
            out.append((start, end, author))
    return out
