"""What a leading speaker said ends before a second statement of theirs that the parse hangs on the verb of saying or
on what was said (rule reporting_participle_apart): 'X wrote that A," adding "B."' gives A, not 'A, adding B'."""

from __future__ import annotations

from claims.extraction import attribution, extract, rules
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

ON_CONTENT = 'Sarah Miller wrote that the Lanzo ferry "lost 2 million euros in 2023," adding "the council must act."'
ON_VERB = (
    'Sarah Miller later tweeted that the town\'s ferry deficit "has to be a topic at every council meeting," adding '
    '"we need all hands on deck."'
)


def test_the_claim_is_what_was_said_before_the_participle():
    claims = extract(ON_CONTENT).claims
    assert [(c.text, c.speaker) for c in claims] == [
        ('The Lanzo ferry "lost 2 million euros in 2023".', "Sarah Miller")
    ]
    assert claims_text(extract(ON_VERB)) == ['The town\'s ferry deficit "has to be a topic at every council meeting".']


def test_the_attributed_content_stops_before_the_participle():
    doc = load_nlp()(ON_CONTENT)
    found = attribution.find(next(doc.sents))
    assert found is not None
    assert doc[found.content[-1]].text == '"'
    assert "adding" not in {doc[i].text for i in found.content}
    assert "lost" in {doc[i].text for i in found.content}


def test_a_participle_that_reports_nothing_is_left_to_the_other_rules():
    text = "Sarah Miller said the Lanzo ferry lost 2 million euros in 2023, adding to the town's deficit."
    assert claims_text(extract(text)) == ["The Lanzo ferry lost 2 million euros in 2023."]


def test_without_the_rule_the_second_statement_was_glued_on():
    with rules.disabled({"reporting_participle_apart"}):
        claims = claims_text(extract(ON_CONTENT))
    assert claims == ['The Lanzo ferry "lost 2 million euros in 2023," adding "the council must act".']
