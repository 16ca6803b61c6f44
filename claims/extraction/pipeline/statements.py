"""What one sentence states and who says it: a question, a dateline, an opener dropped; the speaker and the cited
source from the attribution stage (or the quotation it continues), the speaker named as fully as the article does."""

from __future__ import annotations

import dataclasses
import re

from .. import attribution as attribution_stage
from .. import listener_frames, rules, segmentation
from ..decontextualisation.people import last_person
from ..entities import entities_in
from .context import DocContext
from .rendering import CONTRACTIONS


@dataclasses.dataclass
class Statement:
    """What one sentence states, and who says it."""

    content: list[int]
    found: "attribution_stage.Attribution | None"
    speaker: str
    cited: str
    quote: bool
    speaker_tokens: list


def statement_of(ctx: DocContext, sent) -> Statement | None:
    doc = ctx.doc
    question = sent.text.rstrip(" \"'\u201d)").endswith("?")
    if question and not (rules.on("factive_question") and listener_frames.factive_question(doc, [t.i for t in sent])):
        return None  # a question asks; it claims nothing ("Did you know that X?" asserts X: rule factive_question)
    skip = {sent.start} if segmentation.stray_acronym(sent) else set()  # datelines: segmentation.without_datelines
    found = attribution_stage.find(sent)
    # an embedded post's text (embedded_posts.py): its author's words, quoted, unless the sentence names who it quotes
    author = "" if found is not None and (found.speaker is not None or found.cited_source) else ctx.post_author(sent)
    if author:
        content = found.content if found is not None else [t.i for t in sent]
        found = attribution_stage.Attribution(
            content=[i for i in content if doc[i].text not in attribution_stage.QUOTES], is_direct_quote=True
        )
    elif found is None and sent.start in ctx.quoted:
        # inside a quotation that runs over several sentences: said by whoever the closing sentence names,
        # and not the article's own claim when nobody is named
        closing = ctx.quoted[sent.start]
        if closing is None:
            return None
        found = attribution_stage.Attribution(
            content=[t.i for t in sent if t.text not in attribution_stage.QUOTES],
            speaker=closing.speaker,
            cited_source=closing.cited_source,
            is_direct_quote=True,
        )
    content = found.content if found else [t.i for t in sent]
    if question:
        content = listener_frames.factive_question(doc, content) or []
    content = [i for i in content if i not in skip and not doc[i].is_space]
    if rules.on("discourse_opener"):
        content = segmentation.discourse_opener(doc, content)
    if rules.on("listener_frame"):
        content = listener_frames.listener_frame(doc, content)
    if rules.on("explanatory_opener"):
        content = _drop_explanatory_opener(doc, content)
    if rules.on("answer_because"):
        content = _drop_answer_because(doc, content)
    speaker, cited, quote = "", "", False
    if found is not None:
        cited, quote = found.cited_source, found.is_direct_quote
        if found.speaker is not None:
            speaker = _speaker_name(found.speaker, ctx.pronouns, ctx.canonical_of, ctx.renderer, ctx.title)
    if (
        speaker
        and rules.on("speaker_last_person")
        and found is not None
        and found.speaker is not None
        and len(found.speaker) == 1
        and found.speaker[0].lower_ in ("he", "she")
        and found.speaker[0].i not in ctx.pronouns
    ):
        # '"…," she said' with no she resolved: the person the nearest text before it names, when only one
        speaker = (
            last_person(doc, ctx.sents, found.speaker[0], ctx.canonical_of, ctx.pronouns, ctx.genders()) or speaker
        )
    speaker = speaker or author
    speaker_tokens = list(found.speaker) if found is not None and found.speaker is not None and speaker else []
    return Statement(
        content=content, found=found, speaker=speaker, cited=cited, quote=quote, speaker_tokens=speaker_tokens
    )


_OPENER = re.compile(
    r"^(?:this|that|it) (?:is|was) (?:partly |largely |mainly )?(?:because(?: of)?|why|since|"
    r"due to(?: the fact that)?|the reason (?:why|that)?)\s+",
    re.IGNORECASE,
)


def _drop_explanatory_opener(doc, content: list[int]) -> list[int]:
    """ "This is because X", "That is why X", "It is due to the fact that X" -> X: the reason itself is the claim."""
    words = [doc[i] for i in content[:9]]
    text, cut = "", 0
    for count, token in enumerate(words, start=1):
        contracted = token.pos_ == "AUX" and token.lower_ in CONTRACTIONS and rules.on("contractions")
        text += (CONTRACTIONS[token.lower_] if contracted else token.text) + " "  # "That's why" is "That is why"
        match = _OPENER.match(text)
        if match and match.end() == len(text):
            cut = count  # the longest opener: "due to the fact that", not just "due to"
    rest = content[cut:]
    # the reason must be a clause: a verb, or what the parser hung as one (it tags "closes" a noun at times)
    return (
        rest
        if cut and any(doc[i].pos_ in ("VERB", "AUX") or doc[i].dep_ in ("advcl", "ccomp") for i in rest)
        else content
    )


def _drop_answer_because(doc, content: list[int]) -> list[int]:
    """ "Because we raised the wool tax in 1994." -> "We raised the wool tax in 1994.": a reason given on its own (an
    answer to a question asked before) asserts its clause, as "This is because X" does; only when the "because"
    clause is the whole sentence (its verb the sentence's root), not "Because X, Y" nor "If X" (no assertion)."""
    words = [doc[i] for i in content if not doc[i].is_punct]
    lead = next(
        (k for k, t in enumerate(words) if t.dep_ not in ("cc", "intj") and t.lower_ not in ("well", "oh")), None
    )
    if lead is None:
        return content
    mark = words[lead]
    verb = mark.head
    if not (mark.lower_ == "because" and mark.dep_ == "mark" and verb.dep_ == "ROOT" and verb.i in content):
        return content
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return content
    return [i for i in content if i > mark.i]


def _speaker_name(span, pronouns, canonical_of, renderer=None, title=None) -> str:
    if rules.on("speaker_core"):
        span = speaker_core(span)
    for token in span:
        if token.i in pronouns and len(span) == 1:
            return pronouns[token.i].text
    if len(span) > 1 and span[0].tag_ == "PRP$" and len(span) <= 8:
        # "…, its self-proclaimed leader said": whose leader? The title often names the speaker more fully
        # ("Self-proclaimed Donetsk leader pledges …"); failing that, the possessive is resolved as it
        # would be in a claim's text
        described = _title_description(span, title)
        if described:
            return described
        if renderer is not None and span[0].i in pronouns:
            return renderer.render([t.i for t in span if not t.is_space]).strip()
    people = [
        e
        for e in entities_in(span.doc, range(span.start, span.end))
        if e.end <= span.end and e.label_ in ("PERSON", "ORG", "GPE", "NORP")
    ]
    ids = set(range(span.start, span.end))
    if people and not any(e.label_ == "PERSON" for e in people) and attribution_stage._place_modifier(people[-1], ids):
        people = []  # "prosecutors in Lanzo" said it, not Lanzo
    if (
        people
        and not any(e.label_ == "PERSON" for e in people)
        and rules.on("speaker_entity_modifier")
        and people[-1].root.dep_ in ("compound", "amod", "nmod")
        and (people[-1].root.head.pos_ == "NOUN" or people[-1].root.head.text.islower())
        and len(span) <= 8
    ):
        people = []  # "a spokesman for the Norland ministry": Norland only says which ministry; the phrase speaks
    if people:
        person = [e for e in people if e.label_ == "PERSON"]
        return canonical_of((person or people)[-1])
    text = span.text.strip()
    if len(span) > 8:
        return ""
    return text[0].lower() + text[1:] if span[0].pos_ == "DET" else text


def speaker_core(span):
    """The speaker phrase without a relative clause set off after it: "Varga, who is also a director at Orvik
    Bank" is Varga speaking, not the bank; nor a description set off after a name (rule speaker_name_first)."""
    cut = next((t for t in span if t.dep_ == "relcl" and t.i > span.start), None)
    if cut is None and rules.on("speaker_name_first") and span.root.pos_ == "PROPN":
        # "Ana Ruiz, the founder of Lanzo Ferries": the name speaks, not the firm named in the description
        # (the small model may not know the name for a person, and would take the firm's name instead)
        cut = next((t for t in span.root.children if t.dep_ == "appos" and t.i > span.root.i), None)
    if cut is None and rules.on("speaker_name_first") and span.root.pos_ == "NOUN":
        # "the founder of Lanzo Ferries, Ana Ruiz": the name set off after the description is who speaks
        name = next((t for t in span.root.children if t.dep_ == "appos" and t.pos_ == "PROPN"), None)
        if name is not None:
            words = [t for t in name.subtree if not t.is_punct]
            return span.doc[words[0].i : words[-1].i + 1]
    if cut is None:
        return span
    end = min(t.i for t in cut.subtree)
    while end > span.start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start : end] if end > span.start else span


def _title_description(span, title) -> str:
    """ "its self-proclaimed leader" -> "the self-proclaimed Donetsk leader" when the title has the same head
    noun right after all the phrase's modifiers and a name saying whose: the title's fuller description of the
    same role. Headlines parse poorly, so the words before the noun are read as they stand, not as a parse.
    Nothing when the speaker phrase has no modifier (a bare "its leader" is too weak a match)."""
    if title is None:
        return ""
    head = span.root
    modifiers = {t.lower_ for t in span if t.i not in (span[0].i, head.i) and not t.is_punct}
    if not modifiers:
        return ""
    for noun in title:
        if noun.lower_ != head.lower_:
            continue
        start = noun.i
        while start > 0:
            before = title[start - 1]
            if before.lower_ in modifiers or before.text == "-" or before.pos_ == "PROPN" or before.ent_type_:
                start -= 1
            else:
                break
        words = title[start : noun.i]
        names = [t for t in words if t.lower_ not in modifiers and not t.is_punct]
        if modifiers <= {t.lower_ for t in words} and names:
            text = title[start : noun.i + 1].text
            if not (words[0].pos_ == "PROPN" and words[0].lower_ not in modifiers):
                text = text[0].lower() + text[1:]
            return "the " + text
    return ""
