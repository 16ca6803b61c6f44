"""Split a source's text into passages a person can read at a glance (a few sentences each)."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(paragraph) if s.strip()]


def passage_sentences(passage: str) -> list[str]:
    """A passage's sentences, whitespace folded: the one split that signals and similarities share."""
    return sentences(" ".join(passage.split())) or [passage]


def split_passages(text: str, *, max_chars: int = 600, min_chars: int = 40) -> list[str]:
    """Paragraphs, cut into runs of whole sentences of at most `max_chars`; repeats dropped.

    Very short fragments (menus, bylines) are left out unless the text has nothing else.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text or "") if p.strip()]
    if len(paragraphs) <= 1:
        paragraphs = [p.strip() for p in (text or "").splitlines() if p.strip()]
    passages: list[str] = []
    for paragraph in paragraphs:
        paragraph = " ".join(paragraph.split())
        current = ""
        for sentence in sentences(paragraph):
            if current and len(current) + 1 + len(sentence) > max_chars:
                passages.append(current)
                current = ""
            current = f"{current} {sentence}".strip()
            while len(current) > max_chars:  # one enormous "sentence": cut at a space
                cut = current.rfind(" ", 0, max_chars)
                cut = cut if cut > max_chars // 2 else max_chars
                passages.append(current[:cut].strip())
                current = current[cut:].strip()
        if current:
            passages.append(current)
    seen, unique = set(), []
    for passage in passages:
        if passage not in seen:
            seen.add(passage)
            unique.append(passage)
    substantial = [p for p in unique if len(p) >= min_chars]
    return substantial or unique
