"""He/she is not resolved when another pronoun of the same gender nearby stands for someone else: one left unresolved
in the previous sentence before the person named there, or one resolved to another person (rule
competing_pronoun)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim

UNNAMED_HIS = (
    "The club grew after his death, though Tom Baxter said the boathouse was too small. "
    "In 1970 he sold the boathouse for 2 million euros."
)
SISTER_AND_BROTHER = (
    "Maria Keller praised the Lanzo ferry in 2019. Her brother, Tom Keller, said she bought 40 boats in 2018. "
    "In 2020 she sold 12 boats."
)


def test_a_he_after_an_unnamed_his_and_one_person_named_stays_and_is_flagged():
    claim = find_claim(extract(UNNAMED_HIS), "2 million")
    assert claim.text == "In 1970 he sold the boathouse for 2 million euros."
    assert 'pronoun "he"' in claim.needs_context
    with rules.disabled({"competing_pronoun"}):
        assert "In 1970 Tom Baxter sold the boathouse for 2 million euros." in claims_text(extract(UNNAMED_HIS))


def test_a_she_after_a_her_that_stands_for_someone_else_is_not_given_the_other_persons_name():
    claim = find_claim(extract(SISTER_AND_BROTHER), "12 boats")
    assert claim.text == "In 2020 she sold 12 boats."
    with rules.disabled({"competing_pronoun"}):
        assert "In 2020 Tom Keller sold 12 boats." in claims_text(extract(SISTER_AND_BROTHER))


def test_a_he_with_one_person_and_no_other_pronoun_still_resolves():
    text = "Tom Baxter said the boathouse was too small. In 1970 he sold the boathouse for 2 million euros."
    assert "In 1970 Tom Baxter sold the boathouse for 2 million euros." in claims_text(extract(text))


def test_a_speaker_who_is_the_person_binds_the_he_of_the_reported_clause_despite_another_pronoun():
    text = (
        "The club grew after his death, though Tom Baxter said the boathouse was too small. "
        "Baxter said that he sold the boathouse in 1970."
    )
    assert "Tom Baxter sold the boathouse in 1970." in claims_text(extract(text))
