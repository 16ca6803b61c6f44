"""The public claim page and the Atom feed of published and corrected verdicts."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from claims import services
from tests.factories import SourceFactory

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db

JSONLD_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_page_shows_claim_rating_explanation_sources_and_appearances(client, reviewer, editor):
    claim = make_claim("North Korea recognised the DPR in July 2022.")
    verdict = publish(
        claim, reviewer=reviewer, editor=editor, rating_name="True", explanation="KCNA reported it on 13 July."
    )
    verdict.sources.add(SourceFactory(title="KCNA statement", url="https://kcna.example/statement"))

    response = client.get(f"/claims/{claim.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "North Korea recognised the DPR in July 2022." in html
    assert '<span class="rating">True</span>' in html
    assert "KCNA reported it on 13 July." in html
    assert 'href="https://kcna.example/statement"' in html
    article = claim.mentions.get().article
    assert f'href="{article.url}"' in html and "Denis Pushilin" in html


def test_the_page_carries_exactly_one_claimreview_json_ld_block_equal_to_the_api(
    client, anon_client, published_verdict
):
    html = client.get(f"/claims/{published_verdict.claim_id}/").content.decode()

    blocks = JSONLD_BLOCK.findall(html)

    assert len(blocks) == 1
    assert json.loads(blocks[0]) == anon_client.get(f"/api/v1/verdicts/{published_verdict.pk}/claimreview").json()


def test_markup_in_a_claim_cannot_break_out_of_the_json_ld_block(client, reviewer, editor):
    claim = make_claim("Evil </script><script>alert(1)</script> claim & more.")
    publish(claim, reviewer=reviewer, editor=editor)

    html = client.get(f"/claims/{claim.pk}/").content.decode()

    assert "<script>alert(1)" not in html
    (block,) = JSONLD_BLOCK.findall(html)
    assert json.loads(block)["claimReviewed"].startswith("Evil </script><script>alert(1)</script>")


@pytest.mark.parametrize("state", ["new", "draft", "unpublished", "missing"])
def test_the_page_is_404_unless_published(client, reviewer, editor, state):
    claim = make_claim(f"Claim in state {state}.")
    if state == "draft":
        services.claim_start_review(claim=claim, actor=reviewer)
    elif state == "unpublished":
        publish(claim, reviewer=reviewer, editor=editor)
        services.verdict_unpublish(claim=claim, actor=editor, reason="Withdrawn.")
    claim_id = claim.pk + 1000 if state == "missing" else claim.pk

    response = client.get(f"/claims/{claim_id}/")

    assert response.status_code == 404
    assert f"Claim in state {state}" not in response.content.decode()


def _entries(client):
    response = client.get("/feeds/verdicts.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_the_atom_feed_lists_published_verdicts_and_moves_a_correction_to_the_top(client, reviewer, editor):
    first = publish(make_claim("First published claim."), reviewer=reviewer, editor=editor)
    publish(make_claim("Second published claim.", outlet_name="Other"), reviewer=reviewer, editor=editor)
    hidden = make_claim("SECRET-NEW unreviewed.", outlet_name="Third")

    titles = [e.find(f"{ATOM}title").text for e in _entries(client)]
    assert titles == ["False: Second published claim.", "False: First published claim."]
    assert all("SECRET" not in t for t in titles) and hidden.pk

    services.claim_reopen_for_correction(claim=first.claim, actor=editor, reason="Wrong figure.")
    assert [e.find(f"{ATOM}title").text for e in _entries(client)] == titles  # the published version stays
    services.verdict_save(claim=first.claim, rating=first.rating, explanation="Corrected figure.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=first.claim, actor=reviewer)
    services.verdict_publish(claim=first.claim, actor=editor)

    (top, _) = _entries(client)
    assert top.find(f"{ATOM}title").text == "Corrected: False: First published claim."
    assert "Correction: Wrong figure." in top.find(f"{ATOM}summary").text
    assert top.find(f"{ATOM}link").get("href").endswith(f"/claims/{first.claim_id}/")
    first.refresh_from_db()
    assert top.find(f"{ATOM}updated").text.startswith(first.corrected_at.strftime("%Y-%m-%dT%H:%M:%S"))
