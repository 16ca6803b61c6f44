"""Coordinated subjects: each conjunct keeps a claim of its own, with a verb that agrees with it; a name borrows no
"the"; a later they/them/their that stands for the group keeps the sentence whole (rules conjunct_subject,
coordination_agreement)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.lexicon import has_subject
from claims.extraction.parsing import load_nlp

from .conftest import claims_text


def test_each_subject_conjunct_gives_a_claim_with_a_singular_verb():
    texts = claims_text(extract("The Lanzo ferry and the Tessaly bus carry 900 people a day."))
    assert "The Lanzo ferry carries 900 people a day." in texts
    assert "The Tessaly bus carries 900 people a day." in texts


def test_without_conjunct_subject_the_second_conjunct_was_lost():
    with rules.disabled({"conjunct_subject"}):
        texts = claims_text(extract("The Lanzo ferry and the Tessaly bus carry 900 people a day."))
    assert "The Lanzo ferry carries 900 people a day." in texts
    assert not any("Tessaly" in t for t in texts)


def test_a_later_conjunct_counts_as_the_clause_subject():
    doc = load_nlp()("The Lanzo ferry and the Tessaly bus carry 900 people a day.")
    bus = next(t for t in doc if t.text == "bus")
    assert bus.dep_ == "conj"
    assert has_subject([t for t in doc if t.i >= bus.i - 2])
    with rules.disabled({"conjunct_subject"}):
        assert not has_subject([t for t in doc if t.i >= bus.i - 2])


def test_a_name_conjunct_borrows_no_the_and_a_group_pronoun_keeps_the_sentence_whole():
    names = claims_text(extract("The Lanzo ferry company and Tessaly Lines serve 12 ports."))
    assert not any(t.startswith("The Tessaly Lines") for t in names)
    group = claims_text(extract("Lanzo County and Tessaly County face floods each spring when storms hit them."))
    assert group == ["Lanzo County and Tessaly County face floods each spring when storms hit them."]


def test_a_list_after_a_group_noun_is_not_split():
    texts = claims_text(
        extract("The Lanzo smog is arising from a mix of weather conditions, car exhaust, and coal smoke.")
    )
    assert texts == ["The Lanzo smog is arising from a mix of weather conditions, car exhaust, and coal smoke."]
    with rules.disabled({"whole_coordination"}):
        assert "The Lanzo smog is arising from a coal smoke." in claims_text(
            extract("The Lanzo smog is arising from a mix of weather conditions, car exhaust, and coal smoke.")
        )


def test_a_focus_adverb_keeps_the_list_whole_and_a_plain_list_is_still_split():
    assert claims_text(extract("Orvik games are mainly shown on Lanzo TV and Tessaly Radio.")) == [
        "Orvik games are mainly shown on Lanzo TV and Tessaly Radio."
    ]
    plain = claims_text(extract("Orvik TV shows games on Mondays and Fridays."))
    assert plain == ["Orvik TV shows games on Mondays.", "Orvik TV shows games on Fridays."]
