"""An appositive that ends the phrase opening a sentence leaves the comma that sets that phrase off (rule
opening_phrase_comma)."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text

MILL = (
    "Having bought the old mill in Varnes, a town on the Norland border, the Lanzo council will invite architects "
    "to submit plans."
)


def test_the_main_claim_keeps_the_comma_after_the_opening_phrase_and_the_appositive_is_its_own_claim():
    texts = claims_text(extract(MILL))
    assert "Having bought the old mill in Varnes, the Lanzo council will invite architects to submit plans." in texts
    assert "Varnes is a town on the Norland border." in texts
    with rules.disabled({"opening_phrase_comma"}):  # both commas went with the appositive: the phrase ran on
        assert "Having bought the old mill in Varnes the Lanzo council will invite architects to submit plans." in (
            claims_text(extract(MILL))
        )


def test_an_appositive_on_the_subject_still_takes_both_its_commas():
    texts = claims_text(extract("Ivo Brandt, a Danish engineer, designed the Varnes ferry in 1990."))
    assert "Ivo Brandt designed the Varnes ferry in 1990." in texts
    assert "Ivo Brandt is a Danish engineer." in texts
