"""Every extraction rule is named in the registry, does what its made-up examples say, and can be switched off."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest

from claims.extraction import extract, gate, rules

PUBLISHED = dt.date(2022, 7, 14)  # a Thursday
EXAMPLES = [(rule.name, example) for rule in rules.REGISTRY.values() for example in rule.examples]


def _claims(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """An example that is a web page (a rule about markup) is read as one."""
    found = extract(text, published=PUBLISHED, is_html=text.lstrip().startswith("<"))
    return [(c.text, c.speaker, c.cited_source, tuple(c.needs_context)) for c in found.claims]


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[f"{name}-{i}" for i, (name, _) in enumerate(EXAMPLES)])
def test_each_rules_examples_give_their_claims_and_switching_the_rule_off_changes_them(name, example):
    with contextlib.nullcontext() if rules.REGISTRY[name].default else rules.enabled({name}):  # off by default: on here
        on = _claims(example.text)
    for expected in example.claims:
        assert expected in [text for text, *_ in on], f"{name}: {on}"
    # the gate keeps, in its words, a sentence the rules left or dropped (rules checkworthy_sentence,
    # checkworthy_refused, checkworthy_unresolved_opener): each other rule is judged with the gate off on both sides,
    # or a sentence a switched-off rule no longer keeps (or no longer drops) could come back whole
    gate_off = set() if name in gate.RULES else gate.RULES
    with rules.disabled(gate_off), contextlib.nullcontext() if rules.REGISTRY[name].default else rules.enabled({name}):
        on = _claims(example.text)
    with rules.disabled({name, *gate_off}):
        off = _claims(example.text)
    assert off != on, f"{name} switched off changes nothing on its own example"


def test_every_rule_has_a_stage_a_description_and_a_unique_name():
    assert len(rules.REGISTRY) >= 25
    for rule in rules.REGISTRY.values():
        assert rule.stage in rules.STAGES
        assert rule.matches and rule.writes
    assert sum(len(r) for r in rules.by_stage().values()) == len(rules.REGISTRY)


def test_most_rules_carry_made_up_examples():
    with_examples = [r.name for r in rules.REGISTRY.values() if r.examples]
    assert len(with_examples) >= len(rules.REGISTRY) - 5


def test_switching_a_rule_off_lasts_only_for_the_block():
    assert rules.on("noun_coordination")
    with rules.disabled({"noun_coordination"}):
        assert not rules.on("noun_coordination")
        assert rules.on("examples")
    assert rules.on("noun_coordination")


def test_an_unknown_rule_name_is_refused():
    with pytest.raises(KeyError, match="no_such_rule"):
        with rules.disabled({"no_such_rule"}):
            pass


def test_a_rule_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="registered twice"):
        rules.register("noun_coordination", "decomposition", "x", "y")


def test_an_off_by_default_rule_acts_only_when_enabled():
    assert not rules.REGISTRY["demonstrative_subject"].default
    assert not rules.on("demonstrative_subject")
    with rules.enabled({"demonstrative_subject"}):
        assert rules.on("demonstrative_subject")
    assert not rules.on("demonstrative_subject")
