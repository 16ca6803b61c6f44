"""A claim cut out of a sentence must be a whole sentence: not one that opens with its finite verb, not one that ends
on a word whose other half stayed in the sentence (rule wellformed)."""

from __future__ import annotations

from claims.extraction import extract, rules, wellformed
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

NOR = "The Lanzo ferry is not the oldest ferry in Norland, nor is it the slowest ferry in Norland."


def test_an_inverted_clause_after_nor_gives_no_claim_that_says_the_opposite():
    texts = claims_text(extract(NOR))
    assert texts == ["The Lanzo ferry is not the oldest ferry in Norland."]


def test_without_the_rule_the_clause_after_nor_was_written_as_a_question_that_drops_the_negation():
    with rules.disabled({"wellformed"}):
        texts = claims_text(extract(NOR))
    assert "Is the Lanzo ferry the slowest ferry in Norland." in texts


def _tokens(text: str, upto: str):
    doc = load_nlp()(text)
    end = next(t.i for t in doc if t.text == upto)
    return list(doc[: end + 1])


def test_a_piece_ending_on_and_whose_conjunct_stayed_behind_is_garbled():
    tokens = _tokens(
        "Of the 300 pupils, 11 percent were tall, 15 percent short, and 7 percent of another height.", "and"
    )
    assert wellformed.garbled(tokens)


def test_a_piece_ending_on_a_preposition_whose_object_stayed_behind_is_garbled():
    tokens = _tokens("The Lanzo ferry sank in the storm of 2019.", "of")
    assert wellformed.garbled(tokens)


def test_a_whole_clause_is_well_formed():
    tokens = _tokens("The Lanzo ferry sank in the storm of 2019.", "2019")
    assert not wellformed.garbled(tokens)


def test_a_preposition_the_article_itself_leaves_stranded_is_the_articles_wording():
    tokens = _tokens("The Lanzo ferry is what the council dreamed of.", "of")
    assert not wellformed.garbled(tokens)


def test_both_without_its_and_gives_no_piece_and_the_sentence_stays_whole():
    text = "Ana Ruiz is top-20 in both run defense (75.5) and tackling grade (77.4) among 127 players."
    texts = claims_text(extract(text))
    assert texts == [text]


def test_a_borrowed_has_before_a_gerund_gives_no_claim():
    texts = claims_text(extract("Ivo Brandt has been solid in run support and tackling so far this season."))
    assert "Ivo Brandt has been solid in run support." in texts
    assert not any(text.startswith("Ivo Brandt has tackling") for text in texts)


def test_without_the_rule_the_borrowed_has_made_has_tackling():
    with rules.disabled({"wellformed"}):
        texts = claims_text(extract("Ivo Brandt has been solid in run support and tackling so far this season."))
    assert any(text.startswith("Ivo Brandt has tackling") for text in texts)


def test_a_parse_that_hangs_the_last_word_on_a_line_below_cut_nothing():
    doc = load_nlp()("Ivo Brandt had two goals in the cup, allowing a rating of just 22.4\n\n# *min.")
    end = next(t.i for t in doc if t.text == "22.4")
    assert not wellformed.garbled(list(doc[: end + 1]))


AWARE = '"At no point was I aware of and knowingly took part in a plan to sell the Lanzo ferry," Ruiz said.'


def test_a_piece_cut_after_a_preposition_the_article_goes_straight_on_from_gives_no_claim():
    texts = claims_text(extract(AWARE))
    assert texts == ["At no point was I aware of and knowingly took part in a plan to sell the Lanzo ferry."]
    with rules.disabled({"cut_after_function_word"}):  # the parse hangs "or" elsewhere: the piece passed before
        assert "At no point was Ruiz aware of." in claims_text(extract(AWARE))


def test_a_word_the_article_itself_leaves_before_a_comma_is_not_a_cut():
    doc = load_nlp()("What the council was looking for, Ana Ruiz said, was a cheaper ferry.")
    piece = list(doc[:6])  # "What the council was looking for"
    assert piece[-1].text == "for"
    assert not wellformed._cut_after_function_word(piece[-1], {t.i for t in piece})
    cut = load_nlp()("The council was looking for or hoping for a cheaper ferry.")
    assert wellformed._cut_after_function_word(cut[4], {t.i for t in cut[:5]})


def test_a_piece_ending_on_an_opening_mark_is_cut():
    doc = load_nlp()("Visitors who booked through Lanzo came to the Varnes Theater to watch <")
    assert doc[-1].text == "<"
    assert wellformed._cut_after_function_word(doc[-1], {t.i for t in doc})
    assert extract("Visitors who booked through Lanzo came to the Varnes Theater to watch <").claims == []
