"""The SSRF guard with loopback NOT allowed (production behaviour): every spelling of a forbidden address."""

from __future__ import annotations

import socket

import pytest

from sources import http

FORBIDDEN = [
    "http://127.0.0.1/",
    "http://127.0.0.1:8000/admin/",
    "http://localhost/",
    "http://2130706433/",  # decimal 127.0.0.1
    "http://0x7f000001/",  # hex
    "http://0x7f.1/",  # mixed hex, short form
    "http://017700000001/",  # octal
    "http://0177.0.0.1/",  # octal first octet
    "http://127.1/",  # short form
    "http://[::1]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[::ffff:7f00:1]/",
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://[::ffff:169.254.169.254]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",  # unique local
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://224.0.0.1/",  # multicast
    "http://240.0.0.1/",  # reserved
    "http://[2002:7f00:1::]/",  # 6to4 wrapping 127.0.0.1
]


@pytest.fixture(autouse=True)
def production_guard(settings):
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = False


@pytest.mark.parametrize("url", FORBIDDEN)
def test_it_refuses_a_forbidden_address_in_any_spelling(url):
    # BlockedAddress is an InvalidURL; a few spellings (octal dotted quads) are already invalid to the URL parser.
    with pytest.raises(http.InvalidURL, match="Refused to fetch|Not a valid URL"):
        http.fetch(url)


def test_it_refuses_the_test_server_itself_when_loopback_is_not_allowed(httpserver):
    httpserver.expect_request("/").respond_with_data("secret", content_type="text/html")

    with pytest.raises(http.BlockedAddress, match="loopback"):
        http.fetch(httpserver.url_for("/"))
    assert httpserver.log == []  # not even connected


@pytest.mark.parametrize(
    "url", ["ftp://example.org/file", "file:///etc/passwd", "gopher://example.org/", "javascript:alert(1)"]
)
def test_it_refuses_other_schemes(url):
    with pytest.raises(http.InvalidURL, match="Only http and https"):
        http.fetch(url)


def test_it_refuses_credentials_in_the_url():
    with pytest.raises(http.InvalidURL, match="user name or password"):
        http.fetch("http://admin:secret@example.org/")


def test_a_host_with_any_private_answer_is_refused(monkeypatch):
    """A resolver mixing public and private answers is treated as an attack, whatever comes first."""

    def resolver(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(http.BlockedAddress, match="10.1.2.3, a private address"):
        http.check_url("http://rebinding.example/")


def test_loopback_allowed_for_tests_still_refuses_private_and_link_local(settings):
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = True
    for url in ("http://10.0.0.1/", "http://169.254.169.254/", "http://[fe80::1]/", "http://0.0.0.0/"):
        with pytest.raises(http.BlockedAddress):
            http.check_url(url)


def test_the_connection_goes_to_the_vetted_address_without_resolving_again(httpserver, settings, monkeypatch):
    """No DNS-rebinding gap: the name is resolved once, checked, and that very address is connected to.
    A resolver that would answer a private address the second time is never asked twice."""
    settings.FACTCHECK_HTTP_ALLOW_LOOPBACK = True
    httpserver.expect_request("/page").respond_with_data("<p>hello</p>", content_type="text/html")
    answers = iter(["127.0.0.1", "10.9.8.7"])
    asked = []
    real_getaddrinfo = socket.getaddrinfo

    def rebinding_resolver(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real_getaddrinfo(host, port, *args, **kwargs)
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_resolver)

    result = http.fetch(f"http://rebind.test:{httpserver.port}/page")

    assert result.status == 200 and asked == ["rebind.test"]
    ((request, _),) = httpserver.log
    assert request.headers["Host"] == f"rebind.test:{httpserver.port}"
