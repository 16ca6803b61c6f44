"""Anonymous 304s and cache hits of public pages are answered in front of Django's handler, exactly as Django answers
them; everything else reaches Django; and no answer outlives an unpublication."""

from __future__ import annotations

import io
import sys
import threading
from dataclasses import dataclass

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection

from claims import services
from claims.public_cache.fast_path import PublicReadsFastPath
from tests.api.conftest import PUBLIC_READS, make_claim, public_url, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_cache_on")]

STALE_READS = ["/api/v1/verdicts/", "/api/v1/verdicts/{verdict}/claimreview", "/claims/{claim}/"]
TEXT = "North Korea recognised"
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


@dataclass
class Answer:
    status: str
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


class CountedDjango:
    """Django's own WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def apps():
    """Django's handler and the fast path in front of it, built after the test's settings (middlewares read theirs
    when they are made)."""

    def build() -> tuple[CountedDjango, PublicReadsFastPath]:
        django = CountedDjango()
        return django, PublicReadsFastPath(django)

    return build


def call(app, path: str, *, method: str = "GET", secure: bool = False, **headers) -> Answer:
    """One request through a WSGI application, as gunicorn makes it. Like Django's test client, it keeps the
    request-boundary signals from closing the test's transaction."""
    path_info, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path_info, "QUERY_STRING": query, "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver", "SERVER_PORT": "443" if secure else "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver", "REMOTE_ADDR": "127.0.0.1", "CONTENT_LENGTH": "0",
        "wsgi.url_scheme": "https" if secure else "http", "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
        **headers,
    }  # fmt: skip
    started: dict = {}

    def start_response(status, response_headers, exc_info=None):
        started.update(status=status, headers=list(response_headers))

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = app(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return Answer(started["status"], started["headers"], body)


# --- Answered before Django ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("template", PUBLIC_READS)
def test_a_poll_with_the_etag_is_answered_304_without_reaching_django(apps, published_verdict, template):
    django, fast = apps()
    url = public_url(template, published_verdict)
    first = call(fast, url)
    assert first.status == "200 OK" and django.calls == 1

    poll = call(fast, url, HTTP_IF_NONE_MATCH=first.header("ETag"))

    assert poll.status == "304 Not Modified"
    assert poll.body == b""
    assert poll.header("ETag") == first.header("ETag")
    assert django.calls == 1


@pytest.mark.parametrize("template", PUBLIC_READS)
def test_a_repeated_read_is_served_from_the_cache_without_reaching_django(apps, published_verdict, template):
    django, fast = apps()
    url = public_url(template, published_verdict)
    first = call(fast, url)

    second = call(fast, url)
    third = call(fast, url)  # from this process's memory

    assert django.calls == 1
    assert second.status == third.status == "200 OK"
    assert second.body == third.body == first.body
    assert TEXT in second.body.decode()
    assert second.header("ETag") == first.header("ETag")
    assert second.header("Content-Length") == str(len(first.body))


def test_a_poll_with_last_modified_is_answered_304_without_reaching_django(apps, published_verdict):
    django, fast = apps()
    last_modified = call(fast, "/api/v1/verdicts/").header("Last-Modified")

    poll = call(fast, "/api/v1/verdicts/", HTTP_IF_MODIFIED_SINCE=last_modified)

    assert poll.status == "304 Not Modified"
    assert django.calls == 1


def test_a_head_request_gets_the_headers_of_the_stored_page_and_no_body(apps, published_verdict):
    django, fast = apps()
    call(fast, "/api/v1/verdicts/")
    page = call(fast, "/api/v1/verdicts/")

    head = call(fast, "/api/v1/verdicts/", method="HEAD")

    assert head.status == "200 OK"
    assert head.body == b""
    assert head.headers == page.headers
    assert django.calls == 1


# --- The same answer as Django's -----------------------------------------------------------------------------------


@pytest.fixture(params=["http", "https"])
def production_security(request, settings):
    """The security headers of factcheck.settings.production (HSTS only over https)."""
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SECURE_CONTENT_TYPE_NOSNIFF = True
    settings.SECURE_REFERRER_POLICY = "same-origin"
    settings.X_FRAME_OPTIONS = "DENY"
    return request.param == "https"


@pytest.mark.parametrize("template", PUBLIC_READS)
def test_a_stored_page_has_the_headers_and_body_django_gives_it(apps, published_verdict, production_security, template):
    secure = production_security
    django, fast = apps()
    url = public_url(template, published_verdict)
    rendered = call(fast, url, secure=secure)  # rendered and stored by Django

    from_django = call(django, url, secure=secure)
    from_fast_path = call(fast, url, secure=secure)

    assert django.calls == 2
    assert from_fast_path.status == from_django.status == "200 OK"
    assert from_fast_path.headers == from_django.headers
    assert from_fast_path.body == from_django.body == rendered.body
    assert dict(from_fast_path.headers) == dict(rendered.headers)  # the stored page lost no header of the rendered one
    names = {name for name, _ in from_fast_path.headers}
    assert set(SECURITY_HEADERS) <= names
    assert ("Strict-Transport-Security" in names) is secure


@pytest.mark.parametrize("template", PUBLIC_READS)
def test_a_304_has_the_headers_django_gives_it(apps, published_verdict, production_security, template):
    secure = production_security
    django, fast = apps()
    url = public_url(template, published_verdict)
    etag = call(fast, url, secure=secure).header("ETag")

    from_django = call(django, url, secure=secure, HTTP_IF_NONE_MATCH=etag)
    from_fast_path = call(fast, url, secure=secure, HTTP_IF_NONE_MATCH=etag)

    assert django.calls == 2
    assert from_fast_path.status == from_django.status == "304 Not Modified"
    assert from_fast_path.headers == from_django.headers
    assert from_fast_path.body == from_django.body == b""


def test_the_redirect_to_https_is_left_to_django(apps, published_verdict, settings):
    settings.SECURE_SSL_REDIRECT = True
    django, fast = apps()
    etag = call(fast, "/api/v1/verdicts/", secure=True).header("ETag")

    answer = call(fast, "/api/v1/verdicts/", HTTP_IF_NONE_MATCH=etag)

    assert answer.status == "301 Moved Permanently"
    assert answer.header("Location") == "https://testserver/api/v1/verdicts/"
    assert django.calls == 2


def test_the_redirect_to_https_of_an_unknown_host_is_left_to_django(apps, published_verdict, settings):
    settings.SECURE_SSL_REDIRECT = True
    django, fast = apps()

    answer = call(fast, "/api/v1/verdicts/", HTTP_HOST="evil.example")

    assert answer.status == "400 Bad Request"  # DisallowedHost, as Django answers it
    assert django.calls == 1


# --- Left to Django ----------------------------------------------------------------------------------------------


def test_a_read_with_a_token_reaches_django_and_sees_drafts(apps, published_verdict, draft_verdict, reviewer):
    from rest_framework.authtoken.models import Token

    django, fast = apps()
    call(fast, "/api/v1/claims/")  # the public page is stored
    token = Token.objects.get_or_create(user=reviewer)[0].key

    staff = call(fast, "/api/v1/claims/", HTTP_AUTHORIZATION=f"Token {token}")

    assert django.calls == 2
    assert "SECRET-DRAFT" in staff.body.decode()
    assert staff.header("ETag") is None


def test_a_read_with_a_session_cookie_reaches_django_and_one_with_only_a_csrf_cookie_does_not(apps, published_verdict):
    django, fast = apps()
    call(fast, "/api/v1/verdicts/")

    call(fast, "/api/v1/verdicts/", HTTP_COOKIE="sessionid=abc; csrftoken=x")
    assert django.calls == 2
    answer = call(fast, "/api/v1/verdicts/", HTTP_COOKIE="csrftoken=x")
    assert answer.status == "200 OK" and django.calls == 2


def test_a_post_reaches_django(apps, published_verdict):
    django, fast = apps()
    call(fast, "/api/v1/verdicts/")

    answer = call(fast, "/api/v1/verdicts/", method="POST", CONTENT_TYPE="application/json")

    assert django.calls == 2
    assert answer.status.startswith(("401", "403", "405"))


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing/", "/admin/", "/api/v1/articles/", "/healthz"])
def test_a_path_that_is_not_a_public_page_reaches_django(apps, published_verdict, path):
    django, fast = apps()
    call(fast, path)
    answer = call(fast, path)

    assert django.calls == 2
    assert answer.header("ETag") is None


def test_a_query_string_and_an_accept_header_are_pages_of_their_own(apps, published_verdict, reviewer, editor):
    publish(make_claim("A second claim about a bridge opened in 2019."), reviewer=reviewer, editor=editor)
    django, fast = apps()
    pages = {
        "one": ("/api/v1/verdicts/?page_size=1", {}),
        "two": ("/api/v1/verdicts/", {}),
        "json": ("/api/v1/verdicts/", {"HTTP_ACCEPT": "application/json"}),
    }
    first = {name: call(fast, path, **headers) for name, (path, headers) in pages.items()}
    again = {name: call(fast, path, **headers) for name, (path, headers) in pages.items()}

    assert django.calls == 3
    assert {name: (a.body, dict(a.headers)) for name, a in again.items()} == {
        name: (a.body, dict(a.headers)) for name, a in first.items()
    }
    assert first["one"].body.count(b'"id"') < first["two"].body.count(b'"id"')
    assert len({answer.header("ETag") for answer in first.values()}) == 3


def test_the_browsable_api_sets_a_cookie_so_it_is_never_stored_and_always_reaches_django(apps, published_verdict):
    django, fast = apps()
    json_page = call(fast, "/api/v1/verdicts/")
    html = [call(fast, "/api/v1/verdicts/", HTTP_ACCEPT="text/html") for _ in range(2)]

    assert django.calls == 3
    assert all(page.header("Content-Type").startswith("text/html") for page in html)
    assert json_page.header("Content-Type") == "application/json"


def test_with_the_cache_off_every_read_reaches_django(apps, published_verdict, settings):
    settings.FACTCHECK_PUBLIC_CACHE = False
    django, fast = apps()
    call(fast, "/api/v1/verdicts/")
    call(fast, "/api/v1/verdicts/")

    assert django.calls == 2


def test_without_the_public_cache_middleware_the_fast_path_is_off(apps, published_verdict, settings):
    settings.MIDDLEWARE = [path for path in settings.MIDDLEWARE if not path.endswith("PublicCacheMiddleware")]
    django, fast = apps()
    call(fast, "/api/v1/verdicts/")
    second = call(fast, "/api/v1/verdicts/")

    assert django.calls == 2
    assert second.header("ETag") is None


def test_a_middleware_before_the_cache_that_the_fast_path_does_not_know_turns_it_off(apps, published_verdict, settings):
    settings.MIDDLEWARE = ["factcheck.middleware.LoopbackOnlyMiddleware", *settings.MIDDLEWARE]
    django, fast = apps()
    etag = call(fast, "/api/v1/verdicts/").header("ETag")

    poll = call(fast, "/api/v1/verdicts/", HTTP_IF_NONE_MATCH=etag)

    assert poll.status == "304 Not Modified"  # answered by the middleware, inside Django
    assert django.calls == 2


# --- Never stale --------------------------------------------------------------------------------------------------


def _in_another_connection(work) -> None:
    """Run `work` in a thread of its own: Django gives it its own database connection, which commits."""
    errors: list[BaseException] = []

    def run():
        try:
            work()
        except BaseException as error:  # reported in the test's thread
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("template", STALE_READS)
def test_after_an_unpublication_commits_in_another_connection_no_read_gets_it(apps, reviewer, editor, template):
    django, fast = apps()
    claim = make_claim("A made-up ministry said the new bridge opened in March 2019.")
    _in_another_connection(lambda: publish(claim, reviewer=reviewer, editor=editor))
    url = public_url(template, claim.verdict)
    page = call(fast, url)
    assert "new bridge opened" in page.body.decode()
    assert call(fast, url).body == page.body and call(fast, url, HTTP_IF_NONE_MATCH=page.header("ETag")).body == b""
    assert django.calls == 1  # the page is stored, in this process's memory too, and polls are answered 304

    _in_another_connection(lambda: services.verdict_unpublish(claim=claim, actor=editor, reason="Source withdrawn."))

    again = call(fast, url)
    poll = call(fast, url, HTTP_IF_NONE_MATCH=page.header("ETag"))
    for answer in (again, poll):
        assert answer.status in ("200 OK", "404 Not Found")
        assert "new bridge opened" not in answer.body.decode()
    assert poll.status != "304 Not Modified"
    assert poll.header("ETag") != page.header("ETag") or poll.status == "404 Not Found"
