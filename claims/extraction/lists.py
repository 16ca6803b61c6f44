"""Lists announced by a colon: each item is a fact of its own, written out as a sentence.

"Some of the boats built by Orvik Yards include:" followed by "Seagull: a ferry for …" lines
says two things per item: "Seagull is one of the boats built by Orvik Yards" and "Seagull is a ferry
for …". Parsed as prose, the intro is a fragment ("… include.") and the
items are headings or verbless phrases, so neither survives. This stage finds such blocks in the cleaned
text by their shape alone (an intro ending in ":", then numbered items "1. … 2. …", bulleted lines, or
"Label: description" / "Label - description" lines) and writes each item out as plain sentences; the
pipeline parses those like any other text and reports the item's own span as the claim's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LABEL_WORDS = 10
MAX_ITEM_WORDS = 80
MIN_ITEMS = 2

_INTRO_COLON = re.compile(r":(?=\s|$)")
_NUMBER = re.compile(r"(?:(?<=^)|(?<=[\s:.\"')]))(\d{1,2})[.)](?!\d)\s*(?=\S)")
_BULLET = re.compile(r"^[-*\u2022]\s+")
_LABELLED = re.compile(r"^(?P<label>[^:.!?\n]{1,80}?)(?:\s*:\s+|\s+-\s+)(?P<body>\S.*)$", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[A-Z\"(]|\s*$)")
_INTRO_START = re.compile(r"(?:[.!?][\"')\]]*\s+|\n\s*\n)")
_HERE = re.compile(
    r"^(?:\w+,\s*)?here (?:is|are) (?:a (?:short |brief |full )?list of |some of |some |a few of |a few )?(?P<np>.+)$",
    re.IGNORECASE,
)
_COPULA_INTRO = re.compile(
    r"^(?P<np>.+?)\s+(?P<verb>include|includes|included|are|were|is|was)(?:\s+as follows)?$", re.IGNORECASE
)
_QUANTIFIER = re.compile(
    r"^(?:(?:some|several|many|a few|a number|a couple|examples|a list)\s+of\s+)?"
    r"(?:(?:some|several|many|other|a few|the following)\s+)*",
    re.IGNORECASE,
)
_DETERMINED = re.compile(
    r"^(?:the|a|an|this|that|these|those|my|our|your|his|her|its|their|\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten)\b|^[A-Z][\w-]*'s?\b",
    re.IGNORECASE,
)
_PRONOUN_WORDS = {"they", "them", "their", "these", "those", "it", "its", "he", "she", "his", "her", "this"}
_OPENING_PRONOUN = re.compile(r"^(?:this|it|he|she|they)\s+(?=\w)", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_PAST = {"included", "were", "was"}
_QUOTED_TITLE_WITH_YEAR = re.compile(
    r"^[\"\u201c\u201d'\u2018\u2019].+[\"\u201c\u201d'\u2018\u2019]\s*\((?P<year>1[5-9]\d\d|20\d\d)\)$"
)


@dataclass(frozen=True)
class ListItem:
    start: int  # offsets of the item (marker excluded) in the text
    end: int
    label: str  # "Intellidimension", "Abigail Adams (1797-1801)", '"Square One" (2016)'
    body: str  # "a platform for …", "appointed by …", "This is …"; "" when the item is a bare name


@dataclass(frozen=True)
class ListBlock:
    start: int  # where the intro sentence begins: the prose stops here
    end: int  # where the last item ends: the prose resumes here
    group: str  # what the items are members of ("the tools developed by Mondeca"), "" when unknown
    past: bool  # "The four female presidents were:" -> "X was one of …"
    items: list[ListItem]


def find_blocks(text: str) -> list[ListBlock]:
    """Every list announced by a colon in the text, in order, not overlapping."""
    blocks: list[ListBlock] = []
    position = 0
    for colon in _INTRO_COLON.finditer(text):
        if colon.start() < position:
            continue
        items = _numbered_items(text, colon.end()) or _line_items(text, colon.end())
        if len(items) < MIN_ITEMS:
            continue
        intro_start = _intro_start(text, colon.start(), position)
        intro = text[intro_start : colon.start()].strip()
        group, past = intro_group(intro)
        blocks.append(ListBlock(start=intro_start, end=items[-1].end, group=group, past=past, items=items))
        position = items[-1].end
    return blocks


def _intro_start(text: str, colon: int, floor: int) -> int:
    start = floor
    for boundary in _INTRO_START.finditer(text, floor, colon):
        start = boundary.end()
    return start


def intro_group(intro: str) -> tuple[str, bool]:
    """What the announced items are members of: "Some of the boats built by Orvik Yards include" ->
    ("the boats built by Orvik Yards", False); "" when it is only a pronoun ("They are") or unclear."""
    intro = intro.strip().rstrip(":").strip()
    match = _HERE.match(intro)
    past = False
    if match:
        np = match.group("np")
    else:
        match = _COPULA_INTRO.match(intro)
        if not match:
            return "", False
        np, past = match.group("np"), match.group("verb").lower() in _PAST
    np = _QUANTIFIER.sub("", np.strip()).strip()
    words = {w.lower() for w in re.findall(r"[\w']+", np)}
    if not np or words & _PRONOUN_WORDS or len(np.split()) > 20:
        return "", past
    if not _DETERMINED.match(np):
        first, _, rest = np.partition(" ")
        if rest[:1].islower():  # "Products sold by …" opened the sentence: a common noun, not a name
            first = first.lower()
        np = "the " + " ".join(part for part in (first, rest) if part)
    elif np[:1].isupper() and np.split()[0].lower() in ("the", "a", "an"):
        np = np[0].lower() + np[1:]
    return np, past


def _numbered_items(text: str, start: int) -> list[ListItem]:
    """ "1. X 2. Y 3. Z" right after the colon, on one line or one per line: numbers in sequence from 1."""
    first = _NUMBER.match(text, _skip_space(text, start))
    if first is None or first.group(1) != "1":
        return []
    markers = [first]
    while True:
        expected = str(int(markers[-1].group(1)) + 1)
        following = next((m for m in _NUMBER.finditer(text, markers[-1].end()) if m.group(1) == expected), None)
        if following is None:
            break
        between = text[markers[-1].end() : following.start()]
        if len(between.split()) > MAX_ITEM_WORDS or _paragraph_of_prose_inside(between):
            break
        markers.append(following)
    items = []
    for k, marker in enumerate(markers):
        if k + 1 < len(markers):
            end = markers[k + 1].start()
        else:
            end = _end_of_last_item(text, marker.end())
        item = _item(text, marker.end(), end)
        if item is None:
            break
        items.append(item)
    return items


def _line_items(text: str, start: int) -> list[ListItem]:
    """Paragraphs after a colon that ends its paragraph: "- X", "• X", or "Label: description" lines."""
    if not text.startswith("\n", start) and start < len(text):
        return []
    items = []
    for paragraph in re.finditer(r"[^\n]+", text[start:]):
        line = paragraph.group().strip()
        if not line:
            continue
        offset = start + paragraph.start() + (len(paragraph.group()) - len(paragraph.group().lstrip()))
        bullet = _BULLET.match(line)
        if bullet:
            offset, line = offset + bullet.end(), line[bullet.end() :]
        elif not _LABELLED.match(line):
            break
        if len(line.split()) > MAX_ITEM_WORDS:
            break
        item = _item(text, offset, offset + len(line))
        if item is None:
            break
        items.append(item)
    return items


def _paragraph_of_prose_inside(between: str) -> bool:
    """A blank line followed by something other than the next number: the list ended before it."""
    parts = re.split(r"\n\s*\n", between.strip())
    return len(parts) > 1


def _end_of_last_item(text: str, start: int) -> int:
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    sentence = _SENTENCE_END.search(text, start, line_end)
    return sentence.end() if sentence else line_end


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _item(text: str, start: int, end: int) -> ListItem | None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return None
    start += len(raw) - len(raw.lstrip())
    end = start + len(stripped)
    labelled = _LABELLED.match(stripped)
    if labelled and len(labelled.group("label").split()) <= MAX_LABEL_WORDS:
        label, body = labelled.group("label").strip(), labelled.group("body").strip()
    elif len(stripped.split()) <= MAX_LABEL_WORDS:
        label, body = stripped.rstrip("."), ""
    else:
        label, body = "", stripped
    return ListItem(start=start, end=end, label=label, body=body)


def name_of(label: str) -> str:
    """The label as a name: quotes and parentheticals dropped ('"Square One" (2016)' -> "Square One")."""
    return " ".join(_PARENTHETICAL.sub("", label).strip().strip('"\u201c\u201d\u2018\u2019').replace('"', "").split())


def item_sentences(block: ListBlock, item: ListItem, body_kind: str) -> str:
    """The item written out as sentences, for the pipeline to parse.

    body_kind says how the description reads, decided by the caller from a parse of it: "pronoun" (it opens
    with This/It/He… that stands for the label), "participle" ("appointed by …"), "clause" (a statement of
    its own) or "phrase" (a noun phrase: "a platform for …").
    """
    verb = "was" if block.past else "is"
    label = item.label.replace('"', "").strip()
    name = name_of(item.label)
    out = []
    if label and block.group:
        out.append(f"{label} {verb} one of {block.group}.")
    dated = _QUOTED_TITLE_WITH_YEAR.match(item.label.strip())
    if dated and name:
        # A title in quotation marks with one year in brackets ('"Square One" (2016)') is a work and the year
        # is when it came out: a fact of its own that the description after the dash never repeats. A name
        # without quotes ("Abigail Adams (1797)") or a span of years could be anything, so it says nothing.
        out.append(f"{name} was released in {dated.group('year')}.")
    body = item.body.strip()
    if body:
        if not name or body_kind == "clause":
            sentence = body
        elif body_kind == "pronoun":
            sentence = _OPENING_PRONOUN.sub(name + " ", body, count=1)
        elif body_kind == "participle":
            sentence = f"{name} was {body}"
        else:
            sentence = f"{name} {verb} {body}"
        out.append(sentence if sentence.rstrip().endswith((".", "!", "?", '."')) else sentence.rstrip() + ".")
    return " ".join(out)


def body_kind(body_doc) -> str:
    """How an item's description reads (see item_sentences), from its spaCy parse."""
    tokens = [t for t in body_doc if not t.is_space]
    if not tokens:
        return "phrase"
    first = tokens[0]
    if _OPENING_PRONOUN.match(body_doc.text.lstrip()) and first.pos_ == "PRON":
        return "pronoun"
    if first.tag_ == "VBN":
        return "participle"
    sentence = next(iter(body_doc.sents))
    root = sentence.root
    if root.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return "clause"
    return "phrase"
