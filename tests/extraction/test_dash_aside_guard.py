"""Rule dash_aside_guard: a clause cut through an aside set apart by dashes is no claim."""

from __future__ import annotations

from claims.extraction import brackets
from claims.extraction.parsing import load_nlp

from .conftest import texts_with_rules_off

CUT = (
    "In Lanzo, the Green candidate, Ana Ruiz - whose father, as mayor, built the Varnes bridge - promised to cut "
    "ferry fares and attacked Ivo Brandt over his plan for tolls."
)


def test_a_clause_cut_through_the_aside_is_no_claim():
    texts = texts_with_rules_off(CUT)
    assert texts == [
        "In Lanzo, the Green candidate, Ana Ruiz - whose father, as mayor, built the Varnes bridge - promised to cut "
        "ferry fares."
    ]


def test_without_the_rule_the_aside_was_cut_into_a_garble():
    assert "The Green candidate, Ana Ruiz - whose father, as mayor, attacked Ivo Brandt over his plan for tolls." in (
        texts_with_rules_off(CUT, {"dash_aside_guard"})
    )


def test_a_clause_that_keeps_the_whole_aside_cut_nothing():
    text = "Sales at Lanzo Mills rose 12% in 2023 - the fastest pace in a decade - and profits doubled."
    assert texts_with_rules_off(text) == ["Sales at Lanzo Mills rose 12% in 2023 - the fastest pace in a decade."]


def test_em_dashes_pair_up_and_hyphens_inside_words_do_not():
    doc = load_nlp()("The co-founder of Lanzo Mills\u2014a Varnes native\u2014sold 2 million shares in 2019.")
    sent = next(doc.sents)
    opener, closer = [t.i for t in doc if t.text == "\u2014"]
    native = next(t.i for t in doc if t.text == "native")
    everything = {t.i for t in doc}
    assert brackets.cuts_dash_aside(sent, everything - {native, closer})
    assert not brackets.cuts_dash_aside(sent, everything)
    assert not brackets.cuts_dash_aside(sent, {i for i in everything if not opener <= i <= closer})
    hyphen = next(t.i for t in doc if t.text == "-")
    assert not brackets._dash(doc[hyphen])
    assert brackets._dash(doc[opener])
