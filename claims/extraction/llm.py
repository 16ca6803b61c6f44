"""Optional LLM backend: any OpenAI-compatible chat-completions endpoint, same output as the spaCy pipeline.

Three prompts in the Claimify design (Metropolitansky & Larson, ACL 2025), each answering in JSON:
1. selection - which sentences carry verifiable content, and that content without opinion or fluff;
2. disambiguation - rewrite each so it stands alone (pronouns, partial names, relative dates resolved
   from the article), or drop it when the article cannot resolve it;
3. decomposition - atomic claims, each with speaker, cited source, date, check-worthiness and entities.
Each claim carries the id of the sentence it came from, so it maps back to that sentence's character
span in the cleaned text (sentences are cut by the embedded pipeline's segmenter).

Settings: FACTCHECK_LLM_BASE_URL (e.g. http://127.0.0.1:11434/v1), FACTCHECK_LLM_MODEL, FACTCHECK_LLM_API_KEY,
FACTCHECK_LLM_TIMEOUT. The endpoint is configured by the operator, often on the local network, so it is
called with httpx directly rather than through sources.http, whose SSRF guard exists for untrusted URLs.
Any failure raises LLMError; claims.extraction.extract_cleaned then falls back to the spaCy pipeline
and records which backend produced each claim.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time

import httpx

from .types import Claim, CleanedText, Entity

BATCH_SENTENCES = 40
CONTEXT_CHARS = 6000

SELECTION_PROMPT = """You select verifiable content from a news article for fact-checkers.
For each numbered sentence decide whether it contains at least one specific, verifiable proposition
(an event, a number, a date, an attribute of a named entity, or a statement attributed to someone).
Opinions, wishes, promises, questions, page furniture and vague statements are not verifiable.
If only part of a sentence is verifiable, return only that part, keeping its wording.
Answer with JSON only: {"sentences": [{"id": <sentence id>, "verifiable": "<the verifiable part>"}]}
List only sentences that have verifiable content."""

DISAMBIGUATION_PROMPT = """You make sentences from a news article readable on their own.
Article title: {title}
Publication date: {published}
Article text (for context):
{context}

For each sentence below, rewrite it so that a reader who has not seen the article understands it:
replace pronouns and partial names with the full names the article supports, expand acronyms the
article defines, and turn relative dates ("on Wednesday", "last month") into dates using the
publication date. Keep attributions: a statement someone made stays "X said ...".
If the article does not let you resolve an ambiguity with confidence, return null for that sentence.
Answer with JSON only: {{"sentences": [{{"id": <sentence id>, "text": "<rewritten sentence>" or null}}]}}"""

DECOMPOSITION_PROMPT = """You split sentences into atomic claims for fact-checkers.
Publication date: {published}
For each sentence, write every distinct fact it states as its own claim: one fact per claim, each a
complete sentence that reads alone. Split coordinated clauses, appositives and relative clauses.
The claim text is what was claimed, never prefixed with who said it ("According to X, ..."): the
speaker and the cited source (the medium or outlet it was reported in) are given separately.
Answer with JSON only:
{{"claims": [{{"id": <sentence id>, "text": "<claim>", "speaker": "<who made it, or empty>",
  "cited_source": "<where it was reported, as written, or empty>", "date": "<YYYY-MM-DD the claim is about, or null>",
  "checkworthiness": <0 to 1: how much the claim is worth fact-checking>,
  "entities": [{{"text": "<as written>", "canonical": "<full name>", "label": "<PERSON|ORG|GPE|NORP|LOC|EVENT>"}}]}}]}}"""


_ATTRIBUTION_PREFIX = re.compile(r"^according to [^,]{1,120},\s+(?=\S)", re.IGNORECASE)


def _without_attribution_prefix(text: str) -> str:
    """Who said it is a field, not a prefix: "According to X, north Korea …" -> "North Korea …"."""
    stripped = _ATTRIBUTION_PREFIX.sub("", text)
    return stripped[:1].upper() + stripped[1:] if stripped != text else text


class LLMError(Exception):
    """The LLM backend could not produce claims (unreachable, timeout, HTTP error, malformed answer)."""


def _settings():
    from django.conf import settings

    base = getattr(settings, "FACTCHECK_LLM_BASE_URL", None)
    if not base:
        raise LLMError("FACTCHECK_LLM_BASE_URL is not set.")
    return (
        base.rstrip("/"),
        settings.FACTCHECK_LLM_MODEL,
        settings.FACTCHECK_LLM_API_KEY,
        float(settings.FACTCHECK_LLM_TIMEOUT),
    )


def chat_json(system: str, user: str, *, deadline: float | None = None) -> dict:
    """One chat-completions call that must answer with a JSON object."""
    base, model, key, timeout = _settings()
    if deadline is not None:
        timeout = max(0.1, min(timeout, deadline - time.monotonic()))
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    payload = {
        "model": model,
        "temperature": 0,
        "response_format": {"type": "json_object"},
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
    }
    try:
        response = httpx.post(f"{base}/chat/completions", json=payload, headers=headers, timeout=timeout)
    except httpx.TimeoutException:
        raise LLMError(f"the LLM endpoint did not answer within {timeout:.0f}s") from None
    except httpx.HTTPError as exc:
        raise LLMError(f"the LLM endpoint could not be reached: {exc}") from None
    if response.status_code != 200:
        raise LLMError(f"the LLM endpoint answered HTTP {response.status_code}: {response.text[:200]}")
    try:
        content = response.json()["choices"][0]["message"]["content"]
        data = json.loads(content)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMError(f"the LLM answer is not the expected JSON: {exc}") from None
    if not isinstance(data, dict):
        raise LLMError("the LLM answer is not a JSON object")
    return data


def _items(data: dict, key: str) -> list[dict]:
    items = data.get(key)
    if not isinstance(items, list):
        raise LLMError(f"the LLM answer has no {key!r} list")
    return [item for item in items if isinstance(item, dict)]


def _sentence_spans(cleaned: CleanedText) -> list[tuple[str, int, int]]:
    from . import segmentation
    from .parsing import chunks, load_nlp

    nlp = load_nlp()
    spans = []
    pieces = list(chunks(cleaned.text))
    with nlp.select_pipes(enable=["tok2vec", "parser"]):
        for (offset, _), doc in zip(pieces, nlp.pipe(chunk for _, chunk in pieces)):
            for sent in segmentation.sentences(doc):
                spans.append((sent.text, offset + sent.start_char, offset + sent.end_char))
    return spans


def _date(value) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def extract_claims_llm(cleaned: CleanedText) -> list[Claim]:
    """Claims from the LLM backend, in article order; raises LLMError on any failure."""
    _, _, _, timeout = _settings()
    deadline = time.monotonic() + 3 * timeout  # three stages per batch share one budget
    sentences = _sentence_spans(cleaned)
    published = cleaned.published.isoformat() if cleaned.published else "unknown"
    claims: list[Claim] = []
    for first in range(0, len(sentences), BATCH_SENTENCES):
        batch = dict(enumerate(sentences[first : first + BATCH_SENTENCES], start=first))
        numbered = "\n".join(f"[{i}] {text}" for i, (text, _, _) in batch.items())
        selected = {}
        for item in _items(chat_json(SELECTION_PROMPT, numbered, deadline=deadline), "sentences"):
            if isinstance(item.get("id"), int) and item["id"] in batch and _text(item.get("verifiable")):
                selected[item["id"]] = _text(item["verifiable"])
        if not selected:
            continue
        context = cleaned.text[:CONTEXT_CHARS]
        system = DISAMBIGUATION_PROMPT.format(title=cleaned.title or "unknown", published=published, context=context)
        listed = "\n".join(f"[{i}] {text}" for i, text in sorted(selected.items()))
        clear = {}
        for item in _items(chat_json(system, listed, deadline=deadline), "sentences"):
            if isinstance(item.get("id"), int) and item["id"] in selected and _text(item.get("text")):
                clear[item["id"]] = _text(item["text"])
        if not clear:
            continue
        listed = "\n".join(f"[{i}] {text}" for i, text in sorted(clear.items()))
        decomposed = _items(
            chat_json(DECOMPOSITION_PROMPT.format(published=published), listed, deadline=deadline), "claims"
        )
        for item in decomposed:
            sid, text = item.get("id"), _text(item.get("text"))
            if not isinstance(sid, int) or sid not in clear or not text:
                continue
            sentence, start, end = batch[sid]
            try:
                score = min(1.0, max(0.0, float(item.get("checkworthiness", 0.5))))
            except (TypeError, ValueError):
                score = 0.5
            entities = [
                Entity(
                    text=_text(e.get("text")),
                    canonical=_text(e.get("canonical")) or _text(e.get("text")),
                    label=_text(e.get("label")) or "MISC",
                )
                for e in item.get("entities") or []
                if isinstance(e, dict) and _text(e.get("text"))
            ]
            speaker = _text(item.get("speaker"))
            text = _without_attribution_prefix(text)
            claims.append(
                Claim(
                    text=text,
                    sentence=sentence,
                    start=start,
                    end=end,
                    checkworthiness=score,
                    speaker=speaker,
                    cited_source=_text(item.get("cited_source")),
                    date=_date(item.get("date")),
                    entities=entities,
                    claim_type="quote" if speaker else "other",
                    backend="llm",
                )
            )
    claims.sort(key=lambda c: c.start)
    return claims
