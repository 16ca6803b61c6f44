"""Rule not_only_but: "not only/just X, but Y" asserts X and Y; the X claim loses "not only", never only "not"."""

import pytest

from claims.extraction import extract, rules
from claims.extraction.faithfulness import not_only_split_off, scalar_not
from claims.extraction.parsing import load_nlp


def _texts(text: str, off: frozenset = frozenset()) -> list[str]:
    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "The Varnes ferry service depends not only on tourists, but on freight from Lanzo.",
            "The Varnes ferry service depends on tourists.",
            "The Varnes ferry service depends on freight from Lanzo.",
        ),
        (
            "The answer to the Lanzo fare dispute lies not just in new ferries, but in better harbour governance.",
            "The answer to the Lanzo fare dispute lies in new ferries.",
            "The answer to the Lanzo fare dispute lies in better harbour governance.",
        ),
    ],
)
def test_each_half_is_asserted_and_the_first_keeps_neither_not_nor_only(sentence, first, second):
    claims = _texts(sentence)
    assert first in claims and second in claims
    assert not any(" only on tourists" in c or " just in new ferries" in c for c in claims)


def test_with_the_rule_off_the_first_half_keeps_only_and_inverts_the_meaning():
    claims = _texts(
        "The Varnes ferry service depends not only on tourists, but on freight from Lanzo.", {"not_only_but"}
    )
    assert "The Varnes ferry service depends only on tourists." in claims


def test_a_sentence_left_whole_keeps_not_only():
    claims = _texts("The fare rise in Varnes is not just a problem for the island's ferry operators.")
    assert claims == ["The fare rise in Varnes is not just a problem for the island's ferry operators."]


def test_not_only_before_a_clause_is_left_as_written():
    doc = load_nlp()("It is not merely that the Varnes council cut fares; it also sold two ferries.")
    ids = [t.i for t in doc[:12]]
    assert scalar_not(doc[2])
    assert not_only_split_off(doc, ids, [t.i for t in doc]) == ids


def test_a_plain_negation_is_no_scalar_not():
    doc = load_nlp()("The Varnes council did not cut fares in 2020.")
    assert [t.text for t in doc if scalar_not(t)] == []
    assert any(t.lower_ == "not" for t in doc)
