"""A contracted "'s" before "been", "got" or "had" is "has" when a claim is written out (rule contracted_has)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.faithfulness import contraction
from claims.extraction.parsing import load_nlp
from claims.extraction.pipeline.rendering import CONTRACTIONS

from .conftest import claims_text

TEXT = "The Lanzo mill closed in 2019. It's been empty since 2020."


def _apostrophe_s(text: str):
    return next(t for t in load_nlp()(text) if t.lower_ == "'s")


def test_s_before_been_is_has_and_before_an_adjective_is_is():
    assert contraction(_apostrophe_s("It's been empty since 2020."), CONTRACTIONS) == "has"
    assert contraction(_apostrophe_s("It's got a new roof."), CONTRACTIONS) == "has"
    assert contraction(_apostrophe_s("It's empty since 2020."), CONTRACTIONS) == "is"


def test_the_claim_reads_has_been():
    assert "The Lanzo mill has been empty since 2020." in claims_text(extract(TEXT))


def test_without_the_rule_the_claim_read_is_been():
    with rules.disabled({"contracted_has"}):
        assert "The Lanzo mill is been empty since 2020." in claims_text(extract(TEXT))
