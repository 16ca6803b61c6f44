"""A claim that does not read alone is stored flagged "needs context", with what is missing; relative dates are
written out from the publication date; a rewrite that breaks the grammar falls back to the article's words."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction import extract
from claims.extraction.parsing import load_nlp
from claims.extraction.readability import context_gaps, grammatical, relative_date

from .conftest import find_claim

THURSDAY = dt.date(2022, 7, 14)


def test_a_bare_the_noun_never_introduced_is_flagged():
    result = extract("The letter reached the Varnes ferry company in March 2021.", published=THURSDAY)
    claim = find_claim(result, "reached the Varnes ferry company")
    assert claim.needs_context == ['"the letter" not introduced']


def test_a_hyphenated_noun_is_read_whole_when_its_description_follows_it():
    described = extract("The co-founder of Lanzo Mills sold 2 million shares in 2019.", published=THURSDAY)
    assert find_claim(described, "sold 2 million shares").needs_context == []
    bare = extract("The co-founder sold 2 million shares in 2019.", published=THURSDAY)
    assert find_claim(bare, "sold 2 million shares").needs_context == ['"the co-founder" not introduced']


def test_a_claim_that_names_everything_is_not_flagged():
    result = extract("The Varnes ferry company carried 41,000 passengers to Lanzo in 2019.", published=THURSDAY)
    claim = find_claim(result, "41,000 passengers")
    assert claim is not None
    assert claim.needs_context == []


def test_a_description_resolved_from_the_sentence_before_is_not_flagged():
    result = extract("Norland passed a new plastics law in 2019. The law took effect in 2021.", published=THURSDAY)
    claim = find_claim(result, "took effect in 2021")
    assert claim.text == "The new plastics law took effect in 2021."
    assert claim.needs_context == []


def test_on_wednesday_is_written_out_from_the_publication_date():
    result = extract("The Varnes ferry company cancelled 40 crossings on Wednesday.", published=THURSDAY)
    claim = find_claim(result, "cancelled 40 crossings")
    assert claim.text == "The Varnes ferry company cancelled 40 crossings on 13 July 2022."
    assert claim.needs_context == []


def test_a_relative_date_without_a_publication_date_is_flagged():
    result = extract("The Varnes ferry company cancelled 40 crossings on Wednesday.")
    claim = find_claim(result, "cancelled 40 crossings")
    assert "on Wednesday" in claim.text
    assert claim.needs_context == ['relative date "Wednesday"']


def test_relative_dates_are_counted_from_the_publication_date():
    assert relative_date("yesterday", THURSDAY) == "on 13 July 2022"
    assert relative_date("last month", THURSDAY) == "in June 2022"
    assert relative_date("last year", dt.date(2022, 1, 3)) == "in 2021"
    assert relative_date("on Monday", THURSDAY, future=True) == "on 18 July 2022"
    assert relative_date("on Thursday", THURSDAY) == "on 14 July 2022"
    assert relative_date("recently", THURSDAY) is None  # too vague to write out: left and flagged


def test_modality_stays_as_the_article_words_it():
    result = extract("Ivo Brandt could face a fine of $250,000, prosecutors in Lanzo said.", published=THURSDAY)
    claim = find_claim(result, "fine of $250,000")
    assert claim.text == "Ivo Brandt could face a fine of $250,000."
    assert claim.speaker == "prosecutors in Lanzo"


def test_a_pronoun_left_unresolved_inside_a_claim_is_named_in_the_flag():
    doc = load_nlp()("The Varnes ferry company sold them to Lanzo in 2019.")
    gaps = context_gaps(list(doc), doc.text, resolved=set())
    assert gaps == ['pronoun "them"']


def test_a_claim_without_a_finite_verb_is_not_grammatical():
    doc = load_nlp()("Ivo Brandt to tell the board about the sale.")
    assert not grammatical(list(doc), overrides={}, replaced_subjects={}, template=False)
    whole = load_nlp()("Ivo Brandt told the board about the sale.")
    assert grammatical(list(whole), overrides={}, replaced_subjects={}, template=False)


def test_a_substituted_subject_must_agree_with_its_verb():
    doc = load_nlp()("They are building a new harbour in Lanzo.")
    tokens = list(doc)
    assert not grammatical(tokens, overrides={}, replaced_subjects={0: "Ivo Brandt"}, template=False)
    assert grammatical(tokens, overrides={}, replaced_subjects={0: "Ivo Brandt and Mara Olsen"}, template=False)


def test_a_demonstrative_subject_is_not_replaced_by_the_previous_subject():
    text = "The Varnes ferry company cut its fares by 30 percent in 2019. This shows that the ferry market in Lanzo is shrinking."
    texts = [c.text for c in extract(text, published=THURSDAY).claims]
    assert "The Varnes ferry company cut its fares by 30 percent in 2019." in texts
    assert not any(t.startswith("The Varnes ferry company shows") for t in texts), texts


def test_he_with_two_people_just_named_is_left_and_flagged():
    result = extract("Mara Olsen met Ivo Brandt in Lanzo in 2019. In 2020 he signed the ferry contract.")
    claim = find_claim(result, "signed the ferry contract")
    assert claim.text == "In 2020 he signed the ferry contract."
    assert claim.needs_context == ['pronoun "he"']


def test_he_in_what_a_named_speaker_reports_is_the_speaker():
    result = extract(
        "Mara Olsen met Ivo Brandt in Lanzo in 2019. Ivo Brandt said he signed the ferry contract in 2020."
    )
    claim = find_claim(result, "signed the ferry contract")
    assert claim.text == "Ivo Brandt signed the ferry contract in 2020."


@pytest.mark.parametrize(
    ("text", "words", "flags"),
    [
        (
            "The new version costs 40 euros more than the old Varnes phone.",
            "costs 40 euros",
            ['"the version" not introduced'],
        ),
        ("The Varnes ferry company sold the wooden ferry for 40,000 euros in 2019.", "wooden ferry", []),
        ("The Orvik bank runs a loan exchange that works with 40 lenders in Lanzo.", "40 lenders", []),
        ("That was the largest fine in Lanzo in 2019.", "largest fine", ['demonstrative "That"']),
    ],
    ids=["words that point back", "a describing word", "a relative that", "a demonstrative that"],
)
def test_what_points_back_into_the_article_is_flagged_and_what_describes_is_not(text, words, flags):
    claim = find_claim(extract(text, published=THURSDAY), words)
    assert claim.needs_context == flags


def test_a_clause_set_off_by_commas_does_not_say_which_thing_the_noun_is():
    result = extract(
        "The towns, situated in the northern valley, have been under army control since 2010.", published=THURSDAY
    )
    described = find_claim(result, "are situated in the northern valley")
    assert described.text == "The towns are situated in the northern valley."
    assert described.needs_context == ['"the towns" not introduced']
    restrictive = extract("The bridge that collapsed in 2019 cost 40 million euros.", published=THURSDAY)
    assert find_claim(restrictive, "cost 40 million euros").needs_context == []


def test_a_that_the_tagger_calls_relative_is_a_demonstrative_when_its_verb_heads_the_sentence():
    result = extract(
        "The Orvik 3 scored 2,072 points in the trial. Impressively, that beats the Varnes 2, which scored 1,800 points.",
        published=THURSDAY,
    )
    assert find_claim(result, "beats the Varnes 2").needs_context == ['demonstrative "that"']
    relative = extract("The Orvik bank runs a loan exchange that works with 40 lenders in Lanzo.", published=THURSDAY)
    assert find_claim(relative, "works with 40 lenders").needs_context == []


def test_a_person_described_by_age_alone_is_flagged_and_a_named_one_is_not():
    result = extract(
        "Police arrested Ivo Brandt, 34, in Varnes on Monday. The 34-year-old was charged with theft of 40 bicycles. "
        "The 47 year old man was one of 300 guests at the Varnes gala in 2019.",
        published=THURSDAY,
    )
    assert find_claim(result, "was charged with theft").needs_context == ['"the 34-year-old" not introduced']
    assert find_claim(result, "300 guests").needs_context == ['"the 47 year old man" not introduced']
    named = extract("The 8-year-old Ana Ruiz won 3 medals at the Varnes games in 2019.", published=THURSDAY)
    assert find_claim(named, "won 3 medals").needs_context == []
