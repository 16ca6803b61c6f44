"""Rule speaker_last_person: '"…," she said' names the one person the nearest text before it names as a subject;
a pronoun speaker nobody is sure for stays as written and flags the claim."""

from claims.extraction import extract, rules

QUOTE = '"The Orvik ferry carried 41,000 passengers in 2019," she said.'


def _by_text(text: str, off: frozenset = frozenset()):
    with rules.disabled(off):
        return {c.text: c for c in extract(text).claims}


def test_the_person_named_a_few_sentences_before_speaks():
    text = (
        "Sarah Miller has run the Orvik ferry line since 2009.\n\nIn 2015 it added two boats to serve six islands."
        "\n\n" + QUOTE
    )
    claim = _by_text(text)["The Orvik ferry carried 41,000 passengers in 2019."]
    assert claim.speaker == "Sarah Miller"
    assert not any(gap.startswith("speaker") for gap in claim.needs_context)
    assert (
        _by_text(text, {"speaker_last_person"})["The Orvik ferry carried 41,000 passengers in 2019."].speaker == "she"
    )


def test_two_people_named_leave_the_pronoun_flagged():
    text = "David Cole met Sarah Miller in Varnes in 2008. " + QUOTE
    claim = _by_text(text)["The Orvik ferry carried 41,000 passengers in 2019."]
    assert claim.speaker == "she"
    assert 'speaker "she" not named' in claim.needs_context


def test_a_description_nearer_than_the_name_leaves_the_pronoun_flagged():
    text = (
        "Sarah Miller has run the Orvik ferry line since 2009. The line now serves six islands. "
        "The new harbour master was not worried about the storms. " + QUOTE
    )
    claim = _by_text(text)["The Orvik ferry carried 41,000 passengers in 2019."]
    assert claim.speaker == "she" and 'speaker "she" not named' in claim.needs_context
