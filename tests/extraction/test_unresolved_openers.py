"""A statement about a person who is not named again ("He voted for …"), or one with a figure or a superlative
("This is the largest deal since 1950"), is kept in the article's words and flagged "needs context"; any other
statement opening with an unresolved it/this/that is still not stored (rules keep_person_pronoun_claims,
keep_figure_pronoun_claims, drop_unresolved)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim, rules_alone

TWO_PEOPLE = "Ana Ruiz met Ivo Brandt in Lanzo. He voted against the budget of Lanzo."


def test_an_unresolved_he_opening_a_statement_is_kept_and_flagged():
    claim = find_claim(extract(TWO_PEOPLE), "budget of Lanzo")
    assert claim.text == "He voted against the budget of Lanzo."
    assert 'pronoun "He"' in claim.needs_context


def test_without_the_rule_it_was_dropped():
    with rules.disabled({"keep_person_pronoun_claims"}), rules_alone():  # the model may keep it (gate.py)
        assert claims_text(extract(TWO_PEOPLE)) == ["Ana Ruiz met Ivo Brandt in Lanzo."]


def test_an_unresolved_this_opening_a_statement_is_still_dropped():
    text = "Ana Ruiz met Ivo Brandt in Lanzo. This angered the mayor of Lanzo."
    assert claims_text(extract(text)) == ["Ana Ruiz met Ivo Brandt in Lanzo."]
    with rules.disabled({"drop_unresolved"}):
        assert "This angered the mayor of Lanzo." in claims_text(extract(text))  # dropped for its opening alone


def test_an_unresolved_this_with_a_superlative_and_a_date_is_kept_and_flagged():
    text = "Lanzo and Tessaly signed the deal. This is the largest wool deal since 1950."
    claim = find_claim(extract(text), "largest wool deal")
    assert claim.text == "This is the largest wool deal since 1950."
    assert 'demonstrative "This"' in claim.needs_context
    with rules.disabled({"keep_figure_pronoun_claims"}), rules_alone():  # the model may keep it (gate.py)
        assert find_claim(extract(text), "largest wool deal") is None
