"""A reporting verb's subject that stands inside a quotation of its sentence is no speaker (rule
speaker_outside_quotation): a quoted "you first" is not who said it; the name between the closing mark and the verb
is, and when none is found there the quotation gets no wrong speaker."""

from __future__ import annotations

from claims.extraction import extract, rules

MOOD = (
    "\"Part of the trouble is that there is a mood of 'Oh no, you first,' 'No, you first,'\" Ana Ruiz said. "
    '"No single firm in Lanzo wants to cut its output by 40 percent while the other firms keep theirs."'
)
PLAN = MOOD + (
    "\n\nIvo Brandt recalled the fear of going on without the last song: \"The plan just said something like, 'Mara "
    'sings a great song and everyone in Lanzo cheers. The end,\'" Brandt said. "I had faith that we could fix it '
    'by 2019, but it was really worrying."'
)


def speakers(text: str) -> dict[str, str]:
    return {c.text: c.speaker for c in extract(text).claims}


def test_the_name_after_the_closing_mark_is_the_speaker():
    found = speakers(MOOD)
    firm = "No single firm in Lanzo wants to cut its output by 40 percent while the other firms keep theirs."
    assert found[firm] == "Ana Ruiz"
    assert set(found.values()) == {"Ana Ruiz"}


def test_a_quoted_subject_gives_no_claim_a_speaker():
    assert "the plan" not in {s.casefold() for s in speakers(PLAN).values()}


def test_a_plain_trailing_speaker_is_unchanged():
    text = '"The Lanzo mill employed 300 people in 1950," Ana Ruiz said.'
    assert speakers(text) == {"The Lanzo mill employed 300 people in 1950.": "Ana Ruiz"}


def test_without_the_rule_the_quoted_words_were_the_speakers():
    with rules.disabled({"speaker_outside_quotation"}):
        mood, plan = speakers(MOOD), speakers(PLAN)
    assert "you first" in mood.values()
    assert "the plan" in {s.casefold() for s in plan.values()}
