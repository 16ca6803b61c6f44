"""Decomposition rules for coordinated nouns, phrases and lists: when "A and B" gives a claim for each, and when it
stays one claim (stage decomposition; clauses and verbs: rules/decomposition.py)."""

from .registry import register

register(
    "symmetric_predicate",
    "decomposition",
    "coordinated nouns or phrases under a likeness or difference ('A and B are identical', 'saw the inquiries into A "
    "and into B as separate')",
    "no split: the likeness is between the conjuncts ('The Varnes ferry is identical.' says nothing)",
    [
        (
            "The Varnes ferry and the Lanzo ferry are identical.",
            ("The Varnes ferry and the Lanzo ferry are identical.",),
        )
    ],
)
register(
    "specificational_copula",
    "decomposition",
    "coordinated complements of 'be' after a definite description or a 'what' clause ('The council's priorities are "
    "ferries and buses', 'What the ferry needs is will and money')",
    "no split: the list is what the subject is, all of it ('The council's priorities are ferries.' would claim the "
    "list is one item); after a name or pronoun ('Ana Ruiz is a lawyer and a pilot') split as before",
    [
        (
            "The Varnes council's two priorities are ferries and buses.",
            ("The Varnes council's two priorities are ferries and buses.",),
        )
    ],
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
    "example_scope",
    "decomposition",
    "examples on an object whose noun is unsure: reached past a nearer plural ('drama into talks with partners, "
    "including Varnes and Lanzo') or one member of a coordination ('films from Orvik Studios and old cartoons, "
    "including X'); examples on a subject whose noun is counted ('Lanzo's 10 million stoves, like coal stoves')",
    "no claim per example, only the statement without them: put in place of the wrong noun an example says what the "
    "article did not ('drama into Varnes'); a count of the group is no description of its examples ('Coal stoves "
    "are 10 million stoves')",
    [
        (
            "The Lanzo minister brought new demands into trade talks with other partners, including Varnes and Orvik.",
            ("The Lanzo minister brought new demands into trade talks with other partners.",),
        )
    ],
)
register(
    "like_comparison",
    "decomposition",
    "', like X' after a singular noun ('Comfort, like speed, is …', 'a lung infection, like flu'): a likeness or an "
    "approximation, not examples of a kind (after a plural noun, 'ferries, like the Orvik', still gives examples)",
    "no example claims: 'X is <noun>' and '<verb> X' would claim what the article only compared ('Speed is "
    "Comfort', 'the doctor assumed he had flu')",
    [
        (
            "In May 2019 Dr Mara Lind thought Ivo Brandt had a lung infection, like flu.",
            ("In May 2019 Dr Mara Lind thought Ivo Brandt had a lung infection, like flu.",),
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
    "trailing_shared_modifier",
    "decomposition",
    "coordinated subjects or objects where a modifier after the last conjunct hangs on an earlier one in the parse "
    "('an old boat and two bells that date from 1650', 'no fee, no queueing and no waiting - just instant entry')",
    "no split: the statement as written, since the modifier may belong to the last conjunct or to all of them, and "
    "a claim of an earlier conjunct with it reads out of agreement ('an old boat that date from 1650') or out of "
    "sense ('has no fee just instant entry', 'has no waiting -')",
    [
        (
            "The Lanzo museum shows an old wooden boat and two bronze bells that date from 1650.",
            ("The Lanzo museum shows an old wooden boat and two bronze bells that date from 1650.",),
        ),
        (
            "The Lanzo pass has no fee, no queueing and no waiting - just instant entry.",
            ("The Lanzo pass has no fee, no queueing and no waiting - just instant entry.",),
        ),
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
    "partial_list",
    "decomposition",
    "coordinated subjects or objects the parse gives only part of a list: a later conjunct of another kind ('radar, "
    "infrared and other data'), an object list after a comma and a noun phrase not among its conjuncts ('wary of "
    "its prices, its supply model, and its working culture', the last two read as another verb's objects), or a verb with two "
    "subjects ('the founders Ana Ruiz and Tomas Berg run …')",
    "no split: the statement as written, instead of claims that each keep part of the list ('wary of its prices, its "
    "working culture') or glue two items without their 'and'",
    [
        (
            "The Varnes mill halted its plans for a second site on April 9 when buyers became wary of its prices, its "
            "supply model, and its working culture.",
            (
                "The Varnes mill halted its plans for a second site on April 9, 2022 when buyers became wary of its "
                "prices, its supply model, and its working culture.",
            ),
        ),
    ],
)
register(
    "open_list",
    "decomposition",
    "coordinated subjects or objects closed by 'other <noun>' or 'others' ('adaptive cruise, lane assistance and "
    "other features')",
    "no split: 'other' means other than the items before it, so a claim of the last conjunct alone says nothing "
    "('adds other features') and the statement is about the items together",
    [
        (
            "The Tour package adds adaptive cruise, lane assistance, parking assistance, and other features.",
            ("The Tour package adds adaptive cruise, lane assistance, parking assistance, and other features.",),
        )
    ],
)
register(
    "conjunct_coordinator",
    "decomposition",
    "a coordinator inside one conjunct of a split list ('instruments such as old and rare lutes, and harps')",
    "the coordinator kept in that conjunct's claim ('displays old and rare lutes'); only the coordinators joining "
    "the list's own conjuncts go",
    [
        (
            "The Brenholt museum displays instruments such as old and rare lutes, and harps.",
            ("The Brenholt museum displays old and rare lutes.",),
        )
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
    "name_with_and",
    "decomposition",
    "coordinated nouns that the entity tagger reads as one name ('the Red and Blue Edition is back in stock', "
    "'Procter and Gamble closed …')",
    "no split: the name stays whole, not 'The Red is back in stock.' and 'Blue Edition is back in stock.'",
    [
        (
            "After a long stretch of being unavailable, the Red and Blue Edition is back in stock on Amazon.",
            ("After a long stretch of being unavailable, the Red and Blue Edition is back in stock on Amazon.",),
        )
    ],
)
register(
    "gapped_object_pair",
    "decomposition",
    "a conjunct of a preposition's object that has a preposition of its own, after a verb with a direct object "
    "('spent 24 million euros in the campaigns and 40 million euros on ads': a second object and its phrase, the "
    "verb left out)",
    "no split at that coordination (the conjunct put in the first object's place would read 'spent 24 million euros "
    "in the 40 million euros on ads')",
    [
        (
            "Lanzo spent 24 million euros in the two floods and 40 million euros on new dikes.",
            ("Lanzo spent 24 million euros in the two floods and 40 million euros on new dikes.",),
        )
    ],
)
