"""The safe client's one-shot POST (used by webhooks): vetted like every fetch, no redirects followed."""

import pytest
from werkzeug import Response

from sources import http


def test_a_post_reaches_the_server_with_its_body_and_returns_the_status(httpserver):
    httpserver.expect_request("/hook", method="POST", data=b'{"ok": true}').respond_with_data("", status=204)
    status = http.post(httpserver.url_for("/hook"), body=b'{"ok": true}', headers={"Content-Type": "application/json"})
    assert status == 204
    ((request, _response),) = httpserver.log
    assert request.headers["User-Agent"].startswith("factcheck/")


def test_a_redirect_is_not_followed(httpserver):
    httpserver.expect_request("/hook", method="POST").respond_with_response(
        Response(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    )
    with pytest.raises(http.HTTPStatusError, match="redirects are not followed") as caught:
        http.post(httpserver.url_for("/hook"), body=b"{}")
    assert caught.value.status == 302 and not caught.value.retryable
    assert len(httpserver.log) == 1


def test_a_server_error_is_retryable_and_a_client_error_is_not(httpserver):
    httpserver.expect_request("/busy", method="POST").respond_with_data("", status=503)
    httpserver.expect_request("/gone", method="POST").respond_with_data("", status=410)
    with pytest.raises(http.HTTPStatusError) as busy:
        http.post(httpserver.url_for("/busy"), body=b"{}")
    with pytest.raises(http.HTTPStatusError) as gone:
        http.post(httpserver.url_for("/gone"), body=b"{}")
    assert busy.value.retryable and not gone.value.retryable


def test_a_post_to_the_metadata_address_is_refused_even_when_tests_allow_loopback():
    with pytest.raises(http.BlockedAddress):
        http.post("http://169.254.169.254/latest/meta-data/", body=b"{}")


def test_a_post_to_loopback_is_refused_in_production(settings, httpserver):
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = False
    with pytest.raises(http.BlockedAddress):
        http.post(httpserver.url_for("/hook"), body=b"{}")
    assert httpserver.log == []
