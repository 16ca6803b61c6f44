"""Fetch failures read as sentences ("Could not look up www.example.com: no network"), never as raw socket
errors, and an offline machine is said once in a fetcher's status."""

from __future__ import annotations

import socket

import pytest

from sources import http
from sources.models import ClaimFetch, Source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_network_check():
    http._network_checked.clear()
    yield
    http._network_checked.clear()


@pytest.fixture
def resolver(monkeypatch):
    """Name resolution as on a machine with the given failure: `fail(code, hosts)`; other hosts resolve."""
    real = socket.getaddrinfo

    def install(code: int, hosts: set[str] | None = None):
        def getaddrinfo(host, *args, **kwargs):
            if hosts is None and host not in ("127.0.0.1",) or hosts is not None and host in hosts:
                raise socket.gaierror(code, "Name or service not known")
            return real(host, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    return install


def test_offline_a_lookup_failure_says_no_network(resolver):
    resolver(socket.EAI_NONAME)  # nothing resolves, not even the probe name

    with pytest.raises(http.NoNetwork) as failure:
        http.fetch("https://www.example.com/page", accept=http.HTML)
    assert failure.value.message == "Could not look up www.example.com: no network."
    assert failure.value.retryable


def test_a_name_server_that_does_not_answer_is_no_network(resolver):
    resolver(socket.EAI_AGAIN, {"www.example.com"})

    with pytest.raises(http.NoNetwork, match=r"^Could not look up www.example.com: no network.$"):
        http.fetch("https://www.example.com/page", accept=http.HTML)


def test_online_a_name_that_does_not_exist_says_so_and_is_not_retried(resolver):
    resolver(socket.EAI_NONAME, {"no-such-site.example"})  # the probe name (localhost in tests) resolves

    with pytest.raises(http.HostNotFound) as failure:
        http.fetch("https://no-such-site.example/", accept=http.HTML)
    assert failure.value.message == "Could not look up no-such-site.example: there is no such host."
    assert not failure.value.retryable


def test_a_refused_connection_is_a_sentence_without_an_errno():
    with pytest.raises(http.ConnectionFailed) as failure:
        http.fetch("http://127.0.0.1:9/page", accept=http.HTML)  # the discard port: nothing listens
    assert failure.value.message == "Could not connect to 127.0.0.1: the connection was refused."
    assert "Errno" not in failure.value.message


def test_offline_a_fetcher_says_so_once_in_its_status(claim, resolver, settings, quick_retries, fetch_now):
    settings.FACTCHECK_WIKIPEDIA_URL = "https://en.wikipedia.org/w/api.php"
    resolver(socket.EAI_NONAME)

    fetch_now(claim, "wikipedia")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="wikipedia")
    assert fetch.status == "failed"
    assert fetch.error.count("no network") == 1
    assert fetch.error.startswith("Could not look up en.wikipedia.org: no network.")
    assert "Errno" not in fetch.error


def test_offline_pages_listed_by_a_provider_are_not_stored_one_error_each(
    claim, httpserver, resolver, settings, quick_retries, fetch_now
):
    listing = {"articles": [{"url": f"https://news{n}.example/story", "title": f"Story {n}", "domain": f"news{n}.example"}
                            for n in range(3)]}  # fmt: skip
    httpserver.expect_request("/api/v2/doc/doc").respond_with_json(listing)
    settings.FACTCHECK_GDELT_URL = httpserver.url_for("/api/v2/doc/doc").replace("localhost", "127.0.0.1")
    resolver(socket.EAI_NONAME)  # only 127.0.0.1 (the provider) is reachable

    fetch_now(claim, "gdelt")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="gdelt")
    assert fetch.status == "failed" and fetch.error.count("no network") == 1
    assert "Could not look up news0.example: no network." in fetch.error
    assert not Source.objects.filter(url__contains="news").exists()
