"""What a claim is: a plain declarative statement, whatever its check-worthiness score (the score ranks)."""

from claims import bands
from claims.extraction import extract

from .conftest import claims_text, rules_alone


def test_a_plain_fact_without_names_or_figures_is_a_claim_and_keeps_its_low_score():
    result = extract("Silver conducts heat better than copper does.")
    assert claims_text(result) == ["Silver conducts heat better than copper does."]
    assert result.claims[0].checkworthiness < bands.HIGH  # still stored, ranked below the high band


def test_a_low_scoring_conjunct_of_a_plain_sentence_is_a_claim_too():
    result = extract("The collision of two neutron stars is a rare event, and it produces heavy elements.")
    produces = next(c for c in result.claims if c.text == "The collision of two neutron stars produces heavy elements.")
    assert produces.checkworthiness < bands.HIGH


def test_questions_opinions_hedges_advice_and_speaker_centred_lines_are_not_claims():
    for text in (
        "Does silver conduct heat better than copper?",
        "I think silver conducts heat better than copper.",
        "Perhaps silver conducts heat better than copper.",
        "Schools should teach chemistry earlier.",
        "It is important to remember that silver conducts heat well.",
        "You will need a permit for the silver mine.",
        "We will keep improving the bridge.",
        "Read the label before mixing the two acids.",
    ):
        assert claims_text(extract(text)) == [], text


def test_an_evaluation_is_not_a_claim_but_a_ranking_superlative_is():
    assert claims_text(extract("The new harbour bridge was remarkable.")) == []
    assert claims_text(extract("The harbour bridge is ranked as one of the best bridges in the region.")) == [
        "The harbour bridge is ranked as one of the best bridges in the region."
    ]


def test_words_inside_quotation_marks_are_reported_not_asserted():
    texts = claims_text(extract('The most read essay of the year was "Why You Should Walk" by a retired nurse.'))
    assert texts == ['The most read essay of the year was "Why You Should Walk" by a retired nurse.']
    texts = claims_text(extract('The mayor thanked the builders for their "great work on the harbour".'))
    assert texts == ['The mayor thanked the builders for their "great work on the harbour".']


def test_what_a_named_person_hoped_for_in_the_past_is_a_claim_a_present_hope_is_not():
    assert claims_text(extract("The mayor hoped for a quick repair of the bridge.")) == [
        "The mayor hoped for a quick repair of the bridge."
    ]
    assert claims_text(extract("Engineers hope for a quick repair of the bridge.")) == []


def test_first_person_words_without_a_speaker_are_not_the_articles_claim():
    assert claims_text(extract("The new workers can help us rebuild the harbour quickly.")) == []


def test_a_quotation_over_several_sentences_is_attributed_to_the_speaker_named_at_its_close():
    result = extract(
        'The mayor spoke on Monday. "The harbour bridge reopened in March. Traffic across the river has doubled '
        'since then. The repairs cost less than planned," Jane Ortiz said.'
    )
    texts = claims_text(result)
    assert "The harbour bridge reopened in March." in texts
    assert "Traffic across the river has doubled since then." in texts
    assert all(c.speaker == "Jane Ortiz" for c in result.claims if "harbour bridge reopened" in c.text)


def test_a_quotation_nobody_is_named_for_is_not_a_claim():
    texts = claims_text(extract('"The harbour bridge reopened in March. Traffic has doubled since then.'))
    assert texts == []


def test_a_vow_that_says_nothing_of_what_was_vowed_is_not_a_claim():
    texts = claims_text(extract("Governor Ann Lee vowed in her message on Independence Day, the state news agency."))
    assert not any("vowed" in t for t in texts), texts
    texts = claims_text(extract("Governor Ann Lee pledged in a speech on Monday in Springfield."))
    assert not any("pledged" in t for t in texts), texts


def test_a_vow_with_its_content_is_still_a_claim():
    texts = claims_text(extract("Governor Ann Lee vowed in a letter on Monday to close the coal plant by 2030."))
    assert any("vowed" in t and "coal plant" in t for t in texts), texts


def test_a_pledge_with_an_object_is_still_a_claim():
    texts = claims_text(extract("Governor Ann Lee pledged 5 million dollars to the flood victims on Monday."))
    assert any("pledged 5 million dollars" in t for t in texts), texts


def test_a_share_written_with_a_percent_sign_is_a_subject_like_any_other():
    # spaCy counts "%" as punctuation; it is the subject all the same
    with rules_alone():  # the rules' own say, not the check-worthiness model's (gate.py)
        assert claims_text(extract("About 12% of the Lanzo budget goes to the ferries.")) == [
            "About 12% of the Lanzo budget goes to the ferries."
        ]
        assert claims_text(extract("About 12 percent of the Lanzo budget goes to the ferries.")) == [
            "About 12 percent of the Lanzo budget goes to the ferries."
        ]
