import pytest

from claims.extraction import gazetteer as gazetteer_module
from claims.extraction.entities import DocumentEntities, Gazetteer

CONTEXT = "Donetsk People's Republic (DPR) leader Denis Pushilin thanked Pyongyang."


@pytest.mark.parametrize(
    "mention,label,canonical",
    [
        ("DPR", "ORG", "Donetsk People's Republic"),
        ("LPR", "ORG", "Luhansk People's Republic"),
        ("Lugansk People's Republic", "GPE", "Luhansk People's Republic"),
        ("DPRK", "ORG", "North Korea"),
        ("the Democratic People's Republic of Korea", "ORG", "North Korea"),
        ("KCNA", "ORG", "Korean Central News Agency"),
        ("AFP", "ORG", "Agence France-Presse"),
        ("Ukrainian", "NORP", "Ukraine"),
    ],
)
def test_aliases_resolve_to_one_canonical_name(mention, label, canonical):
    assert DocumentEntities(CONTEXT).canonical(mention, label) == canonical


@pytest.fixture
def harbour_people(tmp_path):
    """An extra gazetteer file, as seeds/entities.json is for the seeds: one person and one agency misspelling."""
    extra = tmp_path / "entities.json"
    extra.write_text(
        '{"entities": ['
        '{"kind": "person", "canonical": "Marta Velikova", "label": "PERSON", "context": ["harbour authority"]},'
        '{"kind": "agency", "canonical": "Agence France-Presse", "label": "ORG", "misspellings": ["AFPP"]}]}',
        encoding="utf-8",
    )
    return gazetteer_module.build((str(extra),))


def test_a_misspelt_name_resolves_to_the_person_the_context_supports(harbour_people):
    gaz = Gazetteer(harbour_people.entities)
    entities = DocumentEntities("Martha Velikowa, head of the harbour authority, wrote to the mayor.", gaz)
    assert entities.canonical("Martha Velikowa", "PERSON") == "Marta Velikova"
    assert entities.canonical("Velikowa", "PERSON") == "Marta Velikova"


def test_a_misspelt_name_stays_as_written_when_the_context_does_not_support_it(harbour_people):
    gaz = Gazetteer(harbour_people.entities)
    entities = DocumentEntities("Martha Velikowa opened a bakery in Leeds on Tuesday.", gaz)
    assert entities.canonical("Martha Velikowa", "PERSON") == "Martha Velikowa"


def test_an_extra_file_adds_a_misspelling_to_a_known_agency(harbour_people):
    entities = DocumentEntities("AFPP reported the storm.", Gazetteer(harbour_people.entities))
    assert entities.canonical("AFPP", "ORG") == "Agence France-Presse"
    assert entities.is_replacement_worthy("AFPP", "Agence France-Presse")


def test_a_demonym_names_its_country_but_is_not_rewritten():
    entities = DocumentEntities("Ukrainian engineers repaired the bridge.")
    assert entities.canonical("Ukrainian", "NORP") == "Ukraine"
    assert not entities.is_replacement_worthy("Ukrainian", "Ukraine")


def test_a_surname_alone_is_the_full_name_met_earlier():
    entities = DocumentEntities("Foreign minister Natalya Nikonorova spoke. Nikonorova said talks went on.")
    assert entities.canonical("Natalya Nikonorova", "PERSON") == "Natalya Nikonorova"
    assert entities.canonical("Nikonorova", "PERSON") == "Natalya Nikonorova"


def test_lower_case_words_tagged_as_a_person_give_no_later_name_its_reading():
    entities = DocumentEntities("Arrests fell after cheese rolling was banned. Cheese rolling is back. Tom Cole spoke.")
    # the parser can tag lower-case words as a person; they are no full name a later capitalised word stands for
    assert entities.canonical("cheese rolling", "PERSON") == "cheese rolling"
    assert entities.canonical("Cheese", "PERSON") == "Cheese"
    # while a full name written as one still gives its first name and its surname their reading
    assert entities.canonical("Tom Cole", "PERSON") == "Tom Cole"
    assert entities.canonical("Cole", "PERSON") == "Tom Cole"
    assert entities.people == ["Tom Cole"]


def test_an_acronym_defined_in_the_article_is_an_alias_there():
    entities = DocumentEntities("The Zaporizhzhia Nuclear Power Plant (ZNPP) was shelled.")
    assert entities.canonical("ZNPP", "ORG") == "Zaporizhzhia Nuclear Power Plant"


def test_a_capital_stands_for_its_state_only_when_not_used_as_a_place():
    entities = DocumentEntities(CONTEXT)
    assert entities.canonical("Pyongyang", "GPE", place_use=False) == "North Korea"
    assert entities.canonical("Pyongyang", "GPE", place_use=True) == "Pyongyang"


def test_pipeline_reads_pyongyang_as_the_state_in_cut_ties_with_pyongyang_and_as_the_city_in_a_dateline():
    import datetime as dt

    from claims.extraction import extract

    result = extract(
        "Pyongyang: North Korea recognised the Donetsk People's Republic on Wednesday, state media said.\n\n"
        "In response, Ukraine immediately cut ties with Pyongyang over the move.",
        published=dt.date(2022, 7, 14),
    )
    ties = next(c for c in result.claims if "cut ties" in c.text)
    assert {"text": "Pyongyang", "canonical": "North Korea", "label": "GPE"} in ties.as_json()["entities"]


def test_an_agency_acronym_is_the_agency_in_claims():
    from claims.extraction import extract

    result = extract("AFP reported on Monday that the ferry operator cancelled 40 crossings in March 2023.")
    claim = result.claims[0]
    assert claim.speaker == "Agence France-Presse"
    assert claim.text == "The ferry operator cancelled 40 crossings in March 2023."  # no "According to" prefix


def test_an_official_long_form_is_written_as_the_canonical_name_without_a_stray_article():
    from claims.extraction import extract

    texts = [
        c.text for c in extract("The Russian Federation opened a consulate in the Syrian Arab Republic in 2019.").claims
    ]
    assert texts == ["Russia opened a consulate in Syria in 2019."]


def test_a_canonical_name_that_takes_the_article_keeps_it():
    from claims.extraction import extract

    texts = [
        c.text
        for c in extract("In 2019, the United States of America signed a treaty with the Syrian Arab Republic.").claims
    ]
    assert texts == ["In 2019, the United States signed a treaty with Syria."]
