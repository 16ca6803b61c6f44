"""bench/pipeline.py --fresh: every copy of an article is new text, so its claims are new claims."""

import random

from bench.pipeline import fresh_copy, proper_nouns
from claims.matching.decide import join_conflict

TEXTS = [
    "Mayor Okonkwo said on Monday that 412 homes in Brightwater had lost power for 36 hours.",
    "The storm reached Halvorsen county, where officials counted 1,250 fallen trees.",
    "Residents told the Brightwater Gazette that the repairs cost 9 million dollars.",
]


def test_proper_nouns_are_mid_sentence_capitals_never_written_in_lower_case():
    assert proper_nouns(TEXTS) == ["Brightwater", "Gazette", "Halvorsen", "Monday", "Okonkwo"]


def test_a_fresh_copy_changes_every_number_and_every_name():
    pool = proper_nouns(TEXTS)
    original = TEXTS[0]
    copy = fresh_copy(original, pool, random.Random(1))

    assert copy.startswith("Mayor ")
    assert " said on Monday that " in copy
    assert set(copy.split()) & {"412", "36", "Okonkwo", "Brightwater"} == set()
    assert join_conflict(original, copy) == "different numbers"


def test_a_fresh_copy_keeps_the_digit_count_of_each_number():
    copy = fresh_copy("They counted 7 boats and 2048 nets.", [], random.Random(3))

    words = copy.rstrip(".").split()
    assert len(words[2]) == 1 and words[2].isdigit() and words[2] != "7"
    assert len(words[5]) == 4 and words[5].isdigit() and words[5] != "2048"


def test_a_fresh_copy_of_html_changes_text_and_keeps_markup():
    pool = proper_nouns(TEXTS)
    html = '<p class="x2"><a href="/Brightwater/412">Brightwater</a> has 412 homes.</p>'

    copy = fresh_copy(html, pool, random.Random(5))

    assert copy.startswith('<p class="x2"><a href="/Brightwater/412">')
    assert copy.endswith(" homes.</p>")
    assert ">Brightwater<" not in copy and " 412 " not in copy


def test_fresh_copies_are_the_same_on_every_run():
    pool = proper_nouns(TEXTS)

    assert fresh_copy(TEXTS[1], pool, random.Random("7-1")) == fresh_copy(TEXTS[1], pool, random.Random("7-1"))


def test_a_name_written_in_lower_case_only_in_markup_or_scripts_is_still_a_name():
    html = (
        '<p>The report by <a href="/brightwater/okonkwo">Mayor Okonkwo</a> reached Brightwater.</p>'
        "<script>var okonkwo = 'brightwater';</script>"
    )

    assert proper_nouns([html]) == ["Brightwater", "Okonkwo"]
