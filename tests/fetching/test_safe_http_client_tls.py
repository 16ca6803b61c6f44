"""HTTPS through the pinned address: the certificate is still checked against the host name asked for."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest
from pytest_httpserver import HTTPServer

from sources import http

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A private CA and a server certificate for DNS:localhost signed by it."""
    d = tmp_path_factory.mktemp("tls")

    def run(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=d)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=factcheck test CA")  # fmt: skip
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    (d / "san.ext").write_text("subjectAltName=DNS:localhost\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.pem", "-days", "2", "-extfile", "san.ext")  # fmt: skip
    return d


@pytest.fixture
def tls_server(certificates):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates / "server.pem", certificates / "server.key")
    server = HTTPServer(host="localhost", port=0, ssl_context=context)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def trusting_client(certificates, monkeypatch):
    """The real client, trusting the test CA instead of certifi's bundle."""
    monkeypatch.setattr(http.certifi, "where", lambda: str(certificates / "ca.pem"))
    monkeypatch.setattr(http, "_client", None)


def test_https_works_through_the_pinned_address(tls_server, trusting_client):
    tls_server.expect_request("/secure").respond_with_data("<p>over TLS</p>", content_type="text/html")

    result = http.fetch(f"https://localhost:{tls_server.port}/secure")

    assert result.status == 200 and "over TLS" in result.text
    ((request, _),) = tls_server.log
    assert request.headers["Host"] == f"localhost:{tls_server.port}"


def test_a_certificate_for_another_name_is_refused(tls_server, trusting_client):
    tls_server.expect_request("/secure").respond_with_data("<p>should not be read</p>", content_type="text/html")

    with pytest.raises(http.ConnectionFailed, match="CERTIFICATE_VERIFY_FAILED|certificate"):
        http.fetch(f"https://127.0.0.1:{tls_server.port}/secure")  # the certificate names localhost only
