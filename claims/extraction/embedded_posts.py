"""Posts a page embeds (a tweet, an Instagram post): their text is someone's words, not the article's.

An embedded post comes out of the page as its text, then its signature on a line of its own: "— Ana Ruiz
(@anaruiz) March 3, 2021" (Twitter) or "A post shared by Ana Ruiz (@anaruiz) on Mar 3, 2021 at 9:14am PST"
(Instagram). The markup that said "this is a quotation" is gone, so without the signature the post's text reads as
the article's own claim. With rule embedded_post, the paragraph right before a signature is the post's author's
statement: each claim drawn from it names the author as its speaker. (The signature itself reads as a heading and
is marked by cleaning, so it gives no claim.) Only that one paragraph: an earlier one may be the article's again.

A round-up of reviews or reports quotes excerpts the same way, each closed by its source on a line of its own:
"[ Lanzo Daily ]". With rule excerpt_source_tag, the paragraphs before such a tag, back to the previous tag, a
heading, or a paragraph announcing them ("Here is what the reviews say:"), are that source's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import rules

_HANDLE = r"\(@[\w.]{1,30}\)"
SIGNATURES = (
    re.compile(
        rf"^[\u2014\u2013-]+\s*(?P<name>[^()\n]{{2,80}}?)\s*{_HANDLE}\s*[A-Z][a-z]{{2,8}}\.? \d{{1,2}}, \d{{4}}$"
    ),
    re.compile(rf"^An? (?:post|photo|video|reel) shared by (?P<name>[^()\n]{{2,80}}?)\s*{_HANDLE}"),
)
_PARAGRAPH = re.compile(r"[^\n]+")
# "[ Lanzo Daily ]": a source's name alone in brackets, capitalised, a few words; not a placeholder of the page's
SOURCE_TAG = re.compile(r"^\[\s*(?P<name>[A-Z0-9][^\[\]\n]{1,50}?)\s*\]$")
NOT_SOURCES = {"advertisement", "ad", "photo", "video", "image", "audio", "gallery", "embed", "map", "chart"}
EXCERPT_PARAGRAPHS = 6  # at most this many paragraphs before a tag are its excerpt


def signature_author(paragraph: str) -> str:
    """The author a post's signature names ("" when the paragraph is no signature); a heading mark is ignored."""
    line = paragraph.strip().removeprefix("# ").strip()
    for pattern in SIGNATURES:
        found = pattern.match(line)
        if found:
            return found.group("name").strip()
    return ""


def source_tag(paragraph: str) -> str:
    """The source an excerpt's closing tag names ("" when the paragraph is no such tag); a heading mark is ignored."""
    found = SOURCE_TAG.match(paragraph.strip().removeprefix("# ").strip())
    if found is None or found.group("name").casefold() in NOT_SOURCES or len(found.group("name").split()) > 6:
        return ""
    return found.group("name")


def post_authors(text: str, is_marked: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """(start, end, author) of each paragraph of a cleaned text that is an embedded post's text (the paragraph right
    before a signature) or a quoted excerpt (the paragraphs before a source tag). `is_marked`: cleaning's test for a
    heading or a table row, where an excerpt begins."""
    paragraphs = [(m.start(), m.end(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    out = []
    tags = rules.on("excerpt_source_tag")
    for k, (_, _, paragraph) in enumerate(paragraphs):
        author = signature_author(paragraph) if rules.on("embedded_post") else ""
        if author and k:
            out.append((paragraphs[k - 1][0], paragraphs[k - 1][1], author))
            continue
        source = source_tag(paragraph) if tags else ""
        for start, end, before in reversed(paragraphs[max(0, k - EXCERPT_PARAGRAPHS) : k] if source else []):
            if is_marked(before) or source_tag(before) or before.rstrip().endswith(":"):
                break  # the excerpt begins after a heading, the previous excerpt's tag, or the line announcing it
            out.append((start, end, source))
    return out
