"""The Atom feed carries explanations as plain text: markup an editor typed reaches feed readers as characters,
never as live HTML."""

import xml.etree.ElementTree as ET

import pytest

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_an_explanation_with_markup_is_a_text_summary(client, reviewer, editor):
    explanation = 'See <a href="https://x.example" onclick="steal()">this</a> & <img src=x onerror=alert(1)>.'
    publish(make_claim("The ferry ran on 3 March."), reviewer=reviewer, editor=editor, explanation=explanation)

    entry = ET.fromstring(client.get("/feeds/verdicts.atom").content).find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")

    assert summary.get("type") == "text"
    assert summary.text == explanation  # the characters as typed, escaped in the XML
    assert entry.find(f"{ATOM}link").get("href").endswith("/")
