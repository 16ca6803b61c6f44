"""Time counted from a moment the claim does not give ("now", "currently", "the previous week", "over the past five
years") flags the claim "needs context"; a span with its own date ("the last days of May 2019") does not (rule
open_relative_time)."""

from __future__ import annotations

from .conftest import claim_with_rule_and_without, flags_of


def test_currently_is_flagged_as_relative_time():
    flags = flags_of("The Lanzo ferry currently carries 300 cars a day.", "300 cars")
    assert flags == ['relative time "currently" without its date']


def test_the_same_claim_with_a_year_is_not_flagged():
    assert flags_of("The Lanzo ferry carried 300 cars a day in 2019.", "300 cars") == []


def test_the_previous_week_is_flagged():
    flags = flags_of("The Lanzo ferry carried 300 cars a day in the previous week.", "300 cars")
    assert flags == ['relative time "the previous week" without its date']


def test_the_last_days_of_a_dated_month_are_not_flagged():
    assert flags_of("The Lanzo ferry carried 300 cars a day in the last days of May 2019.", "300 cars") == []


def test_switched_off_the_claim_is_the_same_and_unflagged():
    text = "The Lanzo ferry currently carries 300 cars a day."
    flagged, plain = claim_with_rule_and_without(text, "300 cars", "open_relative_time")
    assert plain.text == flagged.text
    assert plain.needs_context == []


def test_the_previous_year_after_a_year_the_claim_gives_is_not_flagged():
    text = "The Lanzo ferry carried 300,000 cars in 2019, up 12 percent from the previous year."
    assert flags_of(text, "300,000 cars") == []
