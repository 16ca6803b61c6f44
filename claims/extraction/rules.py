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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

STAGES = ("segmentation", "attribution", "decomposition", "decontextualisation", "policy")


@dataclass(frozen=True)
class Example:
    text: str  # a made-up article text
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


# --- segmentation -------------------------------------------------------------------------------------------

register(
    "lists",
    "segmentation",
    "a list announced by a colon (numbered, bulleted or 'Label: …' lines)",
    "each item written out as sentences of its own, about the announced group",
    [
        (
            "The bakery sells three breads:\n1. Rye loaf: baked with dark rye flour.\n2. Oat bread: made from rolled oats.",
            ("Rye loaf is baked with dark rye flour.",),
        )
    ],
)
register(
    "dateline",
    "segmentation",
    "a dateline opening an article or a paragraph ('LISBON, Portugal - …')",
    "the sentence without the dateline",
    [
        (
            "Tallinn: The Varnes ferry company carried 41,000 passengers in 2019.",
            ("The Varnes ferry company carried 41,000 passengers in 2019.",),
        )
    ],
)
register(
    "discourse_opener",
    "segmentation",
    "a spoken opener set off by a comma before a full clause: an imperative ('Look, …', 'Let me say this, …') or an "
    "aside ('You know, …', 'I mean, …'); not an aside of opinion ('I think, …')",
    "the statement after the comma",
    [
        (
            "Look, the Varnes ferry company carried 41,000 passengers in 2019.",
            ("The Varnes ferry company carried 41,000 passengers in 2019.",),
        )
    ],
)
register(
    "explanatory_opener",
    "segmentation",
    "'This is because X', 'That is why X', 'It is due to the fact that X'",
    "X, the reason itself",
    [
        (
            "Lanzo has no airport. That is why the Varnes ferry company runs 12 crossings a day.",
            ("The Varnes ferry company runs 12 crossings a day.",),
        )
    ],
)

# --- attribution --------------------------------------------------------------------------------------------

register(
    "quotation_speaker",
    "attribution",
    "a quotation running over several sentences, its speaker named where it closes",
    "the inner sentences as that speaker's statements (none when no one is named)",
    [
        (
            '"The mill employed 300 people in 1950. It closed in 1994," Anna Vell said.',
            ("The mill employed 300 people in 1950.",),
        )
    ],
)
register(
    "quotation_continued",
    "attribution",
    'a quotation that names no speaker right after a sentence that does, in the same paragraph (\'"A," Ana Vell '
    "said. \"B.\"'), or a paragraph that is only a quotation after a paragraph closing on someone's words",
    "the quotation as that speaker's statements (without the rule: no claim, or the article's own claim)",
    [
        (
            '"The mill employed 300 people in 1950," Anna Vell said. "The Brenholt mill closed in 1994 after a fire."',
            ("The Brenholt mill closed in 1994 after a fire.",),
        )
    ],
)
register(
    "unattributed_quotation",
    "attribution",
    "a sentence that is a quotation from its first word to its last, or closes a quotation, with no speaker named "
    "in it or just before it",
    "no claim: someone's words, but whose is unknown, so they are not the article's claim",
    [
        (
            'The Brenholt mill closed in 1994. Workers gathered at the gate. "The owners sold the looms to Tessaly."',
            ("The Brenholt mill closed in 1994.",),
        )
    ],
)
register(
    "quoted_speaker_pronoun",
    "attribution",
    "he/she/his/her in a speaker's direct quotation that the resolver took for the speaker ('\"He came off my "
    "back,\" Ivo Brandt said' after a sentence naming Brandt)",
    "no resolution: the speaker says 'I' of themself, so the pronoun is someone else (the claim keeps it, flagged)",
    [
        (
            'In the second half, Maria Keller was hit from behind. "I did not see him coming," Keller said. "He came '
            'off my back in the 60th minute."',
            ("He came off Maria Keller's back in the 60th minute.",),
        )
    ],
)
register(
    "speaker_verb_not_modifier",
    "attribution",
    "a verb of saying after a comma that describes a noun ('…, and that everything anyone said to me was wrong')",
    "no attribution: only a verb that reports the statement names its speaker",
    [
        (
            "The Lanzo ferry was late in 2019, and everything anybody said to the crew was recorded.",
            ("The Lanzo ferry was late in 2019.",),
        )
    ],
)
register(
    "speaker_within_sentence",
    "attribution",
    "a speaker phrase whose parse reaches past its sentence, over a paragraph break (a time stamp or a heading line "
    "above 'A ferry official says …')",
    "only the words of the sentence as the speaker",
    [
        (
            "4:14 p.m.\n\nA Lanzo transit chief says a man has been hurt on a Norland commuter train during a fight.",
            ("A man has been hurt on a Norland commuter train during a fight.",),
        )
    ],
)
register(
    "speaker_appositive",
    "attribution",
    "a speaker described by an appositive ('the port's director, Ivo Brandt, said …')",
    "'<name> is <description>' as a claim of its own",
    [
        (
            "The port's director, Ivo Brandt, said the harbour handled 2 million containers in 2021.",
            ("Ivo Brandt is the port's director.",),
        )
    ],
)

register(
    "speaker_core",
    "attribution",
    "a speaker phrase with a relative clause after it ('…, added Varga, who is also a director at Orvik Bank')",
    "the speaker named by the phrase's head, not by a name inside the relative clause",
    [
        (
            '"We closed 40 shops in 2020," added Varga, who is also a director at Orvik Bank.',
            ("We closed 40 shops in 2020.",),
        )
    ],
)
register(
    "told_person_not_source",
    "attribution",
    "'X told <person>' after a statement",
    "no cited source: a person told is the listener; 'told the Lanzo Herald' still cites the paper",
    [("The mill employed 300 people in 1950, Ana Ruiz told John Smith.", ("The mill employed 300 people in 1950.",))],
)
register(
    "colon_in_complement",
    "attribution",
    "'X says <clause>: <more>' where the colon comes inside the reported clause",
    "the whole clause as what X says, not only the words after the colon",
    [
        (
            "The report says the Lanzo harbour is 12 metres deep: deeper than any port in Norland.",
            ("The Lanzo harbour is 12 metres deep: deeper than any port in Norland.",),
        )
    ],
)

# --- decomposition ------------------------------------------------------------------------------------------

register(
    "split_at_colon",
    "decomposition",
    "two full statements joined by a colon or semicolon",
    "one claim per statement",
    [
        (
            "The Telmar dam is the tallest in the region; it holds 900 million cubic metres of water.",
            ("The Telmar dam is the tallest in the region.",),
        )
    ],
)
register(
    "coordinated_verbs",
    "decomposition",
    "coordinated verbs or clauses ('A was founded in 1901 and moved to B in 1950')",
    "one claim per verb; a conjunct without a subject borrows the first one's subject and auxiliaries",
    [
        (
            "The Orvik choir was founded in 1921 and toured Canada in 1958.",
            ("The Orvik choir was founded in 1921.", "The Orvik choir toured Canada in 1958."),
        )
    ],
)
register(
    "negated_conjunction",
    "decomposition",
    "coordinated verbs joined by 'and' under one negation ('cannot sell the mill and keep his seat', 'can't buy it "
    "and then sell it')",
    "no split: what is denied is the two together ('or' and 'nor' still split: each is denied)",
    [
        (
            "Ivo Brandt cannot sell the Lanzo mill and keep his seat on the council.",
            ("Ivo Brandt cannot sell the Lanzo mill and keep his seat on the council.",),
        )
    ],
)
register(
    "causal_contrastive_clause",
    "decomposition",
    "an adverbial clause with its own subject after because/although/though/whereas/while",
    "the main clause and the adverbial clause as two claims",
    [
        (
            "The Hesper bridge closed in 2015 because the steel cables had corroded.",
            ("The Hesper bridge closed in 2015.", "The steel cables had corroded."),
        )
    ],
)
register(
    "trailing_participle",
    "decomposition",
    "', <verb>ing …' after a clause, without a subject of its own",
    "'<subject> <verb>s …' as a claim of its own",
    [
        (
            "The Kessel quarry produced 80 tonnes of slate in 2012, making it the largest quarry in Norland.",
            ("The Kessel quarry produced 80 tonnes of slate in 2012.",),
        )
    ],
)
register(
    "leading_clause",
    "decomposition",
    "a full clause before the main one, cut off by a comma ('A, so B')",
    "A as a claim of its own",
    [("Zinc is cheaper than tin, so the Darrow foundry switched to zinc in 2004.", ("Zinc is cheaper than tin.",))],
)
register(
    "appositive",
    "decomposition",
    "an appositive naming or describing a name ('Ivo Brandt, a Danish engineer, …')",
    "'<name> is <description>', the main clause keeping the name",
    [
        (
            "Ivo Brandt, a Danish engineer, designed the Hesper bridge in 1962.",
            ("Ivo Brandt is a Danish engineer.", "Ivo Brandt designed the Hesper bridge in 1962."),
        )
    ],
)
register(
    "set_off_participle",
    "decomposition",
    "a past participle set off by commas or brackets after a noun ('X, also known as Y, …')",
    "'X is/was <participle phrase>'",
    [
        (
            "The Carrow Cup, founded in 1911, is a rowing race on the Tamsin river.",
            ("The Carrow Cup was founded in 1911.",),
        )
    ],
)
register(
    "predicate_relative_clause",
    "decomposition",
    "'X is a <noun> who/which …'",
    "'X is a <noun>' and 'X …'",
    [
        (
            "Mara Olsen is a chemist who discovered a new tin alloy in 1988.",
            ("Mara Olsen discovered a new tin alloy in 1988.",),
        )
    ],
)
register(
    "nonrestrictive_relative_clause",
    "decomposition",
    "', which/who …' on a name or noun",
    "'<noun> …' as a claim of its own",
    [("The Orvik choir, which was founded in 1921, toured Canada in 1958.", ("The Orvik choir was founded in 1921.",))],
)
register(
    "examples",
    "decomposition",
    "examples of a noun ('such as A and B', ', including A')",
    "the statement for each example on an object; 'A and B are <noun>' on a subject; the statement without them",
    [
        (
            "The Brenholt museum displays instruments such as lutes and harps.",
            ("The Brenholt museum displays lutes.", "The Brenholt museum displays harps."),
        )
    ],
)
register(
    "prepositional_coordination",
    "decomposition",
    "coordinated prepositional phrases, one negated ('on A but not on B')",
    "one claim per phrase, the negation moved to the auxiliary",
    [
        (
            "Ferrel moss can be found on Lanzo but not on Tessaly.",
            ("Ferrel moss can be found on Lanzo.", "Ferrel moss cannot be found on Tessaly."),
        )
    ],
)
register(
    "noun_coordination",
    "decomposition",
    "coordinated subjects or objects of a clause ('A, B and C are …')",
    "one claim per conjunct, the verb made singular for a singular one",
    [
        (
            "The Varnes ferry company serves Lanzo and Tessaly.",
            ("The Varnes ferry company serves Lanzo.", "The Varnes ferry company serves Tessaly."),
        )
    ],
)
register(
    "coordination_agreement",
    "decomposition",
    "coordinated subjects split by noun_coordination",
    "a present verb made singular for a singular conjunct, no borrowed 'the' before a name, and no split when "
    "a later they/them/their stands for the group",
    [
        (
            "The Lanzo ferry and the Tessaly ferry carry 900 cars a day.",
            ("The Lanzo ferry carries 900 cars a day.", "The Tessaly ferry carries 900 cars a day."),
        )
    ],
)
register(
    "whole_coordination",
    "decomposition",
    "coordinated nouns after a group noun ('a mix of A, B and C') or in a clause with a focus adverb "
    "('found mainly on A and B')",
    "no split: the statement is about the whole list",
    [
        (
            "The Lanzo smog is arising from a mix of weather conditions, car exhaust, and coal smoke.",
            ("The Lanzo smog is arising from a mix of weather conditions, car exhaust, and coal smoke.",),
        ),
        (
            "Orvik games are mainly shown on Lanzo TV and Tessaly Radio.",
            ("Orvik games are mainly shown on Lanzo TV and Tessaly Radio.",),
        ),
    ],
)
register(
    "conjunct_subject",
    "decomposition",
    "a claim whose subject is a later conjunct of a coordinated subject ('… and the Tessaly ferry carry …')",
    "the claim kept: that conjunct is its subject (it was taken for a fragment without one)",
    [
        (
            "The Lanzo ferry and the Tessaly bus carry 900 people a day.",
            ("The Lanzo ferry carries 900 people a day.", "The Tessaly bus carries 900 people a day."),
        )
    ],
)
register(
    "split_guard",
    "decomposition",
    "a split whose clause parts are not whole: a dangling 'and', half a bracket, an indirect question, a part "
    "across the coordinator, an 'all' that stood for the whole group, a verb whose complement stayed elsewhere",
    "no split: the statement as it stands, marked 'not decomposed' (off by default: on realnews it replaces "
    "garbled parts with the sentence, but costs Factcheck-GPT one-to-one recall 0.023, over the 0.02 bound)",
    [
        (
            "The Lanzo ferry was late, the Tessaly bus left early and the Orvik train arrived, all carrying 300 people.",
            (
                "The Lanzo ferry was late, the Tessaly bus left early and the Orvik train arrived, all carrying 300 people.",
            ),
        )
    ],
    default=False,
)
register(
    "generic_you",
    "decomposition",
    "'You can <verb> <object> …' said of anyone",
    "'<object> can be <participle> …'",
    [("You can find amber on the beaches of Lanzo.", ("Amber can be found on the beaches of Lanzo.",))],
)
register(
    "achievement",
    "decomposition",
    "'X became the first/second/only … to VP'",
    "also 'X VPed …'",
    [("Norland became the second country to ban plastic straws.", ("Norland banned plastic straws.",))],
)

# --- decontextualisation ------------------------------------------------------------------------------------

register(
    "alias_canonicalisation",
    "decontextualisation",
    "a known alias of a name (an official long form, an abbreviation)",
    "the canonical name",
    [
        (
            "The Democratic People's Republic of Korea opened an embassy in Lanzo in 1990.",
            ("North Korea opened an embassy in Lanzo in 1990.",),
        )
    ],
)
register(
    "unique_surname",
    "decontextualisation",
    "a bare surname or first name ('Keller') when the article has named two people it may stand for",
    "no canonical name: the name stays as written (not glued to the last person of that name, whose title or "
    "role would then be claimed of the other)",
    [
        (
            "Maria Keller opened the Lanzo bakery in 1990. Tom Keller sold it in 2001. Keller hired 12 bakers in 1995.",
            ("Keller hired 12 bakers in 1995.",),
        )
    ],
)
register(
    "pronoun_resolution",
    "decontextualisation",
    "a pronoun whose antecedent is sure (the last person named; the previous subject when it is a thing)",
    "the antecedent's name in the claim",
    [
        (
            "Mara Olsen joined the Kessel institute in 1980. She discovered a new tin alloy in 1988.",
            ("Mara Olsen discovered a new tin alloy in 1988.",),
        )
    ],
)
register(
    "ambiguous_person",
    "decontextualisation",
    "he/she when this and the previous sentence name more than one person",
    "no resolution (the claim keeps the pronoun, flagged), unless a reporting verb's subject is the speaker",
    [
        (
            "Mara Olsen met Ivo Brandt in Lanzo in 2019. In 2020 he signed the ferry contract.",
            ("In 2020 he signed the ferry contract.",),
        )
    ],
)
register(
    "person_subject",
    "decontextualisation",
    "he/she/his/her with one person named in this and the previous sentence",
    "that person only when a mention of them is a subject there and the article says nothing of their gender that "
    "contradicts the pronoun; else no resolution (the claim keeps the pronoun, flagged)",
    [
        (
            "Maria Keller praised the Lanzo ferry in 2019. The new captain said his crew of 40 sailed it daily.",
            ("His crew of 40 sailed it daily.",),
        ),
        (
            "Mrs. Sarah Lind opened a bakery in Lanzo in 1990. In 2001 he sold 400 loaves a day.",
            ("In 2001 he sold 400 loaves a day.",),
        ),
    ],
)
register(
    "subject_antecedent",
    "decontextualisation",
    "it/its/they/their after another subject in its own sentence that it could stand for (a relative or "
    "demonstrative 'that', an unclassed name; for they, people named together), or 'as it turned out'",
    "no resolution to the previous sentence's subject or to a name further back (the claim keeps the pronoun, "
    "flagged): only a subject in this or the previous sentence is a sure antecedent",
    [
        (
            "The Orvik choir toured Canada in 1958. While that was a long tour, it earned 40,000 euros.",
            ("It earned 40,000 euros.",),
        )
    ],
)
register(
    "ambiguous_thing",
    "decontextualisation",
    "it/its after a sentence whose subject is a name the parser could not class (a person? a product?), or, with no "
    "thing subject before it, when this and the previous sentence name more than one place or organisation",
    "no resolution (the claim keeps the pronoun, flagged) instead of a guess",
    [
        (
            "Ana Ruiz moved from Norland to Tessaly in 2019. In 2021 it raised the wool tax to 12 percent.",
            ("In 2021 it raised the wool tax to 12 percent.",),
        )
    ],
)
register(
    "sure_antecedent",
    "decontextualisation",
    "a candidate antecedent that is no name or thing: a first- or second-person subject ('We …'), a 'person' the "
    "tagger found in lower-case words",
    "not used: 'it' is never resolved to 'We', 'his' never to a lower-case phrase",
    [("We tested the Orvik X5 in 2019. It has a 40 kWh battery.", ("We tested the Orvik X5 in 2019.",))],
)
register(
    "extraposed_it",
    "decontextualisation",
    "'It is <noun/adjective> to VP / that …' ('It is past time for Lanzo to build a terminal')",
    "no resolution: 'it' holds the place of the clause after it and stands for nothing in the article",
    [
        (
            "The Lanzo ferry terminal opened in 1990. It was a mistake to close the old pier in 1995.",
            ("The Lanzo ferry terminal opened in 1990.",),
        )
    ],
)
register(
    "quoted_it",
    "decontextualisation",
    "it/its inside a direct quotation with no thing named before it in the sentence",
    "no resolution to the article's previous subject (the speaker's 'it' is what the speaker talks about)",
    [
        (
            'The Lanzo ferry was 40 minutes late on 3 May 2021. "It was a difficult day for 300 passengers," Ana Ruiz said.',
            ("The Lanzo ferry was 40 minutes late on 3 May 2021.",),
        )
    ],
)
register(
    "demonstrative_subject",
    "decontextualisation",
    "'This/That' opening a sentence as its subject",
    "the previous sentence's subject (off by default: it mostly stands for what was said, not for the subject)",
    [],
    default=False,
)
register(
    "definite_descriptions",
    "decontextualisation",
    "'the/this <noun>' naming something introduced a sentence or two before",
    "the fuller description or the name",
    [
        (
            "Norland passed a new plastics law in 2019. The law took effect in 2021.",
            ("The new plastics law took effect in 2021.",),
        )
    ],
)
register(
    "article_named_description",
    "decontextualisation",
    "a bare 'the <noun>' after exactly one earlier mention of that noun with a name ('the Rukban camp', 'the Trump "
    "administration') and no other description of it ('a camp in Jordan', another name)",
    "the name the article gave it ('the Rukban camp'); otherwise it stays, flagged 'not introduced'",
    [
        (
            "Lanzo opened the Varnes harbour in 1990. Ferries to Tessaly left from the harbour until 2015.",
            ("Ferries to Tessaly left from the Varnes harbour until 2015.",),
        )
    ],
)
register(
    "deictic_description",
    "policy",
    "'the <noun>' whose only modifiers point back into the article ('the new version', 'the two sides', 'the other "
    "ferry'), with nothing in the claim that says which",
    "the claim flagged '\"the <noun>\" not introduced', as a bare 'the <noun>' is",
    [("The new harbour cost 40 million euros in 2019.", ("The new harbour cost 40 million euros in 2019.",))],
)
register(
    "relative_that",
    "policy",
    "a relative 'that' ('a ferry that carries 300 cars'), which the tagger tells from a demonstrative by its tag",
    "no 'demonstrative' flag: the relative clause says itself what 'that' stands for",
    [
        (
            "The Orvik bank runs a loan exchange that works with 40 lenders in Lanzo.",
            ("The Orvik bank runs a loan exchange that works with 40 lenders in Lanzo.",),
        )
    ],
)
register(
    "relative_dates",
    "decontextualisation",
    "a relative date ('on Wednesday', 'yesterday', 'last month') in an article with a publication date",
    "the date written out from the publication date ('on 13 July 2022')",
    [
        (
            "The Varnes ferry company cancelled 40 crossings on Wednesday.",
            ("The Varnes ferry company cancelled 40 crossings on 13 July 2022.",),
        )
    ],
)

register(
    "relative_date_words",
    "decontextualisation",
    "a weekday or yesterday/today/tomorrow that the entity spans miss or blur ('posted on Twitter Tuesday', 'as "
    "of today'), in an article with a publication date; not a weekday inside a name ('Black Friday')",
    "the date written out ('posted on Twitter on 12 November 2019', 'as of 18 November 2019')",
    [
        (
            "The Varnes ferry company announced 40 new crossings on Twitter Tuesday.",
            ("The Varnes ferry company announced 40 new crossings on Twitter on 12 July 2022.",),
        )
    ],
)
register(
    "relative_weeks",
    "decontextualisation",
    "a relative week, part of the day or span that the publication date settles ('last week', 'in the past week', "
    "'earlier this month', 'this morning', 'three days ago')",
    "the dates written out ('in the week of 4 July 2022', 'in the week before 14 July 2022', 'earlier in July "
    "2022', 'on 14 July 2022 (morning)', 'three days before 14 July 2022'); a weekend or 'recently' stays, flagged",
    [
        (
            "The Varnes ferry company cancelled 40 crossings last week.",
            ("The Varnes ferry company cancelled 40 crossings in the week of 4 July 2022.",),
        )
    ],
)

# --- policy: what becomes a claim, and how it is flagged ---------------------------------------------------

register(
    "modality_guard",
    "policy",
    "a claim missing a modal, negation or hedge of its source that governs its verb ('could face' written "
    "'faces', 'plans to build' written 'builds', 'X could not confirm that …' reported as X's statement)",
    "the sentence in the article's own words instead, flagged 'needs context' and marked 'not decomposed'",
    [
        (
            "Ivo Brandt could not confirm that the Lanzo ferry carried 300 cars in 2019.",
            ("Ivo Brandt could not confirm that the Lanzo ferry carried 300 cars in 2019.",),
        )
    ],
)

register(
    "first_person_claims",
    "policy",
    "a declarative first- or second-person statement with a figure, date or name ('We cut taxes twice in 2019')",
    "a claim keeping the words, flagged 'needs context' (who 'we' is lies outside the claim); a quoted 'I' of a "
    "named speaker becomes the speaker; the speaker stays on the mention",
    [
        ("We cut the sales tax twice in 2019.", ("We cut the sales tax twice in 2019.",)),
        ('"I cut the sales tax twice in 2019," Ana Ruiz said.', ("Ana Ruiz cut the sales tax twice in 2019.",)),
    ],
)
register(
    "named_stance",
    "policy",
    "a named person's present stance on a proposition or an action ('Governor Ruiz wants to repeal the wool tax', "
    "'he believes that …'; not 'she likes the harbour')",
    "a claim, as a named third party's past stance already is: what someone wants is on the record",
    [
        (
            "Governor Ana Ruiz wants to repeal the Lanzo wool tax.",
            ("Governor Ana Ruiz wants to repeal the Lanzo wool tax.",),
        )
    ],
)
register(
    "first_person_record",
    "policy",
    "a first-person statement of a past action on something, with no figure or name ('We never raised the sales tax')",
    "a claim like any first-person one (first_person_claims): kept in the words, flagged 'needs context' (on since "
    "past_record_verbs leaves out what the speaker saw, said or went through)",
    [("We never raised the sales tax.", ("We never raised the sales tax.",))],
)
register(
    "main_clause_modal",
    "policy",
    "a future or conditional modal (will, would, shall) inside a subordinate clause of a first-person statement ('We "
    "estimated in 2019 that the bridge would cost 90 million euros')",
    "a claim like any first-person statement: only a modal of the statement's own clause makes it a promise",
    [
        (
            "We planned a ferry line in 2019 which would carry 600 people a day.",
            ("We planned a ferry line in 2019 which would carry 600 people a day.",),
        )
    ],
)
register(
    "contractions",
    "policy",
    'a contracted auxiliary where a rule looks for words: "That\'s why …" (explanatory_opener), "we\'d …" (a '
    "first-person promise)",
    "the same decision as for the full form ('That is why …', 'we would …')",
    [
        (
            "Lanzo has no airport. That's why the Varnes ferry company runs 12 crossings a day.",
            ("The Varnes ferry company runs 12 crossings a day.",),
        )
    ],
)
register(
    "speaker_agenda",
    "policy",
    "a first- or second-person line about what the speaker (or listener) is going to, can or must do, in its own "
    "clause ('We are going to cut the wool tax by 5 percent', 'we can win 40 seats', 'we need 300 more buses')",
    "no claim: a plan, a boast or a demand, as a promise with 'will' is not one",
    [("We cut the wool tax by 5 percent in 2019. We are going to cut the wool tax by 5 percent in 2025.", ())],
)
register(
    "first_person_comparison",
    "policy",
    "a first-person statement with a ranking or comparison but no figure or name ('We have the largest wool "
    "exporters in the region', 'we run more ferries than Tessaly', 'we cut the deficit in half')",
    "a claim like any first-person one with a figure: kept in the words, flagged 'needs context'",
    [("We run more ferries than the northern islands.", ("We run more ferries than the northern islands.",))],
)
register(
    "own_past_speech",
    "policy",
    "a sentence in which the speaker reports their own past words ('I said in 2019 that we would cut the wool tax') "
    "and what they said is no claim on its own (a promise, a first-person line with nothing to check)",
    "the whole sentence as one claim in its words, not decomposed, flagged 'needs context': that it was said is on "
    "the record (off by default: not yet measured on the dev sets)",
    [
        (
            "I said in 2019 that we would cut the wool tax.",
            ("I said in 2019 that we would cut the wool tax.",),
        )
    ],
    default=False,
)
register(
    "past_record_verbs",
    "policy",
    "the past action first_person_record looks for: also with 'did' ('I did not vote for the levy') or a verb as "
    "what was done ('we voted to close the mill'); not a verb of saying, perceiving or going through something, "
    "nor a light verb ('I talked to a farmer', 'we saw a change', 'I took on that fight')",
    "a first-person record kept (first_person_record), the speaker's experience left out",
    [("I did not vote for the wool levy.", ("I did not vote for the wool levy.",))],
)
register(
    "dangling_subordinate",
    "policy",
    "a subordinate clause without its main clause ('If the cabins need …'), a 'that' whose clause is missing, or a "
    "claim opening with its finite verb ('Is coal power.' out of 'So is coal power.')",
    "no claim: a fragment is garbled, not a statement",
    [
        (
            "Ana Ruiz won the Lanzo race in 2019. Sports editor Ivo Brandt has reported that for his role in the race.",
            ("Ana Ruiz won the Lanzo race in 2019.",),
        )
    ],
)
register(
    "exclamation",
    "policy",
    "a statement from a sentence ending in '!' with no figure or date in it ('The harbour tour was spectacular!', 'Our "
    "ferries are top notch!')",
    "no claim: a cheer or a pitch, not a fact",
    [("The Varnes ferry carried 41,000 passengers in 2019. Our ferries are top notch!", ())],
)
register(
    "graded_judgement",
    "policy",
    "a statement without a figure whose adjective or verb is graded by a degree word ('the crew is so friendly', "
    "'the menu is a bit bland') or which addresses the reader in the article's own voice ('the tour leaves you "
    "rested')",
    "the claim kept, its check-worthiness capped at claims.bands.NOT_A_FACT so the queue ranks it last",
    [],  # the claim is the same either way, only its score moves: tests/extraction/test_checkable.py
)
register(
    "wellformed",
    "policy",
    "a claim cut out of its sentence that opens with its finite verb ('Was flagged on two plays.', 'Is the ferry the "
    "slowest.' out of '…, nor is it the slowest') or ends on a word whose other half stayed in the sentence "
    "('… 15 percent blue, and.')",
    "no claim from that piece (the sentence itself may still be written whole, undecomposed)",
    [
        (
            "The Lanzo ferry is not the oldest ferry in Norland, nor is it the slowest ferry in Norland.",
            ("The Lanzo ferry is not the oldest ferry in Norland.",),
        )
    ],
)
register(
    "addressee_not_content",
    "policy",
    "a verb of telling whose object is whom they told, with nothing of what was told in the claim ('Ana Ruiz told the "
    "Lanzo Courier in an interview', 'he assured reporters on Monday')",
    "no claim, as for any verb of saying without its content; 'told the council that …', 'told a story', 'informed "
    "the board of …' keep theirs",
    [
        (
            "Ana Ruiz told the Lanzo Courier in an interview. The Varnes ferry carried 300 cars in 2019.",
            ("The Varnes ferry carried 300 cars in 2019.",),
        )
    ],
)
register(
    "undecomposed_fallback",
    "policy",
    "a factual declarative sentence none of whose clauses became a claim",
    "the sentence itself as one claim, marked 'not decomposed' for the editor",
    [("The harbour froze and the ferries stopped.", ("The harbour froze and the ferries stopped.",))],
)
register(
    "checkworthy_sentence",
    "policy",
    "a declarative sentence none of whose clauses became a claim (an opinion verb, a first person without a record, "
    "...) that the check-worthiness model scores at or above gate.KEEP (chosen out of fold on ClaimBuster)",
    "the sentence as one claim in the article's own words, marked 'not decomposed', flagged 'needs context' when it "
    "leans on the article (claims/extraction/gate.py)",
    [
        (
            "I believe the Orvik mill closed in 1994 with 300 jobs lost.",
            ("I believe the Orvik mill closed in 1994 with 300 jobs lost.",),
        )
    ],
)
register(
    "grammar_guard",
    "policy",
    "a rewritten claim without a finite verb, or whose substituted subject disagrees with its verb",
    "the claim in the article's own words instead, flagged 'needs context'",
    [],
)
register(
    "keep_person_pronoun_claims",
    "policy",
    "a statement opening with he/she/they that nothing resolved ('He voted for the 2019 budget')",
    "the claim in the article's words, flagged 'needs context', instead of dropping it (drop_unresolved still "
    "drops it/this/that openers)",
    [
        (
            "Ana Ruiz met Ivo Brandt in Lanzo. He voted against the budget of Lanzo.",
            ("He voted against the budget of Lanzo.",),
        )
    ],
)
register(
    "keep_figure_pronoun_claims",
    "policy",
    "a statement opening with an unresolved it/this/that/these/those that carries an amount or a superlative "
    "('This is the worst harvest since 1950'; a span of time alone does not count)",
    "the claim in the article's words, flagged 'needs context', instead of dropping it",
    [
        (
            "Lanzo and Tessaly signed the deal. This is the largest wool deal since 1950.",
            ("This is the largest wool deal since 1950.",),
        )
    ],
)
register(
    "drop_unresolved",
    "policy",
    "a claim opening with a pronoun or demonstrative nothing resolved, or an 'it' object left bare",
    "no claim (switched off: the claim is stored flagged 'needs context')",
    [],
)
register(
    "parallel_facts_rank",
    "policy",
    "claims of one sentence that differ only in one conjunct ('Lanzo recognised the Orvik Republic …' and '… the "
    "Varnes Republic …')",
    "each takes the highest check-worthiness among them, the reason first in its signals (claims/extraction/"
    "parallel_facts.py)",
    [],  # the claims are the same either way, only their order moves: tests/extraction/test_parallel_facts.py
)
register(
    "month_year",
    "decontextualisation",
    "a month or a day of a month without its year, in a statement about the past (or with 'will') whose month is "
    "not after (not before) the publication's, with no other year in its sentence or paragraph ('On July 18, the "
    "council voted …')",
    "the date with the publication's year ('On July 18, 2022, …'); a recurring or personal date, 'last July', or "
    "a month another year could own stays as written (claims/extraction/month_dates.py)",
    [
        (
            "The Lanzo council voted on July 2 to close the Orvik mill.",
            ("The Lanzo council voted on July 2, 2022 to close the Orvik mill.",),
        )
    ],
)
register(
    "no_comment",
    "policy",
    "a clause saying someone declined or failed to tell the reporter ('The ministry declined to comment', 'did not "
    "immediately respond to a request for comment', 'did not say when …', 'did not identify the suspects')",
    "no claim; 'did not say that taxes would rise' (what was not said) and a document's content ('the law does not "
    "specify …') keep theirs (claims/extraction/reporting_gaps.py)",
    [
        (
            "The Varnes ferry carried 300 cars in 2019. The Varnes ferry company declined to comment.",
            ("The Varnes ferry carried 300 cars in 2019.",),
        )
    ],
)
register(
    "embedded_question",
    "policy",
    "a clause opening with a wh-word that was the object of a verb left outside the claim ('why the mill closed' out "
    "of 'Ana Ruiz explained why the mill closed')",
    "no claim from that piece: an indirect question states nothing",
    [
        (
            "The Varnes ferry carried 300 cars in 2019. Ana Ruiz explained why the Orvik mill closed in 2019.",
            ("The Varnes ferry carried 300 cars in 2019.",),
        )
    ],
)
