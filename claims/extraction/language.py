"""Language identification (py3langid: a small model shipped inside the package, nothing downloaded)."""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 5000
MIN_LETTERS = 20  # below this there is too little text to tell; callers treat it as unknown
MIN_PROBABILITY = 0.6


@lru_cache(maxsize=1)
def load_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little text or no confident answer."""
    sample = text[:SAMPLE_CHARS]
    if len(re.findall(r"[^\W\d_]", sample)) < MIN_LETTERS:
        return ""
    code, probability = load_identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else ""
