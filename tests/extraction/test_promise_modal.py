"""A first-person line is a promise, no claim, when a future or conditional modal is its own ("we will cut …",
"we'd cut …"); a modal inside a clause it reports ("we estimated that the bridge would cost …") leaves it a record
(main_clause_modal, contractions)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim, rules_alone


def test_a_first_person_promise_is_not_a_claim():
    with rules_alone():  # the model may keep it (gate.py)
        assert claims_text(extract("We will cut the Brenholt sales tax by 5 percent next year.")) == []
        assert claims_text(extract("We cut the Brenholt sales tax by 5 percent last year.")) != []


def test_a_contracted_would_is_a_promise_too():
    assert claims_text(extract("We'd cut the Brenholt sales tax by 5 percent.")) == []
    with rules.disabled({"contractions"}):
        assert claims_text(extract("We'd cut the Brenholt sales tax by 5 percent.")) != []


def test_a_modal_inside_a_reported_clause_leaves_a_record():
    claim = find_claim(
        extract("We estimated in 2019 that the Hesper bridge would cost 90 million euros."), "90 million"
    )
    assert claim is not None
    assert 'first person "We"' in claim.needs_context


def test_a_modal_inside_a_relative_clause_leaves_a_record():
    claim = find_claim(extract("We planned a ferry line in 2019 which would carry 600 people a day."), "ferry line")
    assert claim.text == "We planned a ferry line in 2019 which would carry 600 people a day."


def test_switched_off_any_modal_makes_a_promise():
    with rules.disabled({"main_clause_modal"}):
        assert claims_text(extract("We planned a ferry line in 2019 which would carry 600 people a day.")) == []


def test_a_contracted_that_is_why_gives_the_reason_as_the_claim():
    texts = claims_text(extract("Lanzo has no airport. That's why the Varnes ferry company runs 12 crossings a day."))
    assert "The Varnes ferry company runs 12 crossings a day." in texts
