"""A trailing participle with its own date after a present perfect tells of a past event: its claim is in the past
tense (rule dated_participle_past)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

BOND = "Vektra's 2025 bond has weakened sharply in the past week, hitting 16.5% on Monday, according to Lanzo Markets."


def test_the_dated_participle_becomes_a_past_tense_claim():
    texts = claims_text(extract(BOND))
    assert any(t.startswith("Vektra's 2025 bond hit 16.5% on ") for t in texts), texts
    with rules.disabled({"dated_participle_past"}):
        assert any(t.startswith("Vektra's 2025 bond hits 16.5% on ") for t in claims_text(extract(BOND)))


def test_an_undated_participle_after_a_present_perfect_keeps_the_present():
    texts = claims_text(extract("The Lanzo ferry company has grown fast, making it the largest ferry firm in Norland."))
    assert "The Lanzo ferry company makes it the largest ferry firm in Norland." in texts
