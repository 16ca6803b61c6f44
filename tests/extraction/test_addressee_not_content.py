"""A verb of telling names whom someone told, not what: "Ana Ruiz told the Lanzo Courier in an interview." says nothing
to check (rule addressee_not_content), while what was told, in a clause or as "of/about …", stays a claim."""

from __future__ import annotations

import pytest

from claims.extraction import extract, rules


def claims_of(text: str) -> list[str]:
    return [claim.text for claim in extract(text).claims]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz told the Lanzo Courier in an interview.",
        "Ivo Brandt, the mayor of Lanzo, told the regional daily Kurier in an interview on Monday.",
        "The harbour master assured fishermen on Tuesday.",
        "Ana Ruiz has told the Lanzo Courier in an interview.",
    ],
)
def test_telling_someone_without_what_was_told_is_no_claim(text):
    found = claims_of(text + " The Varnes ferry carried 300 cars in 2019.")
    assert "The Varnes ferry carried 300 cars in 2019." in found
    assert not any(" told " in claim or " assured " in claim for claim in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ivo Brandt told the council that the Varnes ferry carried 300 cars in 2019.", "300 cars in 2019"),
        ("Ivo Brandt informed the board of the closure of the Lanzo mill in 2019.", "closure of the Lanzo mill"),
        ("Ivo Brandt told a story about the 1994 flood in Lanzo.", "1994 flood"),
        ("Shareholders of Orvik Lines were told 40 euros a share in 2019.", "40 euros a share"),
        ("Clerk Ivo Brandt tells the Courier that he argued with the shirtless man.", "argued with the shirtless man"),
        (
            "Ivo Brandt told the Lanzo Courier at a briefing on Monday that the Varnes ferry will resume crossings.",
            "The Varnes ferry will resume crossings",
        ),
    ],
)
def test_what_was_told_keeps_its_claim(text, expected):
    assert any(expected in claim for claim in claims_of(text))


def test_switched_off_the_addressee_counts_as_what_was_told_again():
    text = "Ana Ruiz told the Lanzo Courier in an interview."
    with rules.disabled(["addressee_not_content"]):
        assert claims_of(text) == [text]
    assert claims_of(text) == []
