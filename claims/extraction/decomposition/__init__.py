"""Decomposition of a statement into atomic clauses, one fact each, on the dependency parse of its tokens.

`decompose` applies the decomposition rules in turn (each one switchable, rules/decomposition.py and
rules/coordination.py), one module each:
- verbs: at a colon, at coordinated verbs ("He was born in 1898, and served on the council until 1975"), at a causal
  or contrastive clause, a trailing participle or a leading clause; a conjunct without a subject borrows the first
  one's subject;
- modifiers: an appositive ("the port's director, Ivo Brandt, said …" -> "Ivo Brandt is the port's director", the
  main clause keeping the name), a participle set off by commas, a relative clause on a name or a predicate noun;
- examples: "such as A and B", ", including A";
- coordination: coordinated prepositional phrases, then coordinated subjects or objects;
- rewrites: a generic "you can …", and what "X became the first to …" also says.
clause.py holds the Clause they pass on (token indices plus text substitutions); rendering happens in the pipeline.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .. import faithfulness, rules
from .clause import Clause
from .coordination import split_noun_coordination, split_prepositional_coordination
from .examples import split_examples
from .modifiers import split_off_modifiers
from .rewrites import achievement, generic_you
from .verbs import split_at_colon, split_coordination


def decompose(doc: Doc, content: list[int]) -> list[Clause]:
    """The statement's atomic clauses: the decomposition rules applied in turn, each one switchable."""
    clauses = []
    parts = split_at_colon(doc, set(content)) if rules.on("split_at_colon") else [set(content)]
    for part in parts:
        for clause in split_coordination(doc, part):
            if clause.template:
                clauses.append(clause)
                continue
            for piece in split_off_modifiers(doc, clause):
                if piece.template:
                    clauses.append(piece)
                    continue
                for part in split_examples(doc, piece) if rules.on("examples") else [piece]:
                    if part.template:
                        clauses.append(part)
                        continue
                    phrases = (
                        split_prepositional_coordination(doc, part)
                        if rules.on("prepositional_coordination")
                        else [part]
                    )
                    for phrase in phrases:
                        atoms = split_noun_coordination(doc, phrase) if rules.on("noun_coordination") else [phrase]
                        for atom in atoms:
                            atom = generic_you(doc, atom) if rules.on("generic_you") else atom
                            clauses.append(atom)
    if (rules.on("split_guard") and not faithfulness.sure_split(doc, content, clauses)) or faithfulness.unparsed_split(
        doc, content, clauses
    ):
        # a part that is no clause of its own: the statement as it stands, and what the modifiers say of names
        clauses = [Clause(tokens=sorted(set(content)), whole=True)] + [c for c in clauses if c.template]
    if rules.on("achievement"):
        clauses.extend(derived for clause in list(clauses) if (derived := achievement(doc, clause)) is not None)
    return clauses
