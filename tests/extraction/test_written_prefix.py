"""A fuller name written over a name span does not repeat words the text already has before the span."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from claims.extraction.pipeline.context import written_prefix_start


def _doc(text: str) -> Doc:
    return Doc(Vocab(), words=text.split())


def test_a_title_already_written_before_the_name_is_taken_into_the_replacement():
    doc = _doc("said Prince Edward on Monday")
    assert written_prefix_start(doc, 2, "Prince Edward") == 1  # over "Prince Edward", not "Prince Prince Edward"


def test_a_first_name_already_written_is_taken_in_with_its_title():
    doc = _doc("then Mayor Ellen Ward left")
    assert written_prefix_start(doc, 3, "Mayor Ellen Ward") == 1


def test_other_words_before_the_name_stay_outside_the_replacement():
    doc = _doc("then Edward left")
    assert written_prefix_start(doc, 1, "Prince Edward") == 1
    assert written_prefix_start(doc, 0, "Prince Edward") == 0  # nothing before the span at all
