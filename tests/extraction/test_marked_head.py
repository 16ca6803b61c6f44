"""Rule marked_head: a claim headed by a verb that has a subordinating word of its own before its subject, after
words that hold no clause, is an adverbial clause without its main clause: no claim. A subject before the word, or
a clause of its own before it, shows the main clause is there."""

from __future__ import annotations

from spacy.tokens import Doc

from claims.extraction.fragments import dangling_subordinate
from claims.extraction.parsing import load_nlp

from .conftest import texts_with_rules_off

ROOTED_ADVERBIAL = "Varnes students faced batons and tear gas, in many cases after youths threw stones."


def test_the_adverbial_clause_the_parse_made_the_root_is_no_claim_and_the_main_clause_still_is():
    texts = texts_with_rules_off(ROOTED_ADVERBIAL)
    assert "Varnes students faced batons." in texts
    assert not any(t.startswith("In many cases") for t in texts)


def test_without_the_rule_the_fragment_was_a_claim():
    assert "In many cases after youths threw stones." in texts_with_rules_off(ROOTED_ADVERBIAL, {"marked_head"})


def test_a_subject_before_the_word_keeps_the_claim_a_preposition_misread():
    preposition = "Senator Ana Ruiz (D-Lanzo) shortly after the arrest linked the fire to the Varnes mayor's remarks."
    assert any("linked the fire" in t for t in texts_with_rules_off(preposition))


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> Doc:
    return Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_clause_before_the_word_keeps_the_claim_however_the_parse_rooted_it():
    # "Orvik said it sold the mill, shortly after Ruiz quit." parsed with "quit" as the root, "said" under it
    words = ["Orvik", "said", "it", "sold", "the", "mill", ",", "shortly", "after", "Ruiz", "quit", "."]
    heads = [1, 10, 3, 1, 5, 3, 10, 10, 10, 10, 10, 10]
    deps = ["nsubj", "ccomp", "nsubj", "ccomp", "det", "dobj", "punct", "advmod", "mark", "nsubj", "ROOT", "punct"]
    tags = ["NNP", "VBD", "PRP", "VBD", "DT", "NN", ",", "RB", "IN", "NNP", "VBD", "."]
    pos = ["PROPN", "VERB", "PRON", "VERB", "DET", "NOUN", "PUNCT", "ADV", "SCONJ", "PROPN", "VERB", "PUNCT"]
    doc = _parsed(words, heads, deps, tags, pos)
    assert not dangling_subordinate(list(doc))
    fragment = doc[7:12]  # "shortly after Ruiz quit.": the same parse without the clause before the word
    assert dangling_subordinate(list(fragment))
