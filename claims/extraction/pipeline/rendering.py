"""Token indices written as a claim that reads alone: names for pronouns, canonical names for aliases, contractions
spelled out, connectives and fillers dropped, spacing and final punctuation set."""

from __future__ import annotations

import re

from .. import faithfulness, rules
from ..decontextualisation.referents import PRONOUNS

CONTRACTIONS = {"'s": "is", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am"}
# Connectives that open a sentence and tie it to the one before; a claim stands without them. Those that also begin
# a phrase of their own go only with their comma or without what would make them one: "In addition to its order, …",
# "In response to …", "As a result of …", "First Lady …", "Besides its ferries, …", "Still water …".
_LEADING_CONNECTIVES = re.compile(
    r"^(?:(?:(?:and|but|or|so|yet|then|also|however|therefore|thus|meanwhile|moreover|furthermore|additionally|"
    r"instead(?! of)|nevertheless|nonetheless|consequently|hence|indeed|in addition(?! to)|in fact|"
    r"as a result(?! of)|in response(?! to)|in turn|finally|lastly)\b,?|"
    r"(?:still|besides|overall|first|second|third|notably),)\s+)+",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(
    r",\s*(?:although|however|though|too|also|meanwhile|therefore|moreover|in turn)\s*,", re.IGNORECASE
)
_QUOTATION_MARK = re.compile(r'(?<!\d)"|"(?![\s\-,.])')  # not an inch mark: '27" display', '27"-wide'
_SPACE_BEFORE = re.compile(r"\s+([,;:!?)\]]|\.(?!\w)|'s\b|n't\b)")  # not before ".45-caliber"
_SPACE_AFTER = re.compile(r"([(\[])\s+")
_FILLER = re.compile(
    r"^(?:it (?:is|was|has been) (?:generally |widely |commonly |often )?(?:thought|believed|known|estimated|reported|"
    r"assumed|accepted|understood) that|"
    r"it(?:'s| is) (?:worth (?:noting|mentioning|pointing out)|important to (?:note|remember)|notable|"
    r"interesting to note|also worth noting)(?: that)?|note that|keep in mind that|in summary|in conclusion|overall)[,\s]+",
    re.IGNORECASE,
)


def finish(text: str, *, capitalise: bool = True) -> str:
    text = " ".join(text.split())
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = _PARENTHETICAL.sub("", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"(,\s*){2,}", ", ", text)
    text = re.sub(r"^[\s,.;:\-\"')\]]+", "", text)
    text = _LEADING_CONNECTIVES.sub("", text)
    text = _FILLER.sub("", text)
    text = re.sub(r"^[\s,.;:\-]+", "", text)
    if len(_QUOTATION_MARK.findall(text)) % 2:
        # an unpaired quotation mark goes; an inch mark after a number is none ('a 27" display')
        text = _QUOTATION_MARK.sub("", text)
    text = re.sub(r'"\s*"', " ", text)
    text = re.sub(r'^"([^"]*)"$', r"\1", text.strip())
    text = re.sub(r"[\s,;:\-\u2013\u2014]+$", "", text).strip()
    for opener, closer in ("()", "[]"):  # a bracket closed at the end that the claim never opened: "… by May)."
        if rules.on("bracket_guard") and text.count(closer) > text.count(opener):
            text = re.sub(rf"\{closer}(?=[.!?]?$)", "", text, count=1)
    text = re.sub(r"[\s,;:]+([\"')\]]+)$", r"\1", text)  # 'a topic at every meeting,"' -> '… meeting"'
    text = re.sub(r"[\s,;:\-\u2013\u2014]+([.!?])$", r"\1", text)  # "leading the charge -." -> "the charge."
    text = re.sub(r"[,;:]+([\"')\]]+)([.!?])$", r"\1\2", text)  # 'no "end," .' -> 'no "end".'
    text = re.sub(r"\s{2,}", " ", text)
    if not text:
        return ""
    if not capitalise:
        return text.rstrip(".")
    text = text[0].upper() + text[1:]
    if re.search(r"[.!?]'$", text) and not re.search(r"(^|\s)'", text):
        text = text[:-1]  # a single quote whose opening mark went with the words before: "… if it kills us!'"
    text = re.sub(r"([.!?])(['\")\]]+)$", r"\2\1", text)
    text = re.sub(r"[.!?]+(['\")\]]*)[.!?]+$", r"\1.", text)
    if text[-1] not in ".!?":
        text += "."
    return text


def _quoting(parts: list[str]) -> bool:
    """Whether what was written so far leaves a quotation open: a title or a quote kept in its marks ('played "We're
    Not Done"') keeps its words as written (rule quoted_contraction)."""
    if not rules.on("quoted_contraction"):
        return False
    written = "".join(parts)
    return written.count("\u201c") > written.count("\u201d") or written.count('"') % 2 == 1


class Renderer:
    """Turns token indices into text, substituting names for pronouns and canonical names for aliases."""

    def __init__(self, doc, pronouns, replacements):
        self.doc = doc
        self.pronouns = pronouns  # token index -> Antecedent
        self.replacements = replacements  # token start -> (end, canonical)
        self.left_bare: set[int] = set()  # pronouns of the last render written as they were

    def render(self, ids: list[int], overrides: dict[int, str] | None = None) -> str:
        doc = self.doc
        keep = set(ids)
        overrides = overrides or {}
        self.left_bare = set()
        parts: list[str] = []
        i_list = sorted(keep)
        k = 0
        previous = None
        while k < len(i_list):
            i = i_list[k]
            token = doc[i]
            if previous is not None and i != previous + 1 and parts and not parts[-1].endswith((" ", "\n")):
                parts.append(" ")  # words brought together across a gap keep a space between them
            previous = i
            if i in overrides or faithfulness.spelled_out(token, CONTRACTIONS) and not _quoting(parts):
                text = overrides.get(i) or faithfulness.contraction(token, CONTRACTIONS)
                if i not in overrides and parts and not parts[-1].endswith(" "):
                    text = " " + text
                parts.append(text + token.whitespace_)
                k += 1
                continue
            said = "".join(parts).casefold()
            if i in self.replacements:
                end, canonical = self.replacements[i]
                if all(j in keep for j in range(i, end)) and canonical.casefold() not in said:
                    parts.append(canonical + doc[end - 1].whitespace_)
                    while k < len(i_list) and i_list[k] < end:
                        k += 1
                    previous = end - 1
                    continue
            antecedent = self.pronouns.get(i)
            if (
                antecedent is not None
                and antecedent.text.casefold() not in said
                and antecedent.text.split()[-1].casefold() not in said
            ):
                text = antecedent.text + (
                    ("'" if antecedent.text.endswith("s") else "'s") if antecedent.possessive else ""
                )
                parts.append(text + token.whitespace_)
            else:
                if token.lower_ in PRONOUNS and token.pos_ == "PRON":
                    self.left_bare.add(i)
                parts.append(token.text_with_ws)
            k += 1
        return "".join(parts)
