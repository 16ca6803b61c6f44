"""Coordinated clauses where a later conjunct shares an earlier verb without repeating it (gapping: "60 percent were
local, 25 percent foreign") are not split at the verbs when the verbless conjunct stands past a later verb's clause
(rule gapped_conjunct); a verbless conjunct right after its own verb keeps its "and"."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.verbs import split_coordination
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

GAPPED = (
    "Of the riders in the Lanzo race, 77 percent were aged 26 or above, 65 percent were local, 11 percent were "
    "foreign, 15 percent Danish, and 9 of another country."
)
SHARED_VERB = (
    "Rising tin prices drove Lanzo shares to a record high and a measure of Tessaly bonds to their lowest in two "
    "years, but those gains were lost later in the day."
)


def test_the_gapped_statement_stays_whole_with_every_share():
    assert claims_text(extract(GAPPED)) == [GAPPED]


def test_the_rule_makes_one_clause_of_the_coordination():
    doc = load_nlp()(GAPPED)
    assert len(split_coordination(doc, {t.i for t in doc})) == 1


def test_without_the_rule_a_claim_ended_in_a_dangling_and():
    # cut_after_function_word would drop that claim afterwards (the garble stays out either way); off here to show it
    with rules.disabled({"gapped_conjunct", "cut_after_function_word"}):
        claims = claims_text(extract(GAPPED))
    assert any(claim.endswith(", and.") for claim in claims)


def test_a_verbless_conjunct_next_to_its_verb_keeps_its_and_and_the_other_clause_is_split():
    claims = claims_text(extract(SHARED_VERB))
    assert claims == [
        "Rising tin prices drove Lanzo shares to a record high and a measure of Tessaly bonds to their lowest in two "
        "years.",
        "Those gains were lost later in the day.",
    ]


def test_plain_coordinated_verbs_are_still_split():
    claims = claims_text(extract("The Orvik choir was founded in 1921 and toured Canada in 1958."))
    assert claims == ["The Orvik choir was founded in 1921.", "The Orvik choir toured Canada in 1958."]
