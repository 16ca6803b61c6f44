"""Who says a quotation whose own sentence names no one.

A quotation that runs over several sentences names its speaker where it closes ('"A. B," Ana Ruiz said.'): the
inner sentences are hers (rule quotation_speaker). News writing also goes on quoting the same speaker without
naming them again: '"A," Ana Ruiz said. "B. C."' — B and C are still hers (rule quotation_continued), as is a
paragraph that is a quotation and nothing else right after a paragraph that closes on her words. A quotation for
which no speaker can be found (none named where it closes, none just before it) is not the article's own claim:
it gives no claim (rule quotation_speaker for the sentences before the closing one, unattributed_quotation for a
sentence that is a whole quotation or the one that closes it).

`speakers(sents)` maps the first token of each such sentence to the attribution it takes (None: no claim).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from . import attribution, rules
from .attribution import QUOTES, Attribution


def speakers(sents: list[Span]) -> dict[int, Attribution | None]:
    out: dict[int, Attribution | None] = {}
    pending: list[int] = []  # sentences inside an open quotation, whose speaker is named later (or never)
    open_quote = False
    carried: Attribution | None = None  # who the open quotation goes on quoting, when its own sentences name no one
    whole = False  # the open quotation began at the start of a sentence (not at a stray mark inside one)
    last: Attribution | None = None  # who the previous sentence quoted or reported
    continued = rules.on("quotation_continued")
    drop_unnamed = rules.on("unattributed_quotation")
    for position, sent in enumerate(sents):
        doc = sent.doc
        if sent.start > 0 and "\n" in doc[sent.start - 1].text_with_ws:
            # a quotation does not run over a paragraph break unclosed, except that a quoted paragraph is left open
            # when the next one goes on quoting the same speaker
            if carried is not None:
                out.update(dict.fromkeys(pending, carried))
            open_quote, pending = False, []
            # a paragraph that opens on a quotation goes on quoting whoever the last paragraph closed on
            last = last if continued and _speaker_named(last) and _opens_quotation(sent) else None
        following = sents[position + 1].start if position + 1 < len(sents) else len(doc)
        marks = _marks(sent, following)
        was_open = open_quote
        open_quote = open_quote != bool(marks % 2)
        found = attribution.find(sent)
        named = found if _speaker_named(found) else None
        if open_quote and not was_open:
            whole = _opens_quotation(sent)
            before = last if continued and whole and _speaker_named(last) else None
            carried = named if continued and named is not None else before  # 'X said: "A. B.' goes on with X
            if named is None:
                pending.append(sent.start)
            last = carried
        elif open_quote:
            pending.append(sent.start)
            last = carried
        elif was_open:
            speaker = named or carried
            out.update(dict.fromkeys(pending, speaker))
            if named is None and found is None and whole and (carried is not None or drop_unnamed):
                out[sent.start] = carried  # 'C."' closes a quotation that named no one: it is part of it
            pending, carried = [], None
            last = speaker
        elif found is None and marks and _whole_quotation(sent, following):
            speaker = last if continued and _speaker_named(last) else None
            if speaker is not None or drop_unnamed:
                out[sent.start] = speaker  # '"B."' after '"A," Ana Ruiz said.': hers too
            last = speaker
        else:
            last = named
    if carried is not None or drop_unnamed and whole:
        out.update(dict.fromkeys(pending, carried))  # never closed
    return out


def _speaker_named(found: Attribution | None) -> bool:
    return found is not None and (found.speaker is not None or bool(found.cited_source))


def _opens_quotation(sent: Span) -> bool:
    return sent[0].text in QUOTES


def _marks(sent: Span, following: int) -> int:
    """The quotation marks of a sentence, with a closing mark the segmenter left between it and the next one
    ('… a difficult tie."' followed by a paragraph break)."""
    doc = sent.doc
    return sum(1 for t in doc[sent.start : following] if t.text == '"')


def _whole_quotation(sent: Span, following: int) -> bool:
    """The sentence is a quotation from its first word to its last: '"We cut the tax twice."'."""
    doc = sent.doc
    tail = [t for t in doc[sent.start : following] if not t.is_space]
    inner = [t for t in tail[1:-1] if t.text == '"']
    return _opens_quotation(sent) and tail[-1].text == '"' and not inner


THIRD_PERSON = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def speaker_pronouns(doc: Doc, content: list[int], pronouns: dict, speaker: str) -> set[int]:
    """The he/she/his/her of a speaker's direct quotation that the resolver gave the speaker's own name: in their own
    words a speaker is "I", so "He came off my back," Ek said is not about Ek."""
    name = speaker.casefold().split()
    return {
        i
        for i in content
        if i in pronouns
        and doc[i].lower_ in THIRD_PERSON
        and name
        and pronouns[i].text.casefold().split()[-1:] == name[-1:]
    }
