"""sources.http against a real HTTP server on 127.0.0.1: limits, errors, redirects, robots, rate limit."""

from __future__ import annotations

import gzip
import time

import pytest
from werkzeug import Response

from sources import http

HTML_PAGE = (
    "<html><head><title>T</title></head><body><article><p>North Korea recognised the DPR.</p></article></body></html>"
)


def test_it_returns_the_body_status_type_and_final_url(httpserver):
    httpserver.expect_request("/page").respond_with_data(HTML_PAGE, content_type="text/html; charset=utf-8")

    result = http.fetch(httpserver.url_for("/page"))

    assert result.status == 200
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert result.final_url == httpserver.url_for("/page")
    assert "North Korea recognised the DPR." in result.text
    assert len(result.sha256) == 64 and result.fetched_at is not None


def test_it_sends_its_user_agent_and_the_original_host_header(httpserver, settings):
    settings.FACTCHECK_HTTP_USER_AGENT = "factcheck-test/1.0 (+https://factcheck.example/bot)"
    seen = {}

    def handler(request):
        seen.update(ua=request.headers.get("User-Agent"), host=request.headers.get("Host"))
        return Response("ok", content_type="text/plain")

    httpserver.expect_request("/ua").respond_with_handler(handler)
    # "localhost" is resolved by the client and the connection made to the vetted IP; the server must
    # still see the name it was asked for.
    http.fetch(f"http://localhost:{httpserver.port}/ua", accept=http.TEXT)

    assert seen == {"ua": "factcheck-test/1.0 (+https://factcheck.example/bot)", "host": f"localhost:{httpserver.port}"}


def test_it_follows_redirects_and_reports_the_final_url(httpserver):
    httpserver.expect_request("/old").respond_with_response(Response(status=301, headers={"Location": "/new"}))
    httpserver.expect_request("/new").respond_with_data(HTML_PAGE, content_type="text/html")

    result = http.fetch(httpserver.url_for("/old"))

    assert result.final_url == httpserver.url_for("/new")
    assert result.redirects == [httpserver.url_for("/new")]


def test_it_refuses_a_redirect_to_the_cloud_metadata_address_even_with_loopback_allowed(httpserver, settings):
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = True
    httpserver.expect_request("/hop").respond_with_response(
        Response(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    )

    with pytest.raises(http.BlockedAddress, match="169.254.169.254.*link-local"):
        http.fetch(httpserver.url_for("/hop"))


def test_it_stops_after_the_redirect_limit(httpserver, settings):
    settings.FACTCHECK_HTTP_MAX_REDIRECTS = 2
    httpserver.expect_request("/loop").respond_with_response(Response(status=302, headers={"Location": "/loop"}))

    with pytest.raises(http.TooManyRedirects, match="more than 2 times"):
        http.fetch(httpserver.url_for("/loop"))


def test_it_times_out_on_a_server_that_does_not_answer(httpserver, settings):
    settings.FACTCHECK_HTTP_READ_TIMEOUT = 0.3

    def slow(request):
        time.sleep(1.0)
        return Response(HTML_PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()

    with pytest.raises(http.FetchTimeout) as caught:
        http.fetch(httpserver.url_for("/slow"))

    assert caught.value.retryable
    assert time.monotonic() - started < 0.9


def test_a_time_budget_cuts_requests_short(httpserver, settings):
    settings.FACTCHECK_HTTP_READ_TIMEOUT = 10

    def slow(request):
        time.sleep(1.0)
        return Response(HTML_PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with http.time_budget(0.3), pytest.raises(http.FetchTimeout):
        http.fetch(httpserver.url_for("/slow"))
    assert time.monotonic() - started < 0.9


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retryable(httpserver, status):
    httpserver.expect_request("/err").respond_with_data("oops", status=status)

    with pytest.raises(http.HTTPStatusError) as caught:
        http.fetch(httpserver.url_for("/err"))

    assert caught.value.status == status and caught.value.retryable


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_other_client_errors_are_not_retryable(httpserver, status):
    httpserver.expect_request("/gone").respond_with_data("no", status=status)

    with pytest.raises(http.HTTPStatusError) as caught:
        http.fetch(httpserver.url_for("/gone"))

    assert caught.value.status == status and not caught.value.retryable


def test_429_carries_retry_after_in_seconds(httpserver):
    httpserver.expect_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})

    with pytest.raises(http.HTTPStatusError) as caught:
        http.fetch(httpserver.url_for("/busy"))

    assert caught.value.retryable and caught.value.retry_after == 120.0


def test_429_carries_retry_after_given_as_a_date(httpserver):
    from email.utils import format_datetime

    from django.utils import timezone

    when = format_datetime(timezone.now() + timezone.timedelta(seconds=90), usegmt=True)
    httpserver.expect_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": when})

    with pytest.raises(http.HTTPStatusError) as caught:
        http.fetch(httpserver.url_for("/busy"))

    assert 80 <= caught.value.retry_after <= 91


def test_it_refuses_a_pdf_where_html_was_expected(httpserver):
    httpserver.expect_request("/doc").respond_with_data(b"%PDF-1.7\n...", content_type="application/pdf")

    with pytest.raises(http.BadContentType, match="application/pdf") as caught:
        http.fetch(httpserver.url_for("/doc"), accept=http.HTML)

    assert caught.value.content_type == "application/pdf" and not caught.value.retryable


def test_it_refuses_a_body_declared_larger_than_the_limit(httpserver, settings):
    settings.FACTCHECK_HTTP_MAX_BYTES = 2048
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")

    with pytest.raises(http.TooLarge, match="5000 bytes"):
        http.fetch(httpserver.url_for("/big"))


def test_it_stops_reading_an_undeclared_body_at_the_limit(httpserver, settings):
    settings.FACTCHECK_HTTP_MAX_BYTES = 4096
    sent = []

    def endless(request):
        def chunks():
            for _ in range(10_000):  # 10 MB if nobody stops reading
                sent.append(1)
                yield b"x" * 1024

        return Response(chunks(), content_type="text/html")  # chunked: no Content-Length

    httpserver.expect_request("/stream").respond_with_handler(endless)

    with pytest.raises(http.TooLarge, match="larger than the limit of 4096"):
        http.fetch(httpserver.url_for("/stream"))
    assert len(sent) < 10_000


def test_the_size_limit_applies_to_the_decompressed_body(httpserver, settings):
    settings.FACTCHECK_HTTP_MAX_BYTES = 64 * 1024
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")  # ~5 KB on the wire, 5 MB inflated
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )

    with pytest.raises(http.TooLarge):
        http.fetch(httpserver.url_for("/bomb"))


def test_robots_txt_is_honoured_when_asked(httpserver, settings):
    settings.FACTCHECK_HTTP_RESPECT_ROBOTS = True
    settings.FACTCHECK_HTTP_USER_AGENT = "factcheck/1.0"
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: factcheck\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n", content_type="text/plain"
    )
    httpserver.expect_request("/public/page").respond_with_data(HTML_PAGE, content_type="text/html")

    assert http.fetch(httpserver.url_for("/public/page")).status == 200
    with pytest.raises(http.RobotsDisallowed, match="robots.txt"):
        http.fetch(httpserver.url_for("/private/page"))


def test_a_missing_robots_txt_allows_everything(httpserver, settings):
    settings.FACTCHECK_HTTP_RESPECT_ROBOTS = True
    httpserver.expect_request("/robots.txt").respond_with_data("not here", status=404)
    httpserver.expect_request("/page").respond_with_data(HTML_PAGE, content_type="text/html")

    assert http.fetch(httpserver.url_for("/page")).status == 200


def test_requests_to_one_domain_keep_the_configured_interval(httpserver, settings):
    settings.FACTCHECK_HTTP_DOMAIN_INTERVAL = 0.4
    httpserver.expect_request("/a").respond_with_data(HTML_PAGE, content_type="text/html")
    started = time.monotonic()

    for _ in range(3):
        http.fetch(httpserver.url_for("/a"))

    assert time.monotonic() - started >= 0.8  # three requests: two waits of 0.4 s


def test_malformed_json_is_a_clear_error(httpserver):
    httpserver.expect_request("/api").respond_with_data('{"query": [', content_type="application/json")

    result = http.fetch(httpserver.url_for("/api"), accept=http.JSON)
    with pytest.raises(http.MalformedResponse, match="did not return valid JSON"):
        result.json()


def test_canonical_urls_store_a_page_once():
    assert http.canonical_url("HTTPS://Example.COM/a?b=2&a=1&utm_source=x#top") == "https://example.com/a?a=1&b=2"
    assert http.canonical_url("https://example.com/a?a=1&b=2") == "https://example.com/a?a=1&b=2"


def test_html_to_text_keeps_the_article_and_drops_the_navigation():
    html = (
        "<html><body><nav>Home | World | Sport</nav><article><h1>Title</h1>"
        "<p>North Korea recognised the Donetsk People's Republic on 13 July 2022, its foreign ministry said.</p>"
        "<p>Ukraine cut diplomatic ties with Pyongyang the same day in response.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    text = http.html_to_text(html)
    assert "recognised the Donetsk People's Republic" in text
    assert "Home | World" not in text


def test_query_parameters_are_added_to_those_already_in_the_url(httpserver):
    httpserver.expect_request("/api", query_string="lang=en&q=north+korea").respond_with_json({"ok": True})

    result = http.fetch(httpserver.url_for("/api") + "?lang=en", accept=http.JSON, params={"q": "north korea"})

    assert result.json() == {"ok": True}


def test_a_time_budget_also_bounds_the_wait_for_a_busy_domain(httpserver, settings):
    settings.FACTCHECK_HTTP_DOMAIN_INTERVAL = 5.0
    httpserver.expect_request("/a").respond_with_data(HTML_PAGE, content_type="text/html")
    http.fetch(httpserver.url_for("/a"))  # takes the domain's slot for 5 s
    started = time.monotonic()

    with http.time_budget(0.3), pytest.raises(http.FetchTimeout, match="waiting for a turn"):
        http.fetch(httpserver.url_for("/a"))
    assert time.monotonic() - started < 1.0


def test_an_internationalised_host_name_is_sent_idna_encoded(httpserver, monkeypatch):
    import socket

    httpserver.expect_request("/idn").respond_with_data("<p>ok</p>", content_type="text/html")
    real_getaddrinfo = socket.getaddrinfo
    asked = []

    def resolver(host, port, *args, **kwargs):
        asked.append(host)
        return real_getaddrinfo("127.0.0.1", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)

    http.fetch(f"http://münchen.example:{httpserver.port}/idn")

    ((request, _),) = httpserver.log
    assert asked[0] == "xn--mnchen-3ya.example"
    assert request.headers["Host"] == f"xn--mnchen-3ya.example:{httpserver.port}"


def test_an_ipv6_literal_is_connected_to_when_loopback_is_allowed():
    import socket

    from pytest_httpserver import HTTPServer

    try:
        server = HTTPServer(host="::1", port=0)
        server.start()
    except (OSError, socket.error):
        pytest.skip("no IPv6 loopback here")
    try:
        server.expect_request("/v6").respond_with_data("<p>six</p>", content_type="text/html")
        result = http.fetch(f"http://[::1]:{server.port}/v6")
        assert "six" in result.text
        ((request, _),) = server.log
        assert request.headers["Host"] == f"[::1]:{server.port}"
    finally:
        server.stop()
