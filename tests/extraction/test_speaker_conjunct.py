"""Rule speaker_conjunct: "X said the injuries were caused by Y and urged Z to …" -> X urged Z to …, never "The
injuries urged …" or "The injuries were called on …"."""

from claims.extraction import extract, rules

URGED = (
    "The Varnes ombudsman's office said the injuries were caused by rubber bullets and urged the council to "
    "withdraw police units from the square."
)
CALLED_ON = (
    "The Varnes ombudsman's office said the injuries were caused by rubber bullets and called on the council to "
    "withdraw police units from the square."
)


def _texts(text: str, off: frozenset = frozenset()) -> list[str]:
    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


def test_the_directive_is_the_speakers():
    texts = _texts(URGED)
    assert "The Varnes ombudsman's office urged the council to withdraw police units from the square." in texts
    assert "The injuries were caused by rubber bullets." in texts
    assert not any(t.startswith("The injuries urged") for t in texts)


def test_a_prepositional_directive_borrows_no_passive_auxiliary():
    texts = _texts(CALLED_ON)
    assert any(t.startswith("The Varnes ombudsman's office called on the council to withdraw") for t in texts)
    assert not any(t.startswith("The injuries were called") for t in texts)


def test_with_the_rule_off_the_injuries_urge():
    assert any(t.startswith("The injuries urged") for t in _texts(URGED, frozenset({"speaker_conjunct"})))


def test_a_named_passive_subject_keeps_the_directive():
    # Tom Cole could ask for time himself: the parse's reading stands
    texts = _texts("Police said Tom Cole was fined by the court and asked the judge for more time.")
    assert "Tom Cole asked the judge for more time." in texts
