"""Signed-in clients ingest articles and ask for sources; both answer 202 with a URL to follow."""

import pytest

from claims.models import Article
from sources.models import ClaimFetch

from .conftest import make_claim

pytestmark = pytest.mark.django_db

TEXT = "Denis Pushilin said on Wednesday that North Korea had recognised the Donetsk People's Republic."


def test_posting_text_answers_202_with_the_article_and_a_status_url(reviewer_client):
    response = reviewer_client.post(
        "/api/v1/articles/",
        {"text": TEXT, "title": "DPR recognised", "outlet_name": "Tass", "language": "en"},
        format="json",
    )

    assert response.status_code == 202, response.content
    body = response.json()
    article = Article.objects.get()
    assert body["article"]["id"] == article.pk
    assert body["article"]["title"] == "DPR recognised"
    assert body["article"]["outlet"]["name"] == "Tass"
    assert body["created"] is True
    assert body["status_url"].endswith(f"/api/v1/articles/{article.pk}")
    assert response["Location"] == body["status_url"]
    status = reviewer_client.get(body["status_url"])
    assert status.status_code == 200
    assert "extraction_status" in status.json()


def test_posting_the_same_text_twice_stores_one_article(reviewer_client):
    first = reviewer_client.post("/api/v1/articles/", {"text": TEXT}, format="json").json()
    second = reviewer_client.post("/api/v1/articles/", {"text": TEXT}, format="json").json()

    assert second["article"]["id"] == first["article"]["id"]
    assert second["created"] is False
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"title": "No content"},
        {"text": TEXT, "html": "<p>x</p>"},
        {"text": ""},
        {"url": "not a url"},
        {"text": TEXT, "published_at": "yesterday-ish"},
    ],
)
def test_ingesting_needs_exactly_one_valid_source_of_text(reviewer_client, body):
    response = reviewer_client.post("/api/v1/articles/", body, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_input"
    assert not Article.objects.exists()


def test_text_with_its_url_is_stored_under_that_url_without_fetching_it(reviewer_client):
    response = reviewer_client.post(
        "/api/v1/articles/", {"text": TEXT, "url": "https://news.example/dpr-recognised"}, format="json"
    )

    assert response.status_code == 202
    assert response.json()["article"]["url"] == "https://news.example/dpr-recognised"


def test_posting_html_stores_its_text(reviewer_client):
    html = f"<html><head><title>DPR recognised</title></head><body><nav>Menu</nav><article><p>{TEXT}</p></article></body></html>"

    response = reviewer_client.post("/api/v1/articles/", {"html": html}, format="json")

    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["article"]["id"])
    assert "North Korea had recognised" in article.cleaned_text
    assert "<p>" not in article.cleaned_text


def test_posting_a_url_fetches_the_page_from_a_real_server(
    reviewer_client, httpserver, django_capture_on_commit_callbacks
):
    html = (
        f"<html><head><title>Pushilin on recognition</title></head><body><article><p>{TEXT}</p></article></body></html>"
    )
    httpserver.expect_request("/news/1").respond_with_data(html, content_type="text/html; charset=utf-8")

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post("/api/v1/articles/", {"url": httpserver.url_for("/news/1")}, format="json")

    assert response.status_code == 202, response.content
    fetched = reviewer_client.get(response.json()["status_url"]).json()
    article = Article.objects.get(pk=fetched["article"])
    assert "North Korea had recognised" in article.cleaned_text


def test_a_url_that_cannot_be_fetched_is_a_clear_error_not_a_500(reviewer_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post("/api/v1/articles/", {"url": "http://169.254.169.254/latest/"}, format="json")

    assert response.status_code == 202
    assert reviewer_client.get(response.json()["status_url"]).json()["status"] == "failed"
    assert not Article.objects.exists()


def test_asking_for_sources_answers_202_and_queues_every_enabled_fetcher(reviewer_client, settings):
    claim = make_claim("North Korea recognised the DPR.")

    response = reviewer_client.post(f"/api/v1/claims/{claim.pk}/fetch-sources", {}, format="json")

    assert response.status_code == 202, response.content
    body = response.json()
    queued = set(ClaimFetch.objects.filter(claim=claim).values_list("fetcher", flat=True))
    assert queued and queued == {f["fetcher"] for f in body["fetches"]}
    assert body["status_url"].endswith(f"/api/v1/claims/{claim.pk}/fetches")
    assert reviewer_client.get(body["status_url"]).json() == body["fetches"]


def test_asking_for_an_unknown_fetcher_is_a_400(reviewer_client):
    claim = make_claim("North Korea recognised the DPR.")

    response = reviewer_client.post(
        f"/api/v1/claims/{claim.pk}/fetch-sources", {"fetchers": ["crystal-ball"]}, format="json"
    )

    assert response.status_code == 400
    assert "Unknown fetcher: crystal-ball" in response.json()["error"]["message"]
    assert not ClaimFetch.objects.exists()
