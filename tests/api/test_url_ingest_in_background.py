"""Posting only a URL answers 202 at once with a status URL; the page is fetched by a worker, never inside the web
request. What the status says of a failure is generic: it never repeats what our DNS answered."""

import pytest

from claims.models import Article, ArticleFetch

pytestmark = pytest.mark.django_db
TEXT = "The harbour authority said the port of Varna reopened on 4 April 2023 after three months of repairs."


def _page(title="Varna port"):
    return f"<html><head><title>{title}</title></head><body><article><p>{TEXT}</p></article></body></html>"


def test_a_url_answers_202_with_a_status_url_that_reaches_the_article(
    reviewer_client, httpserver, django_capture_on_commit_callbacks
):
    httpserver.expect_request("/news/varna").respond_with_data(_page(), content_type="text/html; charset=utf-8")

    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = reviewer_client.post("/api/v1/articles/", {"url": httpserver.url_for("/news/varna")}, format="json")

    assert response.status_code == 202, response.content
    body = response.json()
    assert body["fetch"]["status"] == "pending" and body["fetch"]["article"] is None
    assert response["Location"] == body["status_url"] and "/api/v1/article-fetches/" in body["status_url"]
    assert len(httpserver.log) == 0  # nothing fetched inside the request
    assert len(queued) == 1

    with django_capture_on_commit_callbacks(execute=True):
        queued[0]()  # the worker's turn (eager)

    status = reviewer_client.get(body["status_url"]).json()
    assert status["status"] == "done"
    article = Article.objects.get(pk=status["article"])
    assert "port of Varna reopened" in article.cleaned_text


def test_a_url_pointing_inside_our_network_fails_with_a_generic_message(
    reviewer_client, settings, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = False

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post("/api/v1/articles/", {"url": "http://localhost:9/admin"}, format="json")

    assert response.status_code == 202
    status = reviewer_client.get(response.json()["status_url"]).json()
    assert status["status"] == "failed"
    assert status["error"] == "The URL is not a public web address we may fetch."
    assert "127.0.0.1" not in status["error"] and "::1" not in status["error"] and "resolves" not in status["error"]
    assert not Article.objects.exists()


def test_an_unreachable_site_is_reported_without_detail(
    reviewer_client, httpserver, django_capture_on_commit_callbacks
):
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post("/api/v1/articles/", {"url": httpserver.url_for("/gone")}, format="json")

    fetch = ArticleFetch.objects.get(pk=response.json()["fetch"]["id"])
    assert (fetch.status, fetch.error) == ("failed", "The site answered HTTP 404.")


def test_a_url_already_stored_answers_with_its_article_at_once(reviewer_client):
    article = Article.objects.create(
        url="https://news.example/varna", raw_text=TEXT, cleaned_text=TEXT, text_sha256="f" * 64
    )

    response = reviewer_client.post("/api/v1/articles/", {"url": "https://news.example/varna"}, format="json")

    assert response.status_code == 202
    body = response.json()
    assert body["fetch"]["status"] == "done" and body["fetch"]["article"] == article.pk


def test_fetch_statuses_are_for_staff_only(reviewer_client, anon_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        status_url = reviewer_client.post("/api/v1/articles/", {"url": "https://news.example/a"}, format="json").json()[
            "status_url"
        ]

    assert anon_client.get(status_url).status_code == 404
    assert reviewer_client.get(status_url).status_code == 200
