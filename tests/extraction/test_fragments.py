"""A fragment is no claim: a subordinate clause without its main clause, a 'that' whose clause is missing, and
'even though X' gives X, not 'Even X' (rule dangling_subordinate, causal_contrastive_clause)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.fragments import dangling_subordinate
from claims.extraction.parsing import load_nlp

from .conftest import claims_text


def test_a_that_without_its_clause_gives_no_claim():
    text = "Ana Ruiz won the Lanzo race in 2019. Sports editor Ivo Brandt has reported that for his role in the race."
    texts = claims_text(extract(text))
    assert texts == ["Ana Ruiz won the Lanzo race in 2019."]
    with rules.disabled({"dangling_subordinate"}):
        assert len(claims_text(extract(text))) == 2


def test_that_as_a_determiner_is_no_missing_clause():
    doc = load_nlp()("The Lanzo wool fund does not come close to covering that $40 million shortfall.")
    that = next(t for t in doc if t.lower_ == "that")
    assert that.dep_ == "det"  # whatever part of speech the tagger gives it
    assert not dangling_subordinate(list(doc))
    assert claims_text(extract(doc.text)) == [doc.text]
    assert dangling_subordinate(list(load_nlp()("The Lanzo council has reported that for its second year.")))


def test_a_subordinate_clause_alone_is_a_fragment_but_a_conditional_sentence_is_not():
    doc = load_nlp()("So you know if the cabins need to be booked 40 days ahead.")
    assert dangling_subordinate([t for t in doc if t.i >= 3])  # "if the cabins need …" without "you know"
    assert not dangling_subordinate(list(doc))
    assert claims_text(extract("If the tax passes, Lanzo will lose 300 jobs.")) == [
        "If the tax passes, Lanzo will lose 300 jobs."
    ]


def test_even_though_gives_the_clause_without_even():
    texts = claims_text(
        extract("Even though Ivo Brandt left the Orvik choir in 2010, he still pays 40 euros a year to it.")
    )
    assert "Ivo Brandt left the Orvik choir in 2010." in texts
    assert not any(t.startswith("Even ") for t in texts)


def test_a_comma_does_not_save_a_subordinate_clause_that_has_no_main_clause_after_it():
    doc = load_nlp()("Although the ferry was late, in 2019.")
    assert dangling_subordinate(list(doc))
    with rules.disabled({"dangling_subordinate"}):
        assert not dangling_subordinate(list(doc))


def test_an_inversion_that_would_open_with_its_verb_is_no_claim():
    text = "Diesel cars pollute Lanzo's air. So is coal-fired power generation."
    assert claims_text(extract(text)) == ["Diesel cars pollute Lanzo's air."]
    with rules.disabled({"dangling_subordinate"}):
        assert "Is coal-fired power generation." in claims_text(extract(text))
