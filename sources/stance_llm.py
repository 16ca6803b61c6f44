"""Stance suggestions from the LLM backend, when one is configured (FACTCHECK_LLM_BASE_URL).

One chat-completions call per fetch run, through the project's one LLM client
(claims.extraction.llm.chat_json). The model's suggestion replaces the text-signal one only for
passages whose stance is not already decided by what the document is (a fact-check's rating, a
cited outlet); its reason is kept beside the signals, so the editor still sees both. Any failure
leaves the signal-based suggestions as they are.
"""

from __future__ import annotations

import logging

from django.conf import settings

from . import conf
from .evidence import StanceSuggestion

logger = logging.getLogger(__name__)
STANCES = {"supports", "refutes", "mentions", "unclear"}
MAX_PASSAGES = 30

SYSTEM = """You help fact-checkers weigh evidence. You get a claim and numbered passages from sources.
For each passage decide whether it supports the claim (states the same fact), refutes it (states
something incompatible: another number, date, actor, or a denial), only mentions its subject without
settling it, or is unclear. Judge only from the passage; do not use outside knowledge.
Answer with JSON only: {"passages": [{"id": <passage number>, "stance": "supports|refutes|mentions|unclear",
"reason": "<one short sentence quoting the decisive words>"}]}"""


def enabled() -> bool:
    return bool(getattr(settings, "FACTCHECK_LLM_BASE_URL", None)) and conf.get("FACTCHECK_STANCE_LLM")


def ask(*, claim_text: str, passages: list[str]) -> dict[int, tuple[str, str]]:
    """The model's stance and reason for each passage it answered, by index into `passages`. Raises
    claims.extraction.llm.LLMError when the backend fails."""
    from claims.extraction.llm import chat_json

    numbered = "\n\n".join(f"[{n}] {text}" for n, text in enumerate(passages, start=1))
    data = chat_json(SYSTEM, f"Claim: {claim_text}\n\nPassages:\n{numbered}")
    answers: dict[int, tuple[str, str]] = {}
    for answer in data.get("passages") or []:
        try:
            n, stance = int(answer["id"]), str(answer["stance"]).strip().lower()
        except (KeyError, TypeError, ValueError):
            continue
        if stance in STANCES and 1 <= n <= len(passages):
            answers[n - 1] = (stance, str(answer.get("reason") or "").strip())
    return answers


def refine(*, claim_text: str, plan) -> int:
    """Replace undecided suggestions in `plan` with the model's; returns how many were replaced."""
    if not enabled():
        return 0
    from claims.extraction.llm import LLMError

    slots = [(item, i) for item in plan if not item.decided for i in range(len(item.passages))][:MAX_PASSAGES]
    if not slots:
        return 0
    try:
        answers = ask(claim_text=claim_text, passages=[item.passages[i].text for item, i in slots])
    except LLMError as exc:
        logger.warning("LLM stance suggestions unavailable, keeping the text signals: %s", exc)
        return 0
    model = settings.FACTCHECK_LLM_MODEL
    for n, (stance, why) in answers.items():
        item, i = slots[n]
        signals = item.suggestions[i].reason
        reason = f"{model}: {why} | Signals: {signals}"
        item.suggestions[i] = StanceSuggestion(stance, reason[:500])
    return len(answers)
