"""What someone did not tell the reporter is no claim (rule no_comment); a denial with its content and a document's
content stay claims."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extraction import extract, rules

from .conftest import claims_text

PUBLISHED = dt.date(2022, 7, 14)
FACT = "The Varnes ferry carried 300 cars in 2019."


def _claims(text: str) -> list[str]:
    return claims_text(extract(f"{FACT} {text}", published=PUBLISHED, language="en"))


@pytest.mark.parametrize(
    "gap",
    [
        "The Lanzo ministry declined to comment on the report.",
        "The Orvik company did not immediately respond to a request for comment.",
        "The Orvik mayor did not reply to our emailed questions.",
        "Lanzo police did not say when the Orvik bridge would reopen.",
        "The Orvik news agency did not identify the suspects.",
        "Officials in Lanzo did not provide any other details.",
        "Ana Ruiz refused to say whether the Orvik mill would close.",
    ],
)
def test_a_gap_in_the_reporting_gives_no_claim(gap):
    claims = _claims(gap)
    assert FACT in claims
    assert len(claims) == 1, claims


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Minister Ana Ruiz did not say that taxes would rise in 2023.", "did not say that taxes would rise"),
        ("The Lanzo law does not specify a minimum wage.", "does not specify a minimum wage"),
        ("The Orvik army did not respond to the attack with force.", "did not respond to the attack"),
        ("Ana Ruiz refused to pay the 300 euro fine.", "refused to pay the 300 euro fine"),
    ],
)
def test_a_statement_with_content_stays_a_claim(text, needle):
    claims = _claims(text)
    assert any(needle in claim for claim in claims), claims


def test_switched_off_a_refusal_to_comment_is_a_claim_again():
    with rules.disabled({"no_comment"}):
        claims = _claims("The Orvik news agency did not identify the suspects.")
    assert any("did not identify the suspects" in claim for claim in claims), claims


def test_an_indirect_question_cut_out_of_its_sentence_is_no_claim():
    text = "Ana Ruiz explained why the Orvik mill closed in 2019."
    with rules.disabled({"checkworthy_sentence"}):
        on = _claims(text)
        with rules.disabled({"embedded_question"}):
            off = _claims(text)
    assert FACT in on and not any(claim.lower().startswith("why") for claim in on), on
    assert "Why the Orvik mill closed in 2019." in off, off
