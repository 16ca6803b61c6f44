"""Sync of published verdicts to Google's Fact Check Tools (ClaimReview read/write "Pages") API.

A real HTTP server on 127.0.0.1 plays Google: an OAuth token endpoint that checks the service
account's signed assertion, and the v1alpha1 pages resource answering in the API's format (the page
with its `name` and `versionId`, an echo of the markup; `{}` for a delete; `{"error": {...}}` on errors).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import re
from urllib.parse import parse_qs

import pytest
from werkzeug import Response

from claims import services
from claims.claimreview import Appearance, VerdictData, claimreview
from claims.google_factcheck import SCOPE, forget_credentials, markup_page
from claims.models import GoogleFactCheckPage
from claims.tasks import GOOGLE_SYNC_MAX_RETRIES, google_factcheck_sync_task
from tests.factories import rating

TOKEN_PATH = "/oauth2/token"
GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token"  # what google-auth signs for, whatever token_uri says


class FakeGoogle:
    """Google's token endpoint and pages resource, in memory. `fail` queues statuses to answer next
    per method; `lose_answer_to` makes that method do its work and then answer 503 (a lost answer)."""

    def __init__(self, httpserver, public_key_pem: bytes):
        self.public_key_pem = public_key_pem
        self.token_uri = httpserver.url_for(TOKEN_PATH)
        self.pages: dict[str, dict] = {}
        self.requests: list[dict] = []
        self.token_requests: list[dict] = []
        self.fail: dict[str, list[int]] = {}
        self.lose_answer_to: set[str] = set()
        self._ids = itertools.count(1)
        self._tokens = itertools.count(1)
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self.handle)

    @staticmethod
    def _json(data, status=200):
        return Response(json.dumps(data), status=status, content_type="application/json; charset=UTF-8")

    def _error(self, status, message, code="INVALID_ARGUMENT"):
        return self._json({"error": {"code": status, "message": message, "status": code}}, status)

    def handle(self, request):
        if request.path == TOKEN_PATH:
            return self.token(request)
        body = json.loads(request.get_data() or b"null")
        self.requests.append({"method": request.method, "path": request.path, "args": dict(request.args),
                              "authorization": request.headers.get("Authorization"), "json": body})  # fmt: skip
        if not request.headers.get("Authorization", "").startswith("Bearer tok-"):
            return self._error(401, "Request is missing required authentication credential.", "UNAUTHENTICATED")
        queued = self.fail.get(request.method) or []
        if queued:
            return self._error(queued.pop(0), "The service is currently unavailable.", "UNAVAILABLE")
        answer = self.route(request, body)
        if request.method in self.lose_answer_to:
            self.lose_answer_to.discard(request.method)
            return self._error(503, "Backend timeout.", "UNAVAILABLE")
        return answer

    def token(self, request):
        from google.auth import jwt

        form = parse_qs(request.get_data(as_text=True))
        claims = jwt.decode(form["assertion"][0], certs=self.public_key_pem, audience=GOOGLE_TOKEN_AUDIENCE)
        self.token_requests.append({"grant_type": form["grant_type"][0], "claims": claims})
        return self._json({"access_token": f"tok-{next(self._tokens)}", "expires_in": 3600, "token_type": "Bearer"})

    def route(self, request, body):
        if request.method == "GET" and request.path == "/v1alpha1/pages":
            found = [p for p in self.pages.values() if p["pageUrl"] == request.args.get("url")]
            return self._json({"claimReviewMarkupPages": found[:1]} if found else {})
        if request.method == "POST" and request.path == "/v1alpha1/pages":
            if "name" in body or "versionId" in body:
                return self._error(400, "name and versionId are output only.")
            name = f"pages/{next(self._ids):06d}"
            self.pages[name] = {**body, "name": name, "versionId": "v1"}
            return self._json(self.pages[name])
        name = request.path.removeprefix("/v1alpha1/")
        if name not in self.pages:
            return self._error(404, "Requested entity was not found.", "NOT_FOUND")
        if request.method == "PUT":
            if body.get("versionId") != self.pages[name]["versionId"]:
                return self._error(409, "Version mismatch.", "ABORTED")
            version = f"v{int(self.pages[name]['versionId'][1:]) + 1}"
            self.pages[name] = {**body, "name": name, "versionId": version}
            return self._json(self.pages[name])
        if request.method == "DELETE":
            del self.pages[name]
            return self._json({})
        return self._error(405, "Method not allowed.")

    def calls(self, method=None):
        return [r for r in self.requests if method is None or r["method"] == method]


@pytest.fixture(autouse=True)
def eager_retries():
    """Eager tasks that propagate errors raise Retry instead of running the retry; let Celery run it."""
    from factcheck.celery import app

    saved = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    forget_credentials()
    yield
    app.conf.task_eager_propagates = saved
    forget_credentials()


@pytest.fixture
def google(httpserver, settings, tmp_path):
    """FakeGoogle, with the settings pointing at it and a real service-account key file."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    fake = FakeGoogle(
        httpserver,
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
    )
    credentials = tmp_path / "service-account.json"
    credentials.write_text(json.dumps({
        "type": "service_account",
        "project_id": "factcheck-test",
        "private_key_id": "key-1",
        "private_key": key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode(),
        "client_email": "sync@factcheck-test.iam.gserviceaccount.com",
        "client_id": "1234567890",
        "token_uri": fake.token_uri,
    }))  # fmt: skip
    settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE = str(credentials)
    settings.GOOGLE_FACTCHECK_API_URL = httpserver.url_for("/").rstrip("/")
    return fake


def correct(verdict, *, reviewer, editor, capture, new_rating="Misleading"):
    """Reopen for correction, change the rating, republish: each step's tasks run at its commit."""
    claim = verdict.claim
    with capture(execute=True):
        services.claim_reopen_for_correction(claim=claim, actor=editor, reason="The rating was too strong.")
    services.verdict_save(claim=claim, rating=rating(new_rating), explanation="Corrected.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    with capture(execute=True):
        services.verdict_publish(claim=claim, actor=editor)


# --- The body: pure ------------------------------------------------------------------------------


def _review(**overrides) -> dict:
    data = dict(
        claim_text="North Korea recognised the Donetsk People's Republic in July 2022.",
        rating_name="False", rating_value=1, best_rating=5, worst_rating=1,
        page_url="https://fc.example/claims/7/", organization_name="Example Checks",
        organization_url="https://fc.example/", first_published_at=dt.datetime(2022, 7, 20, 10, tzinfo=dt.UTC),
        speaker="Denis Pushilin",
        appearances=[
            Appearance("https://b.example/later", "Later", "B", dt.datetime(2022, 7, 14, tzinfo=dt.UTC)),
            Appearance("https://a.example/first", "First", "A", dt.datetime(2022, 7, 13, tzinfo=dt.UTC)),
        ],
    )  # fmt: skip
    return claimreview(VerdictData(**(data | overrides)))


def test_the_markup_page_carries_our_claimreview_in_googles_field_names():
    page = markup_page(_review(), author_image_url="https://fc.example/logo.png")

    assert page["pageUrl"] == "https://fc.example/claims/7/"
    assert page["publishDate"] == "2022-07-20"
    assert page["claimReviewAuthor"] == {"name": "Example Checks", "imageUrl": "https://fc.example/logo.png"}
    (markup,) = page["claimReviewMarkups"]
    assert markup["claimReviewed"] == "North Korea recognised the Donetsk People's Republic in July 2022."
    assert markup["claimDate"] == "2022-07-13"  # the earliest appearance, not the first listed
    assert markup["claimAppearances"] == ["https://b.example/later", "https://a.example/first"]
    assert markup["claimFirstAppearance"] == "https://a.example/first"
    assert markup["claimAuthor"] == {"name": "Denis Pushilin"}
    assert markup["rating"] == {"textualRating": "False", "ratingValue": 1, "bestRating": 5, "worstRating": 1}
    assert markup["url"] == page["pageUrl"]
    assert "name" not in page and "versionId" not in page


def test_a_rating_off_the_scale_and_a_claim_without_speaker_or_appearances_send_only_what_exists():
    page = markup_page(_review(rating_name="Unverifiable", rating_value=None, speaker="", appearances=[]))

    (markup,) = page["claimReviewMarkups"]
    assert markup["rating"] == {"textualRating": "Unverifiable"}
    assert not {"claimAuthor", "claimAppearances", "claimFirstAppearance", "claimDate"} & set(markup)
    assert page["claimReviewAuthor"] == {"name": "Example Checks"}


# --- The sync against a local Google ----------------------------------------------------------------


@pytest.mark.django_db
def test_publishing_creates_the_page_with_a_service_account_token(google, publish_now):
    verdict = publish_now()

    (call,) = google.calls("POST")
    assert call["path"] == "/v1alpha1/pages" and call["authorization"] == "Bearer tok-1"
    body = call["json"]
    assert body["pageUrl"].endswith(f"/claims/{verdict.claim_id}/")
    assert body["claimReviewMarkups"][0]["rating"]["textualRating"] == "False"
    assert body["claimReviewMarkups"][0]["claimAuthor"] == {"name": "Denis Pushilin"}
    (token,) = google.token_requests
    assert token["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
    assert token["claims"]["scope"] == SCOPE
    assert token["claims"]["iss"] == "sync@factcheck-test.iam.gserviceaccount.com"
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert (page.status, page.name, page.version_id, page.attempts) == ("synced", "pages/000001", "v1", 1)
    assert page.synced_at is not None and page.last_error == ""
    assert google.pages["pages/000001"]["pageUrl"] == body["pageUrl"]


@pytest.mark.django_db
def test_a_correction_keeps_the_page_up_while_reopened_and_updates_it_with_the_corrected_rating(
    google, publish_now, reviewer, editor, django_capture_on_commit_callbacks
):
    verdict = publish_now()

    correct(verdict, reviewer=reviewer, editor=editor, capture=django_capture_on_commit_callbacks)

    # a page with no name yet is first looked up by URL (an earlier attempt may have made it); the
    # correction never takes it down: republishing updates it in place, quoting its version
    assert [c["method"] for c in google.requests] == ["GET", "POST", "PUT"]
    assert google.calls("PUT")[0]["path"] == "/v1alpha1/pages/000001"
    assert list(google.pages) == ["pages/000001"]
    assert google.pages["pages/000001"]["claimReviewMarkups"][0]["rating"]["textualRating"] == "Misleading"
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert (page.status, page.name) == ("synced", "pages/000001")
    assert len(google.token_requests) == 1  # the token is kept until it expires


@pytest.mark.django_db
def test_a_changed_verdict_on_a_live_page_is_a_full_update_quoting_the_version(google, publish_now):
    verdict = publish_now()
    verdict.rating = rating("Misleading")  # e.g. an admin renamed the step: the body differs
    verdict.save()

    assert google_factcheck_sync_task.apply(args=[verdict.pk]).get() == "synced"  # a task run by the worker

    (put,) = google.calls("PUT")
    assert put["path"] == "/v1alpha1/pages/000001"
    assert put["json"]["name"] == "pages/000001" and put["json"]["versionId"] == "v1"
    assert put["json"]["claimReviewMarkups"][0]["rating"]["textualRating"] == "Misleading"
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert (page.status, page.version_id) == ("synced", "v2")
    assert len(google.pages) == 1


@pytest.mark.django_db
def test_unpublishing_deletes_the_page(google, publish_now, editor, django_capture_on_commit_callbacks):
    verdict = publish_now()

    with django_capture_on_commit_callbacks(execute=True):
        services.verdict_unpublish(claim=verdict.claim, actor=editor, reason="Published by mistake.")

    (delete,) = google.calls("DELETE")
    assert delete["path"] == "/v1alpha1/pages/000001" and delete["authorization"].startswith("Bearer ")
    assert google.pages == {}
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert (page.status, page.name, page.version_id) == ("deleted", "", "")


@pytest.mark.django_db
def test_5xx_and_429_answers_are_retried_until_google_accepts(google, publish_now):
    google.fail["POST"] = [503, 429]

    verdict = publish_now()

    assert len(google.calls("POST")) == 3
    assert len(google.pages) == 1
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert (page.status, page.attempts, page.last_error) == ("synced", 3, "")


@pytest.mark.django_db
def test_google_that_never_recovers_ends_failed_after_the_last_retry(google, publish_now):
    google.fail["POST"] = [500] * (GOOGLE_SYNC_MAX_RETRIES + 5)

    verdict = publish_now()

    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert page.status == "failed"
    assert page.attempts == GOOGLE_SYNC_MAX_RETRIES + 1 == len(google.calls("POST"))
    assert "HTTP 500" in page.last_error and "UNAVAILABLE" in page.last_error


@pytest.mark.django_db
def test_a_4xx_answer_is_not_retried_and_keeps_googles_message(google, publish_now, caplog):
    google.fail["POST"] = [400]

    with caplog.at_level(logging.ERROR, logger="claims.services"):
        verdict = publish_now()

    assert len(google.calls("POST")) == 1
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert page.status == "failed" and "HTTP 400" in page.last_error
    assert "The service is currently unavailable." in page.last_error
    assert f"verdict {verdict.pk} failed" in caplog.text


@pytest.mark.django_db
def test_without_credentials_nothing_is_queued_or_sent(google, settings, publish_now, editor,
                                                       django_capture_on_commit_callbacks):  # fmt: skip
    settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE = None

    verdict = publish_now()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.verdict_unpublish(claim=verdict.claim, actor=editor, reason="Checking.")

    assert not GoogleFactCheckPage.objects.exists()
    assert google.requests == [] and google.token_requests == []
    assert callbacks == []


@pytest.mark.django_db
def test_a_redelivered_task_creates_no_second_page(google, publish_now):
    verdict = publish_now()

    requests_before = len(google.requests)
    redelivered = [google_factcheck_sync_task.apply(args=[verdict.pk]).get() for _ in range(2)]

    assert redelivered == ["synced", "synced"]
    assert len(google.requests) == requests_before  # nothing changed: nothing sent
    assert len(google.calls("POST")) == 1 and len(google.pages) == 1
    assert GoogleFactCheckPage.objects.get(verdict=verdict).status == "synced"


@pytest.mark.django_db
def test_a_create_whose_answer_was_lost_is_found_by_url_and_updated_not_created_twice(google, publish_now):
    google.lose_answer_to = {"POST"}  # Google makes the page, then the answer is a 503

    verdict = publish_now()

    assert len(google.calls("POST")) == 1
    assert [c["method"] for c in google.requests] == ["GET", "POST", "GET", "PUT"]
    assert google.calls("GET")[0]["args"]["url"].endswith(f"/claims/{verdict.claim_id}/")
    assert google.calls("PUT")[0]["json"]["versionId"] == "v1"
    assert list(google.pages) == ["pages/000001"]
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert (page.status, page.name, page.version_id) == ("synced", "pages/000001", "v2")


@pytest.mark.django_db
@pytest.mark.parametrize("content", ["not json at all", '{"type": "service_account", "client_email": "x@y"}'])
def test_a_bad_credentials_file_fails_the_sync_with_a_clear_error_and_publishing_goes_on(
    google, settings, tmp_path, publish_now, caplog, anon_client, content
):
    bad = tmp_path / "broken.json"
    bad.write_text(content)
    settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE = str(bad)

    with caplog.at_level(logging.ERROR, logger="claims.services"):
        verdict = publish_now()

    verdict.refresh_from_db()
    assert verdict.is_published and verdict.claim.status == "published"
    assert anon_client.get(f"/api/v1/verdicts/{verdict.pk}/claimreview").status_code == 200
    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert page.status == "failed" and page.attempts == 1
    assert str(bad) in page.last_error and "not a usable service-account key" in page.last_error
    assert "failed for good" in caplog.text and str(bad) in caplog.text
    assert google.requests == [] and google.token_requests == []


@pytest.mark.django_db
def test_a_missing_credentials_file_is_reported_as_unreadable(google, settings, tmp_path, publish_now):
    settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE = str(tmp_path / "nowhere.json")

    verdict = publish_now()

    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert page.status == "failed" and "cannot be read" in page.last_error


@pytest.mark.django_db
def test_the_calls_go_through_the_safe_client_which_refuses_loopback_outside_tests(google, settings, publish_now):
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = False  # as in production: the local "Google" is a loopback address

    verdict = publish_now()

    page = GoogleFactCheckPage.objects.get(verdict=verdict)
    assert page.status == "failed" and page.attempts == 1  # a refused address is not retried
    assert "loopback" in page.last_error
    assert google.requests == [] and google.token_requests == []
