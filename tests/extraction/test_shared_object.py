"""Two verbs right next to each other sharing the object after the second ("bought and renovated the mill") stay one
claim (rule shared_object): split, the first claim said nothing ("The council bought.")."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

SHARED = "The Lanzo council bought and renovated the old mill in 2019."


def test_verbs_sharing_the_object_stay_one_claim():
    assert claims_text(extract(SHARED)) == [SHARED]


def test_verbs_each_with_their_own_words_are_still_split():
    claims = claims_text(extract("The Orvik choir was founded in 1921 and toured Canada in 1958."))
    assert claims == ["The Orvik choir was founded in 1921.", "The Orvik choir toured Canada in 1958."]


def test_a_passive_first_verb_shares_no_object_and_is_split():
    claims = claims_text(extract("The Lanzo ferry has been well reviewed and costs far less than the Orvik ferry."))
    assert "The Lanzo ferry costs far less than the Orvik ferry." in claims


def test_without_the_rule_the_first_claim_had_no_object():
    with rules.disabled({"shared_object"}):
        assert "The Lanzo council bought." in claims_text(extract(SHARED))
