"""The optional LLM backend against a local HTTP server speaking the OpenAI chat-completions API."""

import datetime as dt
import json
import time

import pytest
from werkzeug import Response

from claims.extraction import CleanedText, extract_cleaned

ARTICLE = CleanedText(
    text=(
        "North Korea on Wednesday became the second state to recognise the Donetsk People's Republic, "
        "Denis Pushilin said, according to Tass.\n\n"
        "I look forward to active and fruitful cooperation."
    ),
    title="Recognition",
    published=dt.date(2022, 7, 14),
)


def completion(payload: dict) -> dict:
    """A chat-completions response in the API's real shape."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1657800000,
        "model": "test-model",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": json.dumps(payload)}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def claimify_server(httpserver, requests_seen: list):
    """Answers the three stages by looking at the system prompt, as a model would."""

    def handler(request):
        body = request.get_json()
        requests_seen.append(body)
        system = body["messages"][0]["content"]
        if "select verifiable content" in system:
            payload = {
                "sentences": [
                    {
                        "id": 0,
                        "verifiable": "North Korea on Wednesday became the second state to recognise the Donetsk People's Republic, Denis Pushilin said.",
                    }
                ]
            }
        elif "readable on their own" in system:
            payload = {
                "sentences": [
                    {
                        "id": 0,
                        "text": "Denis Pushilin said North Korea on 13 July 2022 became the second state to recognise the Donetsk People's Republic.",
                    }
                ]
            }
        else:
            payload = {
                "claims": [
                    {
                        "id": 0,
                        "text": "According to Denis Pushilin, North Korea became the second state to recognise the Donetsk People's Republic on 13 July 2022.",
                        "speaker": "Denis Pushilin",
                        "cited_source": "Tass",
                        "date": "2022-07-13",
                        "checkworthiness": 0.9,
                        "entities": [
                            {
                                "text": "Donetsk People's Republic",
                                "canonical": "Donetsk People's Republic",
                                "label": "GPE",
                            }
                        ],
                    },
                    {
                        "id": 7,
                        "text": "A claim about a sentence that does not exist.",
                        "speaker": "",
                        "cited_source": "",
                        "date": None,
                        "checkworthiness": 0.9,
                    },
                ]
            }
        return Response(json.dumps(completion(payload)), content_type="application/json")

    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_handler(handler)


@pytest.fixture
def llm_settings(settings, httpserver):
    settings.FACTCHECK_LLM_BASE_URL = httpserver.url_for("/v1")
    settings.FACTCHECK_LLM_MODEL = "test-model"
    settings.FACTCHECK_LLM_API_KEY = "sk-test"
    settings.FACTCHECK_LLM_TIMEOUT = 2.0
    return settings


def test_the_llm_backend_runs_selection_disambiguation_and_decomposition(llm_settings, httpserver):
    seen: list = []
    claimify_server(httpserver, seen)
    result = extract_cleaned(ARTICLE)
    assert result.backend == "llm"
    assert len(seen) == 3
    assert all(body["response_format"] == {"type": "json_object"} and body["model"] == "test-model" for body in seen)
    assert [c.text for c in result.claims] == [  # the answer's "According to X," prefix goes: the speaker is a field
        "North Korea became the second state to recognise the Donetsk People's Republic on 13 July 2022."
    ]
    claim = result.claims[0]
    assert (claim.speaker, claim.cited_source, claim.date, claim.backend) == (
        "Denis Pushilin",
        "Tass",
        dt.date(2022, 7, 13),
        "llm",
    )
    # mapped back to the character span of the sentence it came from
    assert ARTICLE.text[claim.start : claim.end] == claim.sentence
    assert claim.sentence.startswith("North Korea on Wednesday")


def test_the_api_key_is_sent_as_a_bearer_token(llm_settings, httpserver):
    claimify_server(httpserver, [])
    extract_cleaned(ARTICLE)
    request, _ = httpserver.log[0]
    assert request.headers["Authorization"] == "Bearer sk-test"


def test_an_http_error_falls_back_to_the_embedded_pipeline(llm_settings, httpserver):
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_json(
        {"error": {"message": "overloaded"}}, status=503
    )
    result = extract_cleaned(ARTICLE)
    assert result.backend == "spacy"
    assert "503" in result.message
    assert result.claims and all(c.backend == "spacy" for c in result.claims)


def test_malformed_json_falls_back_to_the_embedded_pipeline(llm_settings, httpserver):
    bad = completion({})
    bad["choices"][0]["message"]["content"] = "Sure! Here are the claims: ..."
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_json(bad)
    result = extract_cleaned(ARTICLE)
    assert result.backend == "spacy"
    assert "JSON" in result.message


def test_a_timeout_falls_back_to_the_embedded_pipeline(llm_settings, httpserver):
    llm_settings.FACTCHECK_LLM_TIMEOUT = 1.0

    def slow(request):
        time.sleep(2.5)
        return Response(json.dumps(completion({"sentences": []})), content_type="application/json")

    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_handler(slow)
    started = time.monotonic()
    result = extract_cleaned(ARTICLE)
    assert time.monotonic() - started < 2.4
    assert result.backend == "spacy"
    assert "did not answer" in result.message


def test_without_a_base_url_the_embedded_pipeline_is_used(settings):
    settings.FACTCHECK_LLM_BASE_URL = None
    result = extract_cleaned(ARTICLE)
    assert result.backend == "spacy"
    assert result.claims[0].backend == "spacy"


@pytest.mark.django_db
def test_stored_mentions_record_which_backend_produced_them(
    llm_settings, httpserver, django_capture_on_commit_callbacks
):
    from claims.models import ClaimMention
    from claims.services import article_ingest

    llm_settings.FACTCHECK_FETCHERS = []
    claimify_server(httpserver, [])
    with django_capture_on_commit_callbacks(execute=True):
        article_ingest(text=ARTICLE.text, published_at=ARTICLE.published)
    assert list(ClaimMention.objects.values_list("extracted_by", flat=True)) == ["llm"]
