"""Rule unparsed_split: no split along a parse that hung a phrase on a verb without knowing how ("dep")."""

from claims.extraction import extract, rules

TEXT = (
    "The Falcons (6-5, 3-4) snapped a 9-game losing streak to the Owls (4-7, 3-4) dating to 2009 and ended Rice's "
    "title hopes in the Western Division with one league game remaining."
)


def _claims(off: frozenset = frozenset()):
    with rules.disabled(off):
        return extract(TEXT).claims


def test_the_sentence_stays_whole_and_is_marked_not_decomposed():
    claims = _claims()
    assert [c.text for c in claims] == [TEXT]
    assert claims[0].decomposed is False


def test_with_the_rule_off_the_phrase_is_glued_to_the_wrong_clause():
    texts = [c.text for c in _claims(frozenset({"unparsed_split"}))]
    assert any("dating to 2009 hopes" in t for t in texts)
    assert "The Falcons (6-5, 3-4) ended Rice's title." in texts


def test_a_clean_coordination_is_still_split():
    texts = [c.text for c in extract("The Varnes ferry sank in 2019 and the Lanzo ferry caught fire in 2020.").claims]
    assert texts == ["The Varnes ferry sank in 2019.", "The Lanzo ferry caught fire in 2020."]
