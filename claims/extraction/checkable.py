"""Is a statement a checkable fact, or a cheer, a pitch or a judgement? Judged on spaCy tokens.

checkworthiness.plain_statement already keeps questions, imperatives (no subject), opinions ("I think"), hedges and
recommendations out. Two more kinds, by how sure the words make it:

- `exclamation` (rule exclamation): a sentence that ends in "!" and carries no figure or date ("The performance was
  spectacular!", "Our products are top notch!") is a cheer or a pitch: no claim.
- `judgement` (rule graded_judgement): a judgement graded by a degree word ("the cast is so talented", "the menu
  is a bit bland", "the crowd was absolutely rocking") or addressed to the reader ("the session leaves you with
  more energy", "you get unlimited storage"). It may still carry a fact, so it stays a claim; its check-worthiness
  is capped (claims.bands.NOT_A_FACT) so the queue ranks it last.
"""

from __future__ import annotations

from . import rules

FIGURE_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
DEGREE_WORDS = {
    "so", "very", "really", "too", "quite", "pretty", "incredibly", "extremely", "absolutely", "truly", "super",
    "totally", "utterly", "insanely", "remarkably", "surprisingly", "fairly", "rather", "bit", "little", "simply",
}  # fmt: skip
READER = {"you", "your", "yours", "yourself"}


def _figure(tokens) -> bool:
    return any(t.ent_type_ in FIGURE_LABELS or t.like_num and not t.ent_type_ for t in tokens)


def exclamation(sent, tokens) -> bool:
    """The sentence exclaims and the claim has no figure or date to check: a cheer or a pitch, not a fact."""
    if not rules.on("exclamation"):
        return False
    ending = [t for t in sent if not t.is_space and t.text not in ('"', "'", ")", "”", "’")]
    dated = any(t.ent_type_ == "DATE" for t in tokens)  # "… cut ties with Lanzo in June 2022!": a fact, excited
    return bool(ending) and ending[-1].text.startswith("!") and not _figure(tokens) and not dated


def judgement(tokens, *, speaker: str) -> str:
    """Why the statement is more a judgement than a fact ("" when it is not one): a predicate adjective or verb
    graded by a degree word, or the reader addressed in the article's own voice (not in the past: a debater's "you
    cut the budget" is a record); never one with a figure."""
    if not rules.on("graded_judgement") or _figure(tokens):
        return ""
    ids = {t.i for t in tokens}
    for token in tokens:
        graded = token.dep_ in ("acomp", "ROOT", "conj", "attr") and token.pos_ in ("ADJ", "VERB", "NOUN")
        if graded and any(c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS and c.i in ids for c in token.children):
            if token.pos_ != "VERB" or token.tag_ == "VBG" or token.lemma_ in ("love", "like", "hate", "rock"):
                return "a judgement graded by a degree word"
        if token.dep_ == "npadvmod" and token.lower_ == "bit" and token.head.pos_ == "ADJ":
            return "a judgement graded by a degree word"  # "a bit bland"
    past = any(t.tag_ == "VBD" for t in tokens)  # "You cut the school budget in 2019": a record, to check
    if not speaker and not past and any(t.lower_ in READER and t.pos_ == "PRON" for t in tokens):
        return "addressed to the reader"
    return ""
