"""A statement framed for the listener ("Let me say that X", "Remember that X", "Did you know that X?") is X, said by
the same speaker (rules listener_frame and factive_question, claims/extraction/listener_frames.py)."""

from __future__ import annotations

import pytest

from claims.extraction import extract, rules

from .conftest import claims_text, rules_alone

FERRY = "The Varnes ferry company carried 41,000 passengers in 2019."
FUND = "The Orvik harbour fund lost 12 million dollars in 2018."


@pytest.mark.parametrize(
    "sentence, rule, claim",
    [
        ("Let me say that the Varnes ferry company carried 41,000 passengers in 2019.", "listener_frame", FERRY),
        (
            "And let me just say that the Varnes ferry company carried 41,000 passengers in 2019.",
            "listener_frame",
            FERRY,
        ),
        ("Let me remind you that the Varnes ferry company carried 41,000 passengers in 2019.", "listener_frame", FERRY),
        ("Remember that the Varnes ferry company carried 41,000 passengers in 2019.", "listener_frame", FERRY),
        ("Keep in mind that the Varnes ferry company carried 41,000 passengers in 2019.", "listener_frame", FERRY),
        ("Don't forget that the Varnes ferry company carried 41,000 passengers in 2019.", "listener_frame", FERRY),
        # a factive question asserts its clause
        ("Did you know that the Orvik harbour fund lost 12 million dollars in 2018?", "factive_question", FUND),
        ("Do you realize that the Orvik harbour fund lost 12 million dollars in 2018?", "factive_question", FUND),
        ("Have you forgotten that the Orvik harbour fund lost 12 million dollars in 2018?", "factive_question", FUND),
    ],
)
def test_the_framed_clause_is_the_claim(sentence, rule, claim):
    with rules_alone():
        assert claims_text(extract(sentence)) == [claim]
        with rules.disabled({rule}):
            assert claims_text(extract(sentence)) == []


@pytest.mark.parametrize(
    "question",
    [
        "Do you think that the Orvik harbour fund lost 12 million dollars in 2018?",  # asks for a view
        "Did the Orvik harbour fund lose 12 million dollars in 2018?",
        "Don't you know that the Orvik harbour fund lost 12 million dollars in 2018?",  # leans on the answer
    ],
)
def test_other_questions_still_claim_nothing(question):
    assert claims_text(extract(question)) == []
    statement = question.replace("Do you think that ", "").replace("Don't you know that ", "")
    assert claims_text(extract(statement.replace("Did the", "The").replace("lose", "lost").rstrip("?") + ".")) == [
        "The Orvik harbour fund lost 12 million dollars in 2018."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Let's say the Varnes ferry company carried 41,000 passengers in 2019.",  # a supposition
        "Let us say that the Varnes ferry company carried 41,000 passengers in 2019.",
        "Remember the Varnes ferry company and its 41,000 passengers of 2019.",  # no clause framed
        "Let me say a word about the 41,000 passengers of the Varnes ferry company.",
    ],
)
def test_a_frame_around_no_assertion_gives_no_claim(sentence):
    with rules_alone():
        assert claims_text(extract(sentence)) == []
        assert claims_text(extract("Let me say that the Varnes ferry company carried 41,000 passengers in 2019."))


def test_a_subject_of_its_own_is_a_statement_not_a_frame():
    with rules_alone():
        texts = claims_text(extract("The Varnes council remembers that the ferry carried 41,000 passengers in 2019."))
    assert texts and all(text.startswith("The Varnes council") for text in texts)


def test_the_speaker_of_the_frame_is_the_speaker_of_the_claim():
    result = extract(
        '"Let me remind you that the Varnes ferry company carried 41,000 passengers in 2019," Mayor Ana Ruiz said.'
    )
    claim = next(c for c in result.claims if "41,000" in c.text)
    assert claim.text == "The Varnes ferry company carried 41,000 passengers in 2019."
    assert "Ana Ruiz" in claim.speaker
