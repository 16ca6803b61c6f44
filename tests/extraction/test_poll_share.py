"""Rule poll_share: a share of people who "say" something is a poll's finding, kept whole, not a speaker."""

from claims.extraction import extract, rules

TEXT = "Forty-two percent of Varnes residents say that the ferry is too slow."


def _claims(text: str, off: frozenset = frozenset()):
    with rules.disabled(off):
        return extract(text).claims


def test_the_poll_finding_stays_whole_with_no_speaker():
    claims = _claims(TEXT)
    assert [c.text for c in claims] == [TEXT]
    assert claims[0].speaker == ""


def test_a_majority_is_a_share_too():
    text = "A majority of voters said the ferry was too slow in a poll by Gallup in 2021."
    assert [c.text for c in _claims(text)] == [text]


def test_with_the_rule_off_the_share_is_taken_for_a_speaker():
    claims = _claims(TEXT, frozenset({"poll_share"}))
    assert [(c.text, c.speaker) for c in claims] == [
        ("The ferry is too slow.", "Forty-two percent of Varnes residents")
    ]


def test_a_named_speaker_still_is_one():
    claims = _claims("Sarah Miller said that the Varnes ferry lost 2 million euros in 2020.")
    assert [(c.text, c.speaker) for c in claims] == [("The Varnes ferry lost 2 million euros in 2020.", "Sarah Miller")]
