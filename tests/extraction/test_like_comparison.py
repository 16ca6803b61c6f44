"""', like X' after a singular noun is a likeness or an approximation, not examples of a kind (rule like_comparison):
the examples rule writes no '<verb> X' claim of it, which would state what the article only compared."""

from __future__ import annotations

from claims.extraction import extract

from .conftest import claims_text

SINGULAR = "In May 2019 Dr Mara Lind thought Ivo Brandt had a lung infection, like flu."
PLURAL = "Lanzo ferries, like the Orvik, carry 300 cars a day."


def test_like_after_a_singular_noun_keeps_the_statement_whole():
    assert claims_text(extract(SINGULAR)) == [SINGULAR]


def test_like_after_a_plural_noun_still_gives_examples():
    assert "The Orvik is one of Lanzo ferries." in claims_text(extract(PLURAL))


def test_without_the_rule_the_likeness_became_a_diagnosis():
    from claims.extraction import rules

    with rules.disabled({"like_comparison"}):
        claims = claims_text(extract(SINGULAR))
    assert "In May 2019 Dr Mara Lind thought Ivo Brandt had flu." in claims
    assert SINGULAR not in claims
