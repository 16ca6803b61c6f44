"""Article text -> self-contained, check-worthy atomic claims. Pure Python on plain dataclasses (no ORM).

    from claims.extraction import extract
    result = extract(raw_text, title=..., outlet=..., published=date(2022, 7, 14))
    for claim in result.claims: ...

Stages, one module each: cleaning, html, segmentation, checkworthiness, attribution, decomposition,
decontextualisation, entities, dates; pipeline (spaCy backend) and llm (optional chat-completions backend).
"""

from __future__ import annotations

import datetime as dt

from .types import Claim, CleanedText, Entity, ExtractionResult, Status

__all__ = ["Claim", "CleanedText", "Entity", "ExtractionResult", "Status", "extract", "extract_cleaned"]

SUPPORTED_LANGUAGES = {"en"}


def extract(
    raw: str,
    *,
    is_html: bool = False,
    title: str = "",
    outlet: str = "",
    published: dt.date | None = None,
    language: str = "",
    url: str = "",
    backend: str | None = None,
) -> ExtractionResult:
    """Clean raw text (or HTML) and extract its claims. Never raises on odd input: the status says what happened."""
    from .cleaning import clean_text

    if is_html:
        from .html import html_to_text

        page = html_to_text(raw, url=url)
        title, outlet = title or page.title, outlet or page.outlet
        published = published or page.published
        raw = page.text
    cleaned = clean_text(raw, title=title, outlet=outlet, published=published)
    return extract_cleaned(cleaned, language=language, backend=backend)


def extract_cleaned(cleaned: CleanedText, *, language: str = "", backend: str | None = None) -> ExtractionResult:
    from .language import detect

    language = (language or detect(cleaned.text) or "").lower()
    if not cleaned.text.strip():
        return ExtractionResult(cleaned=cleaned, language=language, status=Status.EMPTY, message="No text left after cleaning.")
    if language and language.split("-")[0] not in SUPPORTED_LANGUAGES:
        return ExtractionResult(
            cleaned=cleaned,
            language=language,
            status=Status.UNSUPPORTED,
            message=f"Claims are extracted from English text only; this article is in {language!r}.",
        )
    if language == "":
        return ExtractionResult(cleaned=cleaned, language="", status=Status.EMPTY, message="Too little text to extract claims from.")
    chosen = backend or _default_backend()
    if chosen == "llm":
        from .llm import LLMError, extract_claims_llm

        try:
            claims = extract_claims_llm(cleaned)
            return ExtractionResult(cleaned=cleaned, language=language, status=Status.DONE, claims=claims, backend="llm")
        except LLMError as exc:
            from .pipeline import extract_claims

            claims = extract_claims(cleaned)
            return ExtractionResult(
                cleaned=cleaned, language=language, status=Status.DONE, claims=claims, backend="spacy",
                message=f"LLM backend failed ({exc}); the embedded pipeline was used.",
            )
    from .pipeline import extract_claims

    return ExtractionResult(cleaned=cleaned, language=language, status=Status.DONE, claims=extract_claims(cleaned))


def _default_backend() -> str:
    try:
        from django.conf import settings

        return "llm" if getattr(settings, "FACTCHECK_LLM_BASE_URL", None) else "spacy"
    except Exception:  # outside Django
        return "spacy"
