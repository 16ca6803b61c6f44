"""Article text -> self-contained, check-worthy atomic claims. Pure Python on plain dataclasses (no ORM).

    from claims.extraction import extract
    result = extract(raw_text, title=..., outlet=..., published=date(2022, 7, 14))
    for claim in result.claims: ...

Stages, one module each (a package of one module per rule family where they grew: decomposition,
decontextualisation): cleaning, html, segmentation, checkworthiness, attribution, decomposition, decontextualisation,
entities, dates; pipeline (the spaCy backend, one module per step; the model in parsing), llm (optional
chat-completions backend); rules (the registry, one catalogue per stage).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .types import Claim, CleanedText, Entity, ExtractionResult, Status

__all__ = ["Claim", "CleanedText", "Entity", "ExtractionResult", "Status", "extract", "extract_cleaned", "load_models"]

SUPPORTED_LANGUAGES = {"en"}
# Past this many characters only the beginning of an article is extracted: a bound on the CPU one
# submission can take (a 2 MB paste would otherwise hold a worker for minutes). News articles are
# far shorter (the longest of 88 real pages in our development set: 53,000 characters); the setting FACTCHECK_EXTRACTION_MAX_CHARS overrides it.
DEFAULT_MAX_CHARS = 100_000
# Characters alone do not bound the cost: every claim is embedded, matched and fetched for. Past this
# many claims extraction stops (news articles give tens); FACTCHECK_EXTRACTION_MAX_CLAIMS overrides it.
DEFAULT_MAX_CLAIMS = 200


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
        raw, headings = page.text, page.headings
    else:
        headings = None
    cleaned = clean_text(raw, title=title, outlet=outlet, published=published, headings=headings)
    return extract_cleaned(cleaned, language=language, backend=backend)


def extract_cleaned(cleaned: CleanedText, *, language: str = "", backend: str | None = None) -> ExtractionResult:
    from .language import detect

    language = (language or detect(cleaned.text) or "").lower()
    if not cleaned.text.strip():
        return ExtractionResult(
            cleaned=cleaned, language=language, status=Status.EMPTY, message="No text left after cleaning."
        )
    if language and language.split("-")[0] not in SUPPORTED_LANGUAGES:
        return ExtractionResult(
            cleaned=cleaned,
            language=language,
            status=Status.UNSUPPORTED,
            message=f"Claims are extracted from English text only; this article is in {language!r}.",
        )
    if language == "":
        return ExtractionResult(
            cleaned=cleaned, language="", status=Status.EMPTY, message="Too little text to extract claims from."
        )
    cleaned, note = _bounded(cleaned, _setting("FACTCHECK_EXTRACTION_MAX_CHARS", DEFAULT_MAX_CHARS))
    max_claims = _setting("FACTCHECK_EXTRACTION_MAX_CLAIMS", DEFAULT_MAX_CLAIMS)
    result = _extract_with_backend(cleaned, language=language, backend=backend, max_claims=max_claims + 1)
    if len(result.claims) > max_claims:
        result.claims = result.claims[:max_claims]
        stopped_at = result.claims[-1].end
        note = (
            f"Only the first {max_claims:,} claims were kept: extraction stopped at character {stopped_at:,} "
            f"of {len(cleaned.text):,} (FACTCHECK_EXTRACTION_MAX_CLAIMS). {note}"
        ).strip()
    if note:
        result.message = f"{note} {result.message}".strip()
    return result


def load_models() -> None:
    """Load what extraction reads from disk (spaCy with the gazetteer, the embedding weights, the check-worthiness
    model, the language identifier) without running any of it. A prefork worker calls this before it forks its
    pool (claims/tasks.py): each child then starts with the models in memory it shares with its siblings,
    instead of spending some 10 s of CPU loading them, again in every child the memory limit replaces.
    Nothing runs a model here: the embedding thread and torch's thread pool are made in the child that uses them."""
    from claims.matching.embeddings import get_model

    from . import checkworthiness, language, parsing

    parsing.load_nlp()
    checkworthiness.model()
    language.load_identifier()
    get_model()


def _bounded(cleaned: CleanedText, max_chars: int) -> tuple[CleanedText, str]:
    """The leading part of the text up to max_chars, cut at a paragraph break (else a space)."""
    total = len(cleaned.text)
    if total <= max_chars:
        return cleaned, ""
    cut = cleaned.text.rfind("\n", 0, max_chars)
    if cut < max_chars // 2:
        cut = cleaned.text.rfind(" ", 0, max_chars)
    cut = cut if cut > 0 else max_chars
    note = f"Only the first {cut:,} of {total:,} characters were extracted (FACTCHECK_EXTRACTION_MAX_CHARS)."
    return dataclasses.replace(cleaned, text=cleaned.text[:cut]), note


def _extract_with_backend(
    cleaned: CleanedText, *, language: str, backend: str | None, max_claims: int | None = None
) -> ExtractionResult:
    """Claims from the prose only: headings and table rows (cleaning.is_marked) are kept in the text so that the
    article is whole, but the backend sees them blanked out (offsets unchanged), as if they were not there."""
    from .cleaning import is_marked, prose_only
    from .embedded_posts import post_authors

    posts = post_authors(cleaned.text, is_marked)
    prose = dataclasses.replace(cleaned, text=prose_only(cleaned.text), posts=posts)
    result = _run_backend(prose, language=language, backend=backend, max_claims=max_claims)
    result.cleaned = cleaned
    return result


def _run_backend(
    cleaned: CleanedText, *, language: str, backend: str | None, max_claims: int | None = None
) -> ExtractionResult:
    chosen = backend or _default_backend()
    if chosen == "llm":
        from .llm import LLMError, extract_claims_llm

        try:
            claims = extract_claims_llm(cleaned)
            return ExtractionResult(
                cleaned=cleaned, language=language, status=Status.DONE, claims=claims, backend="llm"
            )
        except LLMError as exc:
            from .pipeline import extract_claims

            claims = extract_claims(cleaned, max_claims=max_claims)
            return ExtractionResult(
                cleaned=cleaned,
                language=language,
                status=Status.DONE,
                claims=claims,
                backend="spacy",
                message=f"LLM backend failed ({exc}); the embedded pipeline was used.",
            )
    from .pipeline import extract_claims

    claims = extract_claims(cleaned, max_claims=max_claims)
    return ExtractionResult(cleaned=cleaned, language=language, status=Status.DONE, claims=claims)


def _setting(name: str, default):
    try:
        from django.conf import settings

        return getattr(settings, name, default)
    except Exception:  # outside Django
        return default


def _default_backend() -> str:
    return "llm" if _setting("FACTCHECK_LLM_BASE_URL", None) else "spacy"
