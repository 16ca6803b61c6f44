"""It/they are resolved to the previous sentence's subject only when their own sentence has no nearer subject
before them that they could stand for, never to a name further back, and "as it turned out" stands for nothing
(rule subject_antecedent)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim

NEARER_THAT = "The Orvik choir toured Canada in 1958. While that was a long tour, it earned 40,000 euros."


def test_it_after_a_demonstrative_subject_in_its_own_sentence_is_left_as_written_and_flagged():
    claim = find_claim(extract(NEARER_THAT), "40,000 euros")
    assert claim.text == "It earned 40,000 euros."
    assert 'pronoun "it"' in claim.needs_context
    with rules.disabled({"subject_antecedent"}):
        assert "The Orvik choir earned 40,000 euros." in claims_text(extract(NEARER_THAT))


def test_a_subject_that_cannot_be_it_does_not_block_the_previous_subject():
    texts = claims_text(extract("The Orvik bridge was closed in 2019. Engineers had found deep cracks in it."))
    assert any(t.casefold() == "engineers had found deep cracks in the orvik bridge." for t in texts)


def test_it_after_an_unclassed_name_that_may_be_a_person_is_not_that_name():
    text = "The Orvik choir toured Canada in 1958. Ana Ruiz said it was the best tour of 40 years."
    assert "Ana Ruiz was the best tour of 40 years." not in claims_text(extract(text))
    assert "The Orvik choir toured Canada in 1958." in claims_text(extract(text))


def test_it_is_still_the_previous_sentences_subject_when_nothing_nearer_stands_between():
    texts = claims_text(extract("The Orvik choir was founded in 1921. It toured Canada in 1958."))
    assert "The Orvik choir toured Canada in 1958." in texts


def test_as_it_turned_out_is_no_referent():
    text = "The Lanzo ferry company bought a boat in 2019. As it turned out, the boat carried 300 cars."
    texts = claims_text(extract(text))
    assert any(t.startswith("As it turned out, the boat carried 300 cars") for t in texts)
    assert not any("Lanzo ferry company turned out" in t for t in texts)
