"""The registry of extraction rules: each has a name, the stage it belongs to, what it matches, what it writes
and made-up examples, and each can be switched off to measure what it is worth.

    from claims.extraction import rules
    with rules.disabled({"noun_coordination"}):
        result = extract(text)          # the same pipeline without that rule
    rules.REGISTRY["noun_coordination"].examples  # what it does, on made-up sentences

`bench/extraction_quality.py --ablate` runs every dev set once per rule switched off and prints the rule's net
effect. The stage modules ask `rules.on(name)` where the rule acts; a rule switched off leaves the text as the
stage before it had it. Examples are made up (never evaluation rows): `tests/extraction/test_rule_registry.py`
runs each rule's examples through the whole pipeline, with the rule on and off.

One catalogue module per stage registers that stage's rules (registry.py holds the machinery; decomposition has two,
clauses in decomposition.py and coordinated nouns and lists in coordination.py); they are imported here in pipeline
order, which is the registry's order (the ablation table's rows).
"""

# isort: off
from . import segmentation, attribution, decomposition, coordination, decontextualisation, policy  # noqa: F401

# isort: on
from .registry import REGISTRY, STAGES, Example, Rule, by_stage, disabled, enabled, on, register

__all__ = ["REGISTRY", "STAGES", "Example", "Rule", "by_stage", "disabled", "enabled", "on", "register"]
