"""'It' is resolved only when sure: not to a name that may be a person, not to the latest of several places or
organisations, and not, inside a quotation, to the article's previous subject (rules ambiguous_thing, quoted_it)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim

TWO_PLACES = "Ana Ruiz moved from Norland to Tessaly in 2019. In 2021 it raised the wool tax to 12 percent."


def test_it_is_left_as_written_and_flagged_when_two_places_were_named():
    claim = find_claim(extract(TWO_PLACES), "wool tax")
    assert claim.text == "In 2021 it raised the wool tax to 12 percent."
    assert 'pronoun "it"' in claim.needs_context


def test_it_is_never_resolved_to_an_unclassed_name_that_may_be_a_person():
    with rules.disabled({"ambiguous_thing"}):
        guessed = find_claim(extract(TWO_PLACES), "wool tax").text
    assert guessed == "In 2021 Ana Ruiz raised the wool tax to 12 percent."  # the wrong referent the rule prevents


def test_it_is_still_resolved_to_the_one_thing_named():
    texts = claims_text(extract("The Orvik choir was founded in 1921. It toured Canada in 1958."))
    assert "The Orvik choir toured Canada in 1958." in texts


def test_a_quoted_it_is_not_the_articles_previous_subject():
    text = (
        'The Lanzo ferry was 40 minutes late on 3 May 2021. "It was a difficult day for 300 passengers," Ana Ruiz said.'
    )
    texts = claims_text(extract(text))
    assert "The Lanzo ferry was 40 minutes late on 3 May 2021." in texts
    assert not any("ferry was a difficult day" in t for t in texts)
    with rules.disabled({"quoted_it"}):
        assert any("ferry was a difficult day" in t for t in claims_text(extract(text)))


def test_an_extraposed_it_stands_for_nothing():
    text = "The Lanzo ferry terminal opened in 1990. It was a mistake to close the old pier in 1995."
    assert claims_text(extract(text)) == ["The Lanzo ferry terminal opened in 1990."]
    with rules.disabled({"extraposed_it"}):
        assert "The Lanzo ferry terminal was a mistake to close the old pier in 1995." in claims_text(extract(text))


def test_a_referential_it_with_a_measure_is_still_resolved():
    texts = claims_text(extract("The Orvik bridge opened in 1921. It is 40 metres long."))
    assert "The Orvik bridge is 40 metres long." in texts


def test_it_is_yet_to_is_not_extraposed():
    texts = claims_text(extract("The Orvik choir toured Canada in 1958. It is yet to tour Norland."))
    assert "The Orvik choir is yet to tour Norland." in texts


def test_it_is_never_resolved_to_a_first_person_subject():
    text = "We tested the Orvik X5 in 2019. It has a 40 kWh battery."
    claim = find_claim(extract(text), "40 kWh")
    assert claim.text == "It has a 40 kWh battery."
    assert 'pronoun "It"' in claim.needs_context
    with rules.disabled({"sure_antecedent"}):
        assert find_claim(extract(text), "40 kWh").text == "We has a 40 kWh battery."  # the garble it prevents
