"""Rule quoted_contraction: a contraction inside a quotation or title kept in its marks stays as written."""

from claims.extraction import extract, rules

TEXT = 'Nurses with drums played "We\'re Still Here" from the steps of Boise City Hall in 2019.'


def _texts(text: str, off: frozenset = frozenset()) -> list[str]:
    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


def test_a_title_keeps_its_contraction():
    assert _texts(TEXT) == [TEXT]


def test_curly_quotation_marks_too():  # the cleaning straightens them
    text = "Nurses with drums played \u201cWe're Still Here\u201d from the steps of Boise City Hall in 2019."
    assert _texts(text) == [TEXT]


def test_with_the_rule_off_the_title_is_spelled_out():
    assert _texts(TEXT, frozenset({"quoted_contraction"})) == [
        'Nurses with drums played "We are Still Here" from the steps of Boise City Hall in 2019.'
    ]


def test_outside_quotation_marks_a_contraction_is_still_spelled_out():
    assert "Tom Cole is leaving Boise in 2025." in _texts("Tom Cole said he's leaving Boise in 2025.")
