"""Rule wh_fragment: an embedded question or free relative split off on its own is no claim; a sentence whose
wh-word sits in a clause of its own (a subject clause, an adverbial clause) still is one."""

import pytest

from claims.extraction import extract, rules
from claims.extraction.parsing import load_nlp
from claims.extraction.wellformed import garbled

LIST = "The Varnes report set out two things: how much smoke the farms burn and how much the wind spreads it."


def _texts(text: str, off: frozenset = frozenset()) -> list[str]:
    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


def test_items_that_are_embedded_questions_give_no_claim():
    claims = _texts(LIST)
    assert "The Varnes report set out two things." in claims
    assert not any(c.startswith("How much") for c in claims)
    assert any(c.startswith("How much") for c in _texts(LIST, {"wh_fragment"}))


@pytest.mark.parametrize(
    "sentence",
    [
        "What the Varnes council decided was kept secret until 2021.",
        "When the Lanzo mill closed in 1994, 300 workers lost their jobs.",
        "Which ferries sail in winter will decide the size of the Varnes budget.",
    ],
)
def test_a_wh_word_inside_a_clause_of_its_own_leaves_the_sentence_whole(sentence):
    doc = load_nlp()(sentence)
    assert not garbled(list(doc))
    assert sentence in _texts(sentence)


def test_a_free_relative_on_its_own_is_garbled():
    doc = load_nlp()("What is next for the Lanzo ferry company.")
    assert garbled(list(doc))
