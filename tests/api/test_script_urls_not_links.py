"""A source or article address that is not http(s), stored before the check existed, is shown as text on the public
page and in the admin, never as a link."""

import pytest
from django.test import Client

from claims.models import Article
from sources.models import Source
from tests.factories import EvidenceFactory, SourceFactory

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db

SCRIPT = "javascript:alert(document.cookie)"


@pytest.fixture
def published_with_script_urls(reviewer, editor):
    claim = make_claim("The bridge reopened on 4 May 2021.")
    verdict = publish(claim, reviewer=reviewer, editor=editor)
    good, bad = (
        SourceFactory(title="Council notice", url="https://council.example/notice"),
        SourceFactory(title="Bad link"),
    )
    Source.objects.filter(pk=bad.pk).update(url=SCRIPT)  # as an older version stored it
    verdict.sources.add(good, bad)
    EvidenceFactory(claim=claim, source=bad, passage="The bridge reopened in May.")
    Article.objects.filter(mentions__claim=claim).update(url="javascript:alert(2)")
    return claim


def test_the_public_page_shows_a_script_url_source_as_text(client, published_with_script_urls):
    html = client.get(f"/claims/{published_with_script_urls.pk}/").content.decode()

    assert 'href="https://council.example/notice"' in html
    assert "Bad link" in html
    assert "javascript:" not in html


def test_the_admin_claim_page_shows_script_urls_as_text(editor, published_with_script_urls):
    admin = Client()
    admin.force_login(editor)

    html = admin.get(f"/admin/claims/claim/{published_with_script_urls.pk}/change/").content.decode()

    assert 'href="https://council.example/notice"' in html
    assert "Bad link" in html
    assert 'href="javascript:' not in html
