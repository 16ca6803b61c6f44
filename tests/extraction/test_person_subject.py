"""He/she is resolved only when sure: the one person named in this and the previous sentence, named as a subject
there, with no nearer subject in the pronoun's own sentence and nothing in the article saying the person's gender
is the other one (rule person_subject)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim


def test_he_is_resolved_to_the_one_person_who_was_the_subject_just_before():
    texts = claims_text(extract("Sarah Lind opened a bakery in Lanzo in 1990. She hired 12 bakers in 1995."))
    assert "Sarah Lind hired 12 bakers in 1995." in texts


def test_a_pronoun_against_the_persons_known_gender_is_left_as_written_and_flagged():
    text = "Mrs. Sarah Lind opened a bakery in Lanzo in 1990. In 2001 he sold 400 loaves a day."
    claim = find_claim(extract(text), "400 loaves")
    assert claim.text == "In 2001 he sold 400 loaves a day."
    assert 'pronoun "he"' in claim.needs_context
    with rules.disabled({"person_subject"}):
        assert "In 2001 Sarah Lind sold 400 loaves a day." in claims_text(extract(text))


def test_the_pronouns_of_a_sentence_about_one_person_tell_that_persons_gender():
    text = "Sarah Lind opened a bakery in Lanzo in 1990. She hired 12 bakers in 1995. In 2001 he sold 400 loaves a day."
    texts = claims_text(extract(text))
    assert "Sarah Lind hired 12 bakers in 1995." in texts
    assert "In 2001 he sold 400 loaves a day." in texts


def test_a_nearer_subject_in_the_pronouns_own_sentence_blocks_the_person_named_before():
    text = "Maria Keller praised the Lanzo ferry in 2019. The new captain said his crew of 40 sailed it daily."
    claim = find_claim(extract(text), "crew of 40")
    assert claim.text == "His crew of 40 sailed it daily."
    assert claim.speaker == "the new captain"
    with rules.disabled({"person_subject"}):
        assert find_claim(extract(text), "crew of 40").text == "Maria Keller's crew of 40 sailed it daily."


def test_a_person_named_further_back_than_the_previous_sentence_is_no_antecedent():
    text = (
        "Tom Baxter founded the Lanzo rowing club in 1950. The club built a boathouse in 1961. "
        "The boathouse holds 30 boats. In 1970 he sold the club to the town for 2 million euros."
    )
    claim = find_claim(extract(text), "2 million")
    assert claim.text.startswith("In 1970 he sold the club")


def test_a_he_resolved_in_the_previous_sentence_carries_the_person_on():
    text = (
        "Tom Baxter teaches geology at Lanzo University. He wrote 12 books on slate quarries. "
        "He won the Orvik medal in 2015."
    )
    assert "Tom Baxter won the Orvik medal in 2015." in claims_text(extract(text))
