"""Stance suggestions from the LLM backend when configured (a local OpenAI-compatible server), with fallback."""

from __future__ import annotations

import json

import pytest
from werkzeug import Response

from sources.models import Evidence
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus_source(db):
    return SourceFactory(
        url="https://reference.example/dprk",
        text="North Korea recognised the Donetsk People's Republic on 13 July 2022, the third state to do so.",
    )


def _chat_completion(content: dict) -> Response:
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "test-model",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": json.dumps(content)}, "finish_reason": "stop"}
        ],
    }
    return Response(json.dumps(body), content_type="application/json")


def test_the_models_suggestion_and_reason_are_kept_beside_the_signals(
    claim, corpus_source, httpserver, settings, fetch_now
):
    settings.FACTCHECK_LLM_BASE_URL = httpserver.url_for("/v1")
    settings.FACTCHECK_LLM_MODEL = "test-model"
    seen = []

    def chat(request):
        seen.append(request.get_json())
        return _chat_completion(
            {"passages": [{"id": 1, "stance": "refutes", "reason": "It says 'third state', not first."}]}
        )

    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_handler(chat)

    fetch_now(claim, "internal")

    evidence = Evidence.objects.get(claim=claim, source=corpus_source)
    assert evidence.stance == "refutes"
    assert evidence.stance_reason.startswith("test-model: It says 'third state', not first.")
    assert "Signals: Passage has" in evidence.stance_reason
    (request,) = seen
    assert request["model"] == "test-model"
    assert (
        claim.text in request["messages"][1]["content"]
        and "[1] North Korea recognised" in request["messages"][1]["content"]
    )


def test_the_text_signals_stand_when_the_model_fails(claim, corpus_source, httpserver, settings, fetch_now):
    settings.FACTCHECK_LLM_BASE_URL = httpserver.url_for("/v1")
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_data("overloaded", status=503)

    fetch_now(claim, "internal")

    evidence = Evidence.objects.get(claim=claim, source=corpus_source)
    assert evidence.stance == "supports" and evidence.stance_reason.startswith("Passage has")


def test_without_a_backend_no_call_is_made(claim, corpus_source, httpserver, settings, fetch_now):
    settings.FACTCHECK_LLM_BASE_URL = None

    fetch_now(claim, "internal")

    assert httpserver.log == []
    assert Evidence.objects.get(claim=claim, source=corpus_source).stance == "supports"
