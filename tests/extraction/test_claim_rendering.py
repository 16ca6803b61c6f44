"""A claim is written with the article's spacing where a token opens with a full stop: ".45-caliber" and a ticker
".LNZ10" keep the space before them; a sentence's own full stop still closes up to its last word."""

from __future__ import annotations

from claims.extraction.pipeline.rendering import finish


def test_a_calibre_keeps_the_space_before_its_point():
    assert (
        finish("Police found a loaded .45-caliber handgun in 2019 .")
        == "Police found a loaded .45-caliber handgun in 2019."
    )


def test_a_ticker_code_keeps_the_space_before_its_point():
    assert finish("The Lanzo index .LNZ10 gained 0.02 % .") == "The Lanzo index .LNZ10 gained 0.02 %."


def test_commas_and_full_stops_still_close_up_to_the_word_before():
    assert finish("The ferry sank , and the crew swam ashore .") == "The ferry sank, and the crew swam ashore."


def test_a_dash_the_claim_was_cut_at_is_not_written_before_its_full_stop():
    from claims.extraction.pipeline.rendering import finish

    assert finish("Lanzo is leading the charge -.") == "Lanzo is leading the charge."
    assert finish("Lanzo is leading the charge \u2014") == "Lanzo is leading the charge."
    assert finish("The score was 3-1.") == "The score was 3-1."


def test_a_connective_that_opens_a_phrase_of_its_own_stays():
    assert finish("In addition to its order of 30 jets, Delta ordered 50 more.") == (
        "In addition to its order of 30 jets, Delta ordered 50 more."
    )
    assert finish("In response to the strike, the council closed the port.").startswith("In response to the strike")
    assert finish("First Lady Jill Biden visited Oslo in 2022.") == "First Lady Jill Biden visited Oslo in 2022."


def test_a_connective_alone_still_goes():
    assert finish("In addition, Delta ordered 50 more jets.") == "Delta ordered 50 more jets."
    assert finish("First, the council closed the port.") == "The council closed the port."
    assert finish("However the council closed the port.") == "The council closed the port."


def test_an_inch_mark_after_a_number_stays():
    assert finish('Specs include a 27" 2560x1440 display with a 1ms response time .') == (
        'Specs include a 27" 2560x1440 display with a 1ms response time.'
    )


def test_an_unpaired_quotation_mark_still_goes():
    assert finish('The ferry is "too slow for Varnes, the council said .') == (
        "The ferry is too slow for Varnes, the council said."
    )


def test_quotation_marks_paired_beside_an_inch_mark_stay():
    assert (
        finish('Its 27" display is "the best", the review said .') == 'Its 27" display is "the best", the review said.'
    )


def test_a_comma_left_inside_a_closing_quotation_mark_at_the_end_goes():
    assert (
        finish('The deficit "has to be a topic at every meeting,"')
        == 'The deficit "has to be a topic at every meeting".'
    )
    assert finish('The deficit "has to be cut, and soon"') == 'The deficit "has to be cut, and soon".'


def test_a_closing_bracket_the_claim_never_opened_goes_and_a_paired_one_stays():
    assert finish("The ferry can be booked at any Lanzo office by May for whatever reason)") == (
        "The ferry can be booked at any Lanzo office by May for whatever reason."
    )
    assert finish("The ferry cost 40 euros (about 45 dollars).") == "The ferry cost 40 euros (about 45 dollars)."


def test_a_single_quote_left_without_its_opening_mark_goes_and_a_paired_one_stays():
    assert (
        finish("We finish the Lanzo bridge by May if it kills us!'")
        == "We finish the Lanzo bridge by May if it kills us!"
    )
    assert finish("Ana Ruiz called it 'a disgrace.'") == "Ana Ruiz called it 'a disgrace'."


def test_a_comma_inside_a_closing_quotation_mark_before_the_full_stop_goes():
    assert finish('There is no "end," .') == 'There is no "end".'
    assert finish('The ferry is "late," the council said .') == 'The ferry is "late," the council said.'
