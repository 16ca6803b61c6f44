"""A pronoun is replaced only by an antecedent the resolver is sure of; otherwise it stays, flagged "needs context"
(rules possessive_owner, object_it, organisation_it, bare_noun_antecedent, quoted_they, group_name_number,
antecedent_phrase). Each guard: the wrong referent it prevents, shown by switching it off, and a case where the
resolution still happens."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim


def test_their_after_a_quantifier_subject_keeps_the_pronoun():
    text = (
        "Ten artworks were shown in Lanzo in 2019. In 2020 many of the designers sold their designs for 40 euros each."
    )
    claim = find_claim(extract(text), "sold their designs")
    assert claim.text == "In 2020 many of the designers sold their designs for 40 euros each."
    assert 'pronoun "their"' in claim.needs_context
    with rules.disabled({"possessive_owner"}):
        assert "ten artworks' designs" in find_claim(extract(text), "sold").text


def test_their_is_not_given_to_a_previous_subject_that_owns_nothing():
    text = "The new rules cut costs by 40 percent in 2019. Their authors won a prize in 2020."
    assert not any("rules' authors" in t for t in claims_text(extract(text)))
    with rules.disabled({"possessive_owner"}):
        assert "The new rules' authors won a prize in 2020." in claims_text(extract(text))


def test_their_still_stands_for_people_named_as_the_previous_subject():
    texts = claims_text(extract("The Lanzo rowers won 40 races in 2019. Their coach retired in 2020."))
    assert "The Lanzo rowers' coach retired in 2020." in texts


def test_an_object_it_after_a_nearer_noun_keeps_the_pronoun():
    text = "The Orvik console went on sale in Lanzo in 2019. I turned the controller on and plugged it into the laptop."
    claim = find_claim(extract(text), "laptop")
    assert claim.text == "I plugged it into the laptop."
    assert 'pronoun "it"' in claim.needs_context
    with rules.disabled({"object_it"}):
        assert find_claim(extract(text), "laptop").text == "I plugged the Orvik console into the laptop."


def test_an_object_it_with_no_nearer_noun_is_still_resolved():
    text = "The Orvik console went on sale in Lanzo in 2019. Mara Olsen bought it for 400 euros in 2020."
    assert "Mara Olsen bought the Orvik console for 400 euros in 2020." in claims_text(extract(text))


def test_it_is_not_the_organisation_when_the_previous_sentence_names_a_thing():
    text = "The German automaker says the new wagon will go 300 miles on one charge. It has a 275-horsepower motor."
    claim = find_claim(extract(text), "motor")
    assert claim.text == "It has a 275-horsepower motor."
    assert 'pronoun "It"' in claim.needs_context
    with rules.disabled({"organisation_it"}):
        assert find_claim(extract(text), "motor").text == "The German automaker has a 275-horsepower motor."


def test_it_is_still_the_thing_subject_of_the_previous_sentence():
    texts = claims_text(extract("The new Lanzo ferry carries 400 cars. It sails to Tessaly twice a day."))
    assert "The new Lanzo ferry sails to Tessaly twice a day." in texts


def test_a_bare_noun_subject_is_no_antecedent_for_it():
    text = "Top speed is 200 km/h in the Lanzo R7. It will feature a boost mode in 2020."
    assert not any("Top speed will feature" in t for t in claims_text(extract(text)))
    with rules.disabled({"bare_noun_antecedent"}):
        assert "Top speed will feature a boost mode in 2020." in claims_text(extract(text))


def test_a_quoted_they_is_not_the_articles_previous_subject():
    text = 'Good results came in 2019 for the Lanzo club. "I knew they were a good team in 2018," Ana Ruiz said.'
    claim = find_claim(extract(text), "good team")
    assert claim.text == "Ana Ruiz knew they were a good team in 2018."
    assert 'pronoun "they"' in claim.needs_context
    with rules.disabled({"quoted_they"}):
        assert "good results were a good team" in find_claim(extract(text), "good team").text


def test_a_plural_peoples_name_is_no_antecedent_for_it():
    text = "Democrats won 40 seats in Lanzo in 2019. It would move at its own pace in 2020."
    assert not any("Democrats would move" in t for t in claims_text(extract(text)))
    with rules.disabled({"group_name_number"}):
        assert any("Democrats would move" in t for t in claims_text(extract(text)))


def test_an_antecedent_with_a_pronoun_of_its_own_is_not_written():
    text = (
        "Its cutback on orders of the A380 led Airbus to stop production in 2019. Analysts called it the end of an era "
        "in 2019."
    )
    claim = find_claim(extract(text), "end of an era")
    assert claim.text == "Analysts called it the end of an era in 2019."
    assert 'pronoun "it"' in claim.needs_context
    with rules.disabled({"antecedent_phrase"}):
        assert "called its cutback" in find_claim(extract(text), "end of an era").text
