"""Rule example_scope: examples on an object are written in place of the noun only when that noun is sure."""

from claims.extraction import extract, rules


def _texts(text: str, off: frozenset = frozenset()) -> list[str]:
    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


def test_examples_of_a_noun_reached_past_a_nearer_one_give_no_claim_each():
    text = "The Lanzo minister brought new demands into trade talks with other partners, including Varnes and Orvik."
    claims = _texts(text)
    assert "The Lanzo minister brought new demands into trade talks with other partners." in claims
    assert not any(c.endswith("into Varnes.") or c.endswith("into Orvik.") for c in claims)
    assert "The Lanzo minister brought new demands into Varnes." in _texts(text, {"example_scope"})


def test_examples_of_the_verbs_own_object_still_give_a_claim_each():
    claims = _texts("The Varnes council sold its ferries, including the Orvik Star and the Lanzo Queen.")
    assert "The Varnes council sold the Orvik Star." in claims
    assert "The Varnes council sold the Lanzo Queen." in claims


def test_examples_after_a_singular_noun_past_a_plural_are_not_written_into_it():
    text = "Sarah Miller has collected many medals and trophies for her rowing, including the Varnes Cup for Sculling."
    claims = _texts(text)
    assert "Sarah Miller has collected trophies for her rowing." in claims
    assert not any("for the Varnes Cup" in c for c in claims)
    assert "Sarah Miller has collected trophies for the Varnes Cup for Sculling." in _texts(text, {"example_scope"})


def test_examples_of_a_counted_subject_are_not_described_by_the_count():
    text = "Some of the worst polluters are Lanzo's more than 10 million stoves, like coal and wood stoves."
    claims = _texts(text)
    assert claims == ["Some of the worst polluters are Lanzo's more than 10 million stoves."]
    assert "Coal and wood stoves are more than 10 million stoves." in _texts(text, {"example_scope"})


def test_examples_of_a_subject_owned_by_a_name_are_described_without_the_owner():
    claims = _texts("Lanzo's big mills, such as Orvik Mill and Varnes Mill, closed in 1990.")
    assert "Orvik Mill and Varnes Mill are big mills." in claims
    assert "Lanzo's big mills closed in 1990." in claims
