"""The rule registry's machinery: a rule is a named, switchable object of one stage; `on(name)` is what a stage
module asks where the rule acts, and `disabled`/`enabled` switch rules for a block (a context variable, so thread- and
task-local). The rules themselves are registered by the stage catalogues beside this module."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

STAGES = ("segmentation", "attribution", "decomposition", "decontextualisation", "policy")


@dataclass(frozen=True)
class Example:
    text: str  # a made-up article text (a web page when it opens with "<": a rule about markup)
    claims: tuple[str, ...]  # claims the rule makes of it (each must be among the pipeline's claims)


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    matches: str
    writes: str
    examples: tuple[Example, ...] = ()
    default: bool = True  # False: kept to be measured (bench --ablate switches it on), not used by default


REGISTRY: dict[str, Rule] = {}
_disabled: ContextVar[frozenset[str]] = ContextVar("factcheck_extraction_disabled_rules", default=frozenset())
_enabled: ContextVar[frozenset[str]] = ContextVar("factcheck_extraction_enabled_rules", default=frozenset())


def register(
    name: str,
    stage: str,
    matches: str,
    writes: str,
    examples: Iterable[tuple[str, Iterable[str]]] = (),
    default: bool = True,
) -> Rule:
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    if name in REGISTRY:
        raise ValueError(f"rule {name!r} registered twice")
    rule = Rule(
        name=name,
        stage=stage,
        matches=matches,
        writes=writes,
        examples=tuple(Example(text=text, claims=tuple(claims)) for text, claims in examples),
        default=default,
    )
    REGISTRY[name] = rule
    return rule


def on(name: str) -> bool:
    """Whether the rule is switched on: by default, unless `disabled` switched it off; an off-by-default rule when
    `enabled` switched it on."""
    if name in _disabled.get():
        return False
    rule = REGISTRY.get(name)
    return rule is None or rule.default or name in _enabled.get()


@contextmanager
def _switched(variable: ContextVar[frozenset[str]], names: Iterable[str]) -> Iterator[None]:
    names = frozenset(names)
    unknown = names - REGISTRY.keys()
    if unknown:
        raise KeyError(f"no such extraction rule: {', '.join(sorted(unknown))}")
    token = variable.set(variable.get() | names)
    try:
        yield
    finally:
        variable.reset(token)


def disabled(names: Iterable[str]):
    """The pipeline without these rules, for the block (thread- and task-local: a context variable)."""
    return _switched(_disabled, names)


def enabled(names: Iterable[str]):
    """The pipeline with these off-by-default rules switched on, for the block."""
    return _switched(_enabled, names)


def by_stage() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {stage: [] for stage in STAGES}
    for rule in REGISTRY.values():
        out[rule.stage].append(rule)
    return out
