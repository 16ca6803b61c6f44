"""First-person statements: by a named speaker, "I" becomes the speaker; otherwise the words stay and the claim is
flagged "needs context". Opinions and promises in the first person are still not claims."""

from __future__ import annotations

from claims.extraction import extract, rules

from .conftest import claims_text, find_claim, rules_alone


def test_a_quoted_i_becomes_the_named_speaker():
    result = extract('"I have cut the sales tax twice since 2019," Governor Ana Ruiz said.')
    claim = find_claim(result, "cut the sales tax")
    assert claim.text == "Governor Ana Ruiz has cut the sales tax twice since 2019."
    assert claim.speaker == "Governor Ana Ruiz"
    assert claim.needs_context == []


def test_a_quoted_we_keeps_its_words_and_is_flagged():
    result = extract('"We cut the sales tax twice in 2019," said Ana Ruiz.')
    claim = find_claim(result, "cut the sales tax")
    assert claim.text == "We cut the sales tax twice in 2019."
    assert claim.speaker == "Ana Ruiz"
    assert claim.needs_context == ['first person "We"']


def test_a_first_person_statement_with_no_speaker_is_a_claim_needing_context():
    result = extract("Right now, we are at 90 percent vaccination coverage in the Brenholt district.")
    claim = find_claim(result, "90 percent")
    assert claim is not None
    assert 'first person "we"' in claim.needs_context


def test_a_first_person_opinion_or_promise_is_not_a_claim():
    with rules_alone():  # the model may keep them (gate.py)
        assert claims_text(extract("I think the Brenholt tax plan costs 40 million dollars.")) == []
        assert claims_text(extract("We will cut the Brenholt sales tax by 5 percent next year.")) == []
        assert claims_text(extract("Our Brenholt plan is a great plan for 2024.")) == []
        assert claims_text(extract("We cut the Brenholt sales tax by 5 percent in 2019.")) != []


def test_a_first_person_line_with_nothing_to_check_against_a_record_is_not_a_claim():
    assert claims_text(extract("We get the job done, and we get the job done right.")) == []


def test_no_claim_opens_with_according_to():
    result = extract("According to the Lanzo port authority, the harbour handled 2 million containers in 2021.")
    claim = find_claim(result, "2 million containers")
    assert claim.text.startswith("The harbour handled")
    assert claim.cited_source == "Lanzo port authority"


def test_a_debaters_you_with_a_figure_is_a_claim_needing_context():
    result = extract("You cut the Brenholt school budget by 20 percent in 2019.")
    claim = find_claim(result, "school budget")
    assert claim is not None
    assert 'second person "You"' in claim.needs_context


def test_you_with_a_modal_is_not_a_claim():
    with rules_alone():  # the model may keep it (gate.py)
        assert claims_text(extract("You would cut the Brenholt school budget by 20 percent in 2025.")) == []
        assert claims_text(extract("You cut the Brenholt school budget by 20 percent in 2019.")) != []


def test_a_first_person_past_action_without_a_figure_is_a_claim_needing_context():
    claim = find_claim(extract("We never raised the sales tax."), "sales tax")
    assert claim.text == "We never raised the sales tax."
    assert claim.needs_context == ['first person "We"']
    assert claims_text(extract("We were proud of the team.")) == []  # a feeling is still no claim
    assert claims_text(extract("We loved the old harbour.")) == []
    with rules.disabled({"first_person_record", "checkworthy_sentence"}):
        assert find_claim(extract("We never raised the sales tax."), "sales tax") is None
