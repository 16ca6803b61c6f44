"""Words that point back into the article without saying what they point at, for readability.context_gaps: a claim
that keeps them is flagged "needs context" with what to repair. Nothing here rewrites a claim.

- `modifier_gaps` (rule anaphoric_modifier): "a similar message", "such plumes", "the same is true", "another
  factor", "other features include", "neither player", "both teams won", "the three won" (a bare numeral head);
- `open_time_gaps` (rule open_relative_time): "now", "currently", "the previous week", "over the past five years":
  time counted from a moment the claim does not give;
- `abbreviation_gaps` (rule defined_abbreviation): "the CLF" that only the article spelled out ("a cargo levy
  fund (CLF)"), when the claim does not spell it out itself and it is no abbreviation of general knowledge.
All on spaCy tokens of the article's parse; `ids` are the claim's token indices.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import gazetteer, rules

SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAMED_LABELS = {"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "WORK_OF_ART", "EVENT"}
# "the same week": a span of time is mostly the same for the things the claim itself names ("played in the same week")
TIME_NOUNS = {"time", "day", "week", "month", "year", "season", "period", "night", "morning", "evening", "hour"}
# "and other features", "any other car", "no other city": "other" that says "than these" or "than any"
OTHER_OPENERS = {"and", "or", "any", "no", "every", "each", "all", "many", "some", "several", "among", "the"}
# "the three won", "the latter said": a numeral or "latter" standing for people or things named before
BARE_HEADS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "latter", "former"}


def modifier_gaps(tokens: list[Token], ids: set[int]) -> list[str]:
    if not rules.on("anaphoric_modifier"):
        return []
    gaps = []
    for token in tokens:
        phrase = _pointing_back(token, ids)
        if phrase:
            gaps.append(f'"{phrase}" refers to something earlier in the article')
    return gaps


def _pointing_back(token: Token, ids: set[int]) -> str | None:
    lower, head = token.lower_, token.head
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 and token.i - 1 in ids else ""
    if lower == "similar" and not _followed_by(token, ids, {"to", "as", "in", "with"}):
        if token.dep_ == "amod" and head.pos_ == "NOUN" and not _followed_by(head, ids, {"to", "as"}):
            return f"similar {head.text}"
        if token.dep_ == "acomp":
            return "similar"
    if lower == "such" and before != "as" and token.dep_ in ("amod", "predet", "det") and head.pos_ == "NOUN":
        intensifier = head.dep_ == "attr" or any(c.dep_ == "amod" and c.i != token.i for c in head.children)
        if not _compared(token, ids) and not intensifier:  # "was such a gift", "such good singers": praise
            return f"such {head.text}"
    if lower == "same" and before == "the" and not _compared(token, ids):
        if token.dep_ == "amod" and head.pos_ == "NOUN":
            # "a painting of the same name" names it in the claim; "by the same token" is a turn of phrase
            if head.lemma_ not in TIME_NOUNS | {"name", "token"}:
                return f"the same {head.text}"
        elif token.dep_ in SUBJECT_DEPS + ("dobj", "pobj", "attr") and token.head.lemma_ != "at":
            return "the same"
    if lower == "another" and token.dep_ in ("det", "nsubj", "nsubjpass", "attr") and before not in ("one", "and"):
        phrase = token if token.dep_ != "det" else head
        described = _followed_by(phrase, ids, {"of"})  # "another example of the regime's practice"
        if phrase.dep_ in SUBJECT_DEPS + ("attr",) and not described and not any(c.like_num for c in phrase.children):
            return "another" if phrase is token else f"another {phrase.text}"
    if lower == "other" and token.dep_ == "amod" and before not in OTHER_OPENERS and head.pos_ == "NOUN":
        existential = head.dep_ == "attr" and any(c.dep_ == "expl" for c in head.head.children)
        possessed = any(c.dep_ == "poss" for c in head.children)
        # "one sector … when other sectors …": the claim itself names what "other" sets them apart from
        contrasted = any(t.lemma_ == head.lemma_ and t.i < token.i for t in doc[min(ids) : token.i])
        subject = head.dep_ in SUBJECT_DEPS or existential
        if subject and not possessed and not contrasted and not _followed_by(head, ids, {"than"}):
            return f"other {head.text}"
    if lower in ("neither", "either") and token.dep_ == "det" and head.pos_ == "NOUN" and head.lower_ != "way":
        return f"{lower} {head.text}"
    if lower == "both" and token.dep_ == "det" and head.pos_ == "NOUN" and head.dep_ in SUBJECT_DEPS:
        return f"both {head.text}"
    if before == "the" and lower in BARE_HEADS and token.dep_ in SUBJECT_DEPS + ("dobj", "pobj", "attr"):
        # "Brandt fought Lind when the two were …": the claim names them before
        named = {e.start for e in doc.ents if e.start >= min(ids) and e.end <= token.i and e.label_ in NAMED_LABELS}
        if len(named) < 2:
            return f"the {token.text}"
    return None


def _compared(token: Token, ids: set[int]) -> bool:
    """ "the same fare of 12 euros as …", "such good singers that …": the claim says what it compares with (the "as"
    or "that" may hang on the verb). Only the claim's own tokens after this one are read, not the article's."""
    doc = token.doc
    return any(doc[i].lower_ in ("as", "that", "who", "which") for i in ids if i > token.i)


def _followed_by(token: Token, ids: set[int], words: set[str]) -> bool:
    """A word of `words` among the token's dependents after it, in the claim ("similar to", "the same as")."""
    return any(c.i > token.i and c.i in ids and c.lower_ in words for c in token.children)


PRESENT_WORDS = {"now", "currently", "presently", "nowadays"}
OPEN_SPAN = re.compile(
    r"\b(?:the )?(?:previous|preceding|following|last|past|next|coming)(?: (?:\d+|few|several|two|three|four|five|six"
    r"|seven|eight|nine|ten|twelve|fifteen|twenty|thirty))? (?:days?|weeks?|months?|years?|decades?|seasons?|"
    r"quarters?)\b(?! of\b)",
    re.IGNORECASE,
)


def open_time_gaps(tokens: list[Token], text: str, written: list[str]) -> list[str]:
    """ "now", "currently", "the previous week", "the last seven years" left in the claim; `written` are the spans
    readability already flagged ("last week"), not flagged twice."""
    if not rules.on("open_relative_time"):
        return []
    gaps = [
        f'relative time "{t.text}" without its date'
        for t in tokens
        if t.lower_ in PRESENT_WORDS and t.pos_ == "ADV" and not _in_words(t, written)
    ]
    for match in OPEN_SPAN.finditer(text):
        counted_from_year = re.search(r"\b\d{4}\b", text[: match.start()]) and re.match(
            r"(?:the )?(?:previous|preceding|following)", match.group(0), re.IGNORECASE
        )  # "in 2017, up from the previous year": the claim gives the year it counts from
        if not counted_from_year and not any(
            match.group(0).lower() in w.lower() or w.lower() in match.group(0).lower() for w in written
        ):
            gaps.append(f'relative time "{match.group(0)}" without its date')
    return gaps


def _in_words(token: Token, written: list[str]) -> bool:
    return any(token.lower_ in w.lower().split() for w in written)


# one body or thing ("the CLF"); a plural ("ICUs", "SSPs") names a kind, which mostly reads alone
ABBREVIATION = re.compile(r"[A-Z][A-Z&]{1,6}")


def abbreviation_gaps(tokens: list[Token], text: str) -> list[str]:
    """An abbreviation the article defined before the claim ("a cargo levy fund (CLF)") and the claim leaves bare."""
    if not rules.on("defined_abbreviation") or not tokens:
        return []
    doc, first = tokens[0].doc, min(t.i for t in tokens)
    earlier = doc[:first].text
    gaps = []
    for token in tokens:
        word = token.text
        if not ABBREVIATION.fullmatch(word) or not re.search(rf"\b{word}\b", text) or f"({word})" in text:
            continue
        if gazetteer.canonical(word) is not None:
            continue
        if f"({word})" in earlier:
            gaps.append(f'abbreviation "{word}" is spelled out only earlier in the article')
    return list(dict.fromkeys(gaps))
