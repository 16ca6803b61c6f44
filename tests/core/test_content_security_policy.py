"""Every page is sent with a Content-Security-Policy that allows scripts from our own origin only, and the API docs
load Swagger UI from our own static files, not from a CDN."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/admin/login/", "/api/docs/", "/api/v1/claims/", "/healthz", "/feeds/verdicts.atom", "/api-auth/login/"]


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", PAGES)
def test_each_page_sends_a_policy_allowing_only_our_own_scripts(client, path):
    response = client.get(path)

    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]


def test_the_public_claim_page_is_covered_too(client, reviewer, editor):
    from tests.api.conftest import make_claim, publish

    claim = make_claim("The library reopened on 2 June.")
    publish(claim, reviewer=reviewer, editor=editor)

    response = client.get(f"/claims/{claim.pk}/")

    assert response.status_code == 200 and "script-src 'self'" in response["Content-Security-Policy"]


def test_the_api_docs_load_swagger_ui_from_our_static_files_with_no_inline_script(client):
    html = client.get("/api/docs/").content.decode()

    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert any("swagger-ui-bundle.js" in s for s in sources)
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    assert not re.search(r"<script>\s*\S", html)  # the initialisation is a script file too


def test_the_swagger_initialisation_script_is_served_as_javascript(client):
    response = client.get("/api/docs/?script=")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()
