"""A declarative sentence the rules turn down becomes a claim in its own words when the check-worthiness model scores
it at or above gate.KEEP (rule checkworthy_sentence); one the model scores low stays no claim."""

from __future__ import annotations

import pytest

from claims.extraction import checkworthiness, extract, gate, rules

from .conftest import claims_text

HIGH = "I believe the Orvik mill closed in 1994 with 300 jobs lost."  # an opinion verb: no rule keeps it
LOW = "I believe the Orvik mill was a lovely old building."


def test_a_sentence_the_model_scores_high_that_no_rule_keeps_becomes_one_claim_in_its_own_words(figures_model):
    claims = extract(HIGH).claims
    assert [c.text for c in claims] == [HIGH]
    assert claims[0].decomposed is False
    assert claims[0].checkworthiness == pytest.approx(0.9, abs=1e-3)
    assert 'first person "I"' in claims[0].needs_context


def test_a_sentence_the_model_scores_low_gives_no_claim(figures_model):
    assert claims_text(extract(LOW)) == []
    assert claims_text(extract(HIGH)) == [HIGH]


def test_the_claims_the_rules_keep_stay_whatever_the_model_says(figures_model):
    claims = extract("The Orvik mill was a lovely old building.").claims
    assert [c.text for c in claims] == ["The Orvik mill was a lovely old building."]
    assert claims[0].checkworthiness < gate.KEEP
    assert not isinstance(claims[0], gate.GatedSentence)


def test_a_pronoun_nothing_resolves_is_left_as_written_and_flagged(figures_model):
    claims = extract("Mara Olsen met Ivo Brandt in Lanzo in 2019. I believe he found 3 tin alloys in 1988.").claims
    kept = [c for c in claims if isinstance(c, gate.GatedSentence)]
    assert [c.text for c in kept] == ["I believe he found 3 tin alloys in 1988."]
    assert 'pronoun "he"' in kept[0].needs_context


def test_a_question_is_never_a_claim_however_high_it_scores(figures_model):
    assert claims_text(extract("Did the Orvik mill close in 1994 with 300 jobs lost?")) == []
    assert claims_text(extract("The Orvik mill closed in 1994 with 300 jobs lost.")) != []


def test_switched_off_the_rule_keeps_no_sentence_the_rules_turned_down(figures_model):
    with rules.disabled({gate.RULE}):
        assert claims_text(extract(HIGH)) == []
    assert claims_text(extract(HIGH)) == [HIGH]


def test_the_given_model_scores_only_inside_the_block(figures_model):
    assert checkworthiness.model() is figures_model
    with checkworthiness.using(checkworthiness.Model.from_file(checkworthiness.MODEL_FILE)):
        assert checkworthiness.model() is not figures_model
    assert checkworthiness.model() is figures_model


def test_a_sentence_the_rules_drop_whatever_it_says_is_no_plain_candidate(keen_model):
    # an opening "it" nothing resolved, advice: only their own stricter rules offer them to the model
    with rules.disabled({gate.UNRESOLVED_RULE, gate.REFUSED_RULE}):
        assert claims_text(extract("It is possible that the Orvik mill closed early.")) == []
        assert claims_text(extract("Perhaps the Orvik mill closed early.")) == ["Perhaps the Orvik mill closed early."]


def test_a_sentence_with_a_link_is_no_claim_however_high_it_scores(keen_model):
    assert claims_text(extract("I believe the Orvik mill keeps its records at https://orvik.example.org now.")) == []
    assert claims_text(extract("I believe the Orvik mill keeps its records in Lanzo now.")) != []
