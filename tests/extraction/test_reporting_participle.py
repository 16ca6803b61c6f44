"""Rule reporting_participle: "X said A, noting that B" -> A and B, both said by X; never "<A's subject> noted B"."""

from claims.extraction import extract, rules

TEXT = "Sarah Miller said the Varnes ferry lost 2 million euros in 2020, noting that fuel prices doubled in 2020."


def _claims(text: str, off: frozenset = frozenset()):
    with rules.disabled(off):
        return {c.text: c for c in extract(text).claims}


def test_what_the_speaker_noted_is_the_speakers_claim():
    claims = _claims(TEXT)
    assert claims["Fuel prices doubled in 2020."].speaker == "Sarah Miller"
    assert claims["The Varnes ferry lost 2 million euros in 2020."].speaker == "Sarah Miller"
    assert not any("noted" in text for text in claims)


def test_with_the_rule_off_the_ferry_is_said_to_have_noted_it():
    assert "The Varnes ferry noted that fuel prices doubled in 2020." in _claims(TEXT, {"reporting_participle"})


def test_a_participle_of_the_subjects_own_statement_keeps_its_subject():
    claims = _claims("The Varnes council cut the ferry budget by 20 percent in 2021, adding that fares would rise.")
    assert "The Varnes council added that fares would rise." in claims
