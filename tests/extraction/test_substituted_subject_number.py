"""The grammar guard reads a substituted subject's number from its head noun, not from its last word: "the noise
from the Orvik ferries" is one thing, so "it has" agrees with it; "the engines on the Lanzo ferry" are several."""

from __future__ import annotations

from claims.extraction import extract
from claims.extraction.readability import _head_word

from .conftest import claims_text


def test_a_singular_head_before_a_plural_modifier_takes_a_singular_verb():
    text = "The noise from the Orvik ferries reached the old town. By now, it has become a burden for residents."
    claims = claims_text(extract(text))
    assert "By now, the noise from the Orvik ferries has become a burden for residents." in claims


def test_a_plural_head_before_a_singular_modifier_takes_a_plural_verb():
    text = "The engines on the Lanzo ferry were replaced in 2019. In tests, they start at low speed."
    assert "In tests, the engines on the Lanzo ferry start at low speed." in claims_text(extract(text))


def test_the_head_word_is_the_last_word_before_a_post_modifier():
    assert _head_word("the noise from the Orvik ferries") == "noise"
    assert _head_word("the old Orvik ferries") == "ferries"
    assert _head_word("the engines on the Lanzo ferry") == "engines"
