"""A shared public claim page shows a preview: OpenGraph and Twitter card tags with the rating, the claim and
the explanation."""

import re

import pytest

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db


def meta(html: str) -> dict[str, str]:
    return {key: value for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html)}


def test_the_page_carries_opengraph_and_twitter_card_tags(client, reviewer, editor, settings):
    settings.FACTCHECK_ORGANIZATION_NAME = "Harbour Checks"
    settings.FACTCHECK_ORGANIZATION_LOGO = "https://checks.example/logo.png"
    claim = make_claim("The ferry carried two million passengers last year.")
    publish(claim, reviewer=reviewer, editor=editor, rating_name="Mostly true",
            explanation="Port records show 1.9 million passengers, close to the figure claimed.")  # fmt: skip

    tags = meta(client.get(f"/claims/{claim.pk}/").content.decode())

    title = "Mostly true: The ferry carried two million passengers last year."
    assert tags["og:title"] == title and tags["twitter:title"] == title
    assert tags["og:description"].startswith("Port records show 1.9 million passengers")
    assert tags["twitter:description"] == tags["og:description"]
    assert tags["og:url"].endswith(f"/claims/{claim.pk}/") and tags["og:type"] == "article"
    assert tags["og:site_name"] == "Harbour Checks" and tags["og:image"] == "https://checks.example/logo.png"
    assert tags["twitter:card"] == "summary" and tags["twitter:data1"] == "Mostly true"


def test_markup_in_the_claim_is_escaped_in_the_tags(client, reviewer, editor):
    claim = make_claim('A "quoted" <b>claim</b> & more.')
    publish(claim, reviewer=reviewer, editor=editor)

    html = client.get(f"/claims/{claim.pk}/").content.decode()

    assert "<b>claim</b>" not in html.split("</head>")[0]
    assert "False: A &quot;quoted&quot; &lt;b&gt;claim&lt;/b&gt; &amp; more." in meta(html)["og:title"]
