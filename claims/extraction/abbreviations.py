"""No sentence boundary right after an abbreviation that a name or a number continues ("Rep. Ana Ruiz", "the Rt.
Hon. Ivo Brandt", "Game No. 3", "the U.S. Market"): a pipeline component that runs before spaCy's parser and marks
the next word as no sentence start, which the parser respects (rule abbreviation_boundaries). Cut there, a sentence
lost its subject or its end, and the claim was a fragment or nothing.

The abbreviations are spaCy's own (its English tokenizer exceptions: titles, states, months, "Inc.", "Jr."), with a
few titles it lacks, which the tokenizer is taught to keep whole ("Hon.", not "Hon" + "."). A title always comes before a name; any other abbreviation may also end a sentence ("… moved to
Atlanta, Ga. The plant …"), so after it the boundary goes only when what follows, up to its full stop, has no
finite verb: no sentence of its own ("the ID. Space Vizzion concept")."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import rules
from .lexicon import FINITE_TAGS

# titles before a name, with or without spaCy's exception (without it, "Rt." is tokenized "Rt" + ".")
TITLES = frozenset({
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "Rev.", "Hon.", "Rt.", "Rep.", "Reps.", "Sen.", "Sens.", "Gov.",
    "Govs.", "Gen.", "Gens.", "Adm.", "Cmdr.", "Capt.", "Col.", "Lt.", "Maj.", "Sgt.", "Cpl.", "Supt.", "Insp.", "St.",
    "Ste.", "Mt.", "Ft.", "Pres.", "Amb.", "Atty.", "Det.",
})  # fmt: skip
NUMBER_ABBREVIATIONS = frozenset({"No.", "Nos.", "Vol.", "Art.", "Sec.", "Ch."})  # "No. 3", "Art. 5"
# abbreviations spaCy does not have that may also end a sentence
OTHER_ABBREVIATIONS = frozenset({"Sr.", "ID.", "Tex.", "Vt.", "Wyo.", "Ida.", "Ariz.", "Ltd.", "Bros.", "U.K."})
# tags of words that open a sentence and never continue a name: "… Ga. The plant", "… St. It was"
OPENER_TAGS = frozenset({"DT", "PRP", "PRP$", "IN", "CC", "RB", "WDT", "WP", "WRB", "EX", "MD", "PDT"})
COMPONENT = "abbreviation_boundaries"


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Every abbreviation known: spaCy's English tokenizer exceptions that end in a full stop, and ours."""
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    spacy_own = {k for k in TOKENIZER_EXCEPTIONS if k.endswith(".") and k[:1].isupper() and len(k) > 2}
    return frozenset(spacy_own) | TITLES | NUMBER_ABBREVIATIONS | OTHER_ABBREVIATIONS


def missing_titles() -> list[str]:
    """The titles spaCy's tokenizer splits from their full stop ("Hon" + "."): each becomes one token, as "Sen." is."""
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return sorted(TITLES - TOKENIZER_EXCEPTIONS.keys())


@Language.component(COMPONENT)
def abbreviation_boundaries(doc: Doc) -> Doc:
    if not rules.on("abbreviation_boundaries"):
        return doc
    for token in doc:
        after = _continued(doc, token)
        if after is not None:
            after.is_sent_start = False
    return doc


def _continued(doc: Doc, token: Token) -> Token | None:
    """The word after an abbreviation that it continues, if the abbreviation ends at this token."""
    if token.text == "." and token.i > 0 and not doc[token.i - 1].whitespace_:
        written = doc[token.i - 1].text + "."  # "Rt" + "."
    elif token.text.endswith(".") and len(token.text) > 1:
        written = token.text  # "Rep.", "U.S."
    else:
        return None
    if not token.whitespace_ or token.i + 1 >= len(doc):
        return None
    after = doc[token.i + 1]
    if written in NUMBER_ABBREVIATIONS:
        return after if after.like_num else None
    if not after.text[:1].isupper() or after.tag_ in OPENER_TAGS:
        return None
    if written in TITLES or _initial(doc, token, written):
        return after
    if written in abbreviations() and not _own_sentence(doc, after):
        return after
    return None


def _initial(doc: Doc, token: Token, written: str) -> bool:
    """A middle initial after a first name or a title ("Ana B. Ruiz", "Hon. B. U. Brandt")."""
    if not (len(written) == 2 and written[0].isupper()) or token.i < 1:
        return False
    before = doc[token.i - 1]
    if before.text == "." and token.i >= 2:  # after a title tokenized apart from its full stop ("Hon" + ".")
        before = doc[token.i - 2]
    return before.text[:1].isupper() and before.text != written


def _own_sentence(doc: Doc, first: Token) -> bool:
    """What follows, up to its full stop, has a finite verb (the tagger runs before the parser)."""
    for token in doc[first.i :]:
        if token.text in (".", "!", "?") or "\n" in token.text:
            return False
        if token.tag_ in FINITE_TAGS:
            return True
    return False
