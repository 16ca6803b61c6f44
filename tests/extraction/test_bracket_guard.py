"""No claim is cut through a bracket (rule bracket_guard): a bracket whose partner fell in another sentence goes
alone when it closes, and the claim ends before it when it opens, if it keeps its finite verb; a bracket inside a
word ("(multi)media") is no cut."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.brackets import without_cut_brackets
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

OPEN_LEFT = "The Lanzo ferry beat the Varnes ferry by 7 minutes (the record. The Varnes ferry was faster in 2019."
CLOSED_ALONE = "The Varnes council won the vote 12-2, 9-5). The Lanzo council lost the vote in 2019."


def test_a_claim_ends_before_a_bracket_left_open():
    assert "The Lanzo ferry beat the Varnes ferry by 7 minutes." in claims_text(extract(OPEN_LEFT))


def test_a_closing_bracket_whose_opening_is_elsewhere_goes_alone():
    assert "The Varnes council won the vote 12-2, 9-5." in claims_text(extract(CLOSED_ALONE))


def test_a_bracket_inside_a_word_is_kept():
    doc = load_nlp()("The Lanzo studio produces (multi)media installations for the Varnes museum.")
    sent = next(iter(doc.sents))
    ids = [t.i for t in sent]
    assert without_cut_brackets(sent, ids) == ids


def test_a_clause_inside_a_pair_loses_only_the_stray_bracket():
    doc = load_nlp()("The Lanzo ferry sank (it was raised in 2020).")
    sent = next(iter(doc.sents))
    inside = [t.i for t in sent if t.i > 4]  # "it was raised in 2020)."
    assert [doc[i].text for i in without_cut_brackets(sent, inside)] == ["it", "was", "raised", "in", "2020", "."]


def test_a_clause_across_a_cut_pair_is_no_claim():
    doc = load_nlp()("The Lanzo ferry sank (it was raised in 2020).")
    sent = next(iter(doc.sents))
    across = [t.i for t in sent if t.i < 6]  # "The Lanzo ferry sank (it was"
    assert without_cut_brackets(sent, across) is None


def test_without_the_rule_the_half_brackets_stayed():
    with rules.disabled({"bracket_guard"}):
        assert "The Lanzo ferry beat the Varnes ferry by 7 minutes (the record." in claims_text(extract(OPEN_LEFT))
        assert "The Varnes council won the vote 12-2, 9-5)." in claims_text(extract(CLOSED_ALONE))
