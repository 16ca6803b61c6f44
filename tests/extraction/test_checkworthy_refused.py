"""A declarative sentence the rules refuse for what it is (a promise, a plan, a judgement, advice) is kept, in its own
words, when the check-worthiness model scores it at or above gate.KEEP_REFUSED (rule checkworthy_refused): such words
often carry a record. Advice, or one that says nothing ("declined to comment"), stays no claim however high it
scores."""

from __future__ import annotations

from claims.extraction import extract, gate, rules

from .conftest import claims_text

PROMISE_WITH_FIGURE = "We will cut the Orvik sales tax by 5 percent next year."
PROMISE = "We will cut the Orvik sales tax."
FRAMED_RECORD = "We cannot ignore that youth unemployment in Orvik is at 40 percent."


def test_a_refused_sentence_the_model_scores_high_is_kept_in_its_own_words(figures_model):
    claims = extract(PROMISE_WITH_FIGURE).claims
    assert [c.text for c in claims] == [PROMISE_WITH_FIGURE]
    assert isinstance(claims[0], gate.GatedRefused)
    assert claims[0].decomposed is False
    assert claims[0].checkworthiness >= gate.KEEP_REFUSED


def test_a_record_inside_a_speakers_frame_is_kept(figures_model):
    assert claims_text(extract(FRAMED_RECORD)) == [FRAMED_RECORD]


def test_a_refused_sentence_the_model_scores_low_stays_no_claim(figures_model):
    assert claims_text(extract(PROMISE)) == []
    assert claims_text(extract(PROMISE_WITH_FIGURE)) == [PROMISE_WITH_FIGURE]


def test_advice_or_a_sentence_that_says_nothing_stays_no_claim_however_high_it_scores(keen_model):
    assert claims_text(extract("It is important to note that the Orvik mill closed in 1994.")) == []
    assert claims_text(extract("It is possible that the Orvik mill closed early.")) == []
    assert claims_text(extract("A spokesperson for Orvik Mills declined to comment.")) == []
    assert claims_text(extract("Orvik Mills has not replied to our emails.")) == []
    assert claims_text(extract("She vowed in a message to the Orvik council.")) == []
    assert claims_text(extract("Ana Ruiz said the Orvik mill closed in 1994.")) != []


def test_with_the_rule_off_a_promise_or_a_judgement_stays_no_claim_however_high_it_scores(keen_model):
    with rules.disabled({gate.REFUSED_RULE}):
        assert claims_text(extract(PROMISE_WITH_FIGURE)) == []
        assert claims_text(extract("I believe the Orvik mill was a terrible place to work.")) == []
        assert claims_text(extract("It is possible that the Orvik mill closed early.")) == []
        assert claims_text(extract("I believe the Orvik mill closed early.")) == [
            "I believe the Orvik mill closed early."
        ]
