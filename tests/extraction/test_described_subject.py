"""A subject "the <describing words> <noun>" that only the article introduces ("The gray haze closed …") flags the
claim "needs context"; one that says which on its own (a name, a noun followed by its own description, a noun
everyone knows) does not (rule described_subject)."""

from __future__ import annotations

from .conftest import claim_with_rule_and_without, flags_of


def test_a_described_subject_only_the_article_introduces_is_flagged():
    flags = flags_of("The gray haze closed 40 schools in Lanzo in 2019.", "40 schools")
    assert flags == ['"the gray haze" not introduced: the article says which']


def test_a_subject_followed_by_its_own_description_is_not_flagged():
    assert flags_of("The unemployment rate in Lanzo rose to 12 percent in 2019.", "12 percent") == []


def test_a_named_subject_is_not_flagged():
    assert flags_of("The Lanzo Metal Exchange closed 40 accounts in 2019.", "40 accounts") == []


def test_a_described_object_is_left_to_the_bare_noun_check():
    assert flags_of("Ana Ruiz closed the old harbour office in Lanzo in 2019.", "harbour office") == []


def test_switched_off_the_claim_is_the_same_and_unflagged():
    text = "The gray haze closed 40 schools in Lanzo in 2019."
    flagged, plain = claim_with_rule_and_without(text, "40 schools", "described_subject")
    assert plain.text == flagged.text
    assert plain.needs_context == []
