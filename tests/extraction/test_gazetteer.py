"""The general gazetteer: countries from maintained data, organisations and agencies by hand, one small API."""

import pytest

from claims.extraction.gazetteer import build, canonical, gazetteer, state_of_capital


@pytest.mark.parametrize(
    "name,kind,expected",
    [
        ("Kenya", "country", "Kenya"),
        ("Kenyan", "country", "Kenya"),
        ("Peruvians", "country", "Peru"),
        ("the Russian Federation", "country", "Russia"),
        ("Republic of Korea", "country", "South Korea"),
        ("Burma", "country", "Myanmar"),
        ("Britain", "country", "United Kingdom"),
        ("U.S.", "country", "United States"),
        ("NATO", "org", "NATO"),
        ("World Health Organisation", "org", "World Health Organization"),
        ("WHO", "org", "World Health Organization"),
        ("Xinhua", "agency", "Xinhua"),
        ("Reuters", "agency", "Reuters"),
        ("ITAR-TASS", "agency", "TASS"),
    ],
)
def test_a_name_alias_or_demonym_resolves_to_one_entity(name, kind, expected):
    entity = canonical(name)
    assert entity is not None and (entity.kind, entity.canonical) == (kind, expected)


def test_a_country_carries_its_codes_capital_and_demonyms():
    peru = canonical("Peru")
    assert (peru.iso2, peru.iso3, peru.capital) == ("PE", "PER", "Lima")
    assert "Peruvian" in peru.demonyms
    assert gazetteer().by_code("per") is peru


def test_iso_codes_are_not_aliases_because_they_are_words_in_news_text():
    assert gazetteer().by_code("IT").canonical == "Italy"
    assert canonical("IT") is None and canonical("AI") is None  # Italy and Anguilla by code only


def test_short_capital_acronyms_match_only_as_written():
    assert canonical("WHO").canonical == "World Health Organization"
    assert canonical("who") is None and canonical("us") is None


def test_a_seat_of_government_stands_for_its_state_but_is_not_its_name():
    assert state_of_capital("Pyongyang").canonical == "North Korea"
    assert state_of_capital("Kiev").canonical == "Ukraine"  # an older spelling, from the hand-written data
    assert canonical("Pyongyang") is None


def test_most_capitals_are_capitals_but_do_not_stand_for_their_state():
    assert gazetteer().capital_of("Nairobi").canonical == "Kenya"
    assert state_of_capital("Nairobi") is None  # written as the city far more often than for the government


def test_a_name_two_countries_share_goes_to_the_more_populous():
    assert canonical("Congolese").canonical == "Democratic Republic of the Congo"


def test_canonical_names_that_take_the_article_say_so():
    assert canonical("United States").article == "the" and canonical("Netherlands").article == "the"
    assert canonical("Kenya").article == ""


def test_the_general_gazetteer_holds_no_seed_only_spelling():
    general = build(())
    assert general.canonical("KCNA").canonical == "Korean Central News Agency"
    assert general.canonical("KCN") is None


def test_ruler_patterns_cover_agency_acronyms_but_not_country_names():
    patterns = {p["pattern"]: p["label"] for p in gazetteer().ruler_patterns()}
    assert patterns["AFP"] == "ORG" and patterns["KCNA"] == "ORG"
    assert "Chad" not in patterns and "AP" not in patterns
