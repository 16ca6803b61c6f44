"""Rule second_reported_clause: "X says A, and that B" gives A and B, both said by X, whichever verb the parse hangs
the second "that" clause on."""

from claims.extraction import extract, rules

ON_THE_VERB_OF_SAYING = (
    "Ford says it will sell the seats in all Bronco models, and that future versions of the seats will have "
    "leather covers."
)
ON_THE_REPORTED_CLAUSE = "Tom Cole said the ferry lost 2 million euros in 2020, and that fuel prices doubled in 2021."


def _claims(text: str, off: frozenset = frozenset()):
    with rules.disabled(off):
        return {c.text: c.speaker for c in extract(text).claims}


def test_a_second_clause_hung_on_the_verb_of_saying_is_a_claim_of_its_own():
    claims = _claims(ON_THE_VERB_OF_SAYING)
    assert claims["Ford will sell the seats in all Bronco models."] == "Ford"
    assert claims["Future versions of the seats will have leather covers."] == "Ford"
    assert not any("and that" in text for text in claims)


def test_a_second_clause_hung_on_the_first_loses_its_that():
    claims = _claims(ON_THE_REPORTED_CLAUSE)
    assert claims["Fuel prices doubled in 2021."] == "Tom Cole"
    assert claims["The ferry lost 2 million euros in 2020."] == "Tom Cole"


def test_with_the_rule_off_the_clauses_stay_glued_or_the_second_is_lost():
    glued = _claims(ON_THE_VERB_OF_SAYING, frozenset({"second_reported_clause"}))
    assert any(", and that future versions" in text for text in glued)
    lost = _claims(ON_THE_REPORTED_CLAUSE, frozenset({"second_reported_clause"}))
    assert "The ferry lost 2 million euros in 2020." in lost
    assert "Fuel prices doubled in 2021." not in lost
