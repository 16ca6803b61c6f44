"""Policy rules: what becomes a claim, and how it is flagged."""

from .registry import register

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
    "first_person_advice",
    "policy",
    "the speaker's own advice: 'I/we recommend/suggest/advise/urge/encourage …' in the present or with 'would' "
    "('I recommend checking the council's site', 'we would urge readers to …'); not a past 'I recommended …'",
    "no claim, and the check-worthiness model may not overrule it (gate.never_a_claim), as 'it is important to …'",
    [
        (
            "The Varnes ferry carried 41,000 passengers in 2019. I recommend booking the Varnes ferry 40 days ahead.",
            ("The Varnes ferry carried 41,000 passengers in 2019.",),
        )
    ],
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
    "the record",
    [
        (
            "I said in 2019 that we would cut the wool tax.",
            ("I said in 2019 that we would cut the wool tax.",),
        )
    ],
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
    "marked_head",
    "policy",
    "a claim whose heading verb has a subordinating word of its own after other words ('In many cases after youths "
    "threw stones.', when the parse made that clause the sentence's root)",
    "no claim: an adverbial clause without its main clause is a fragment",
    [
        (
            "Varnes students faced batons and tear gas, in many cases after youths threw stones.",
            ("Varnes students faced batons.",),
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
    "cut_after_function_word",
    "policy",
    "a claim ending on a preposition, conjunction or determiner that the article goes straight on from with a word "
    "the claim dropped, wherever the parse hung that word ('… never aware of.' out of '… aware of or involved in …'), "
    "or on an opening mark ('… to watch <')",
    "no claim from that piece (the sentence itself may still be written whole, undecomposed)",
    [
        (
            '"At no point was I aware of and knowingly took part in a plan to sell the Lanzo ferry," Ruiz said.',
            ("At no point was I aware of and knowingly took part in a plan to sell the Lanzo ferry.",),
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
    "checkworthy_unresolved_opener",
    "policy",
    "a declarative sentence that opens with a pronoun or demonstrative nothing resolved ('It cut the wool tax in "
    "2019.'), which drop_unresolved drops, with no other gap the 'needs context' check finds, that the "
    "check-worthiness model scores at or above gate.KEEP_UNRESOLVED (chosen out of fold on ClaimBuster, never below "
    "gate.KEEP)",
    "the sentence as one claim in the article's own words, marked 'not decomposed' and flagged 'needs context' "
    "(claims/extraction/gate.py)",
    [
        (
            "It has created more jobs than any other program in Orvik.",
            ("It has created more jobs than any other program in Orvik.",),
        )
    ],
)
register(
    "checkworthy_refused",
    "policy",
    "a declarative sentence the rules refuse for what it is (a promise or plan of the speaker, a 'you' with a modal, "
    "a judgement: gate.refused; never advice or one that says nothing, gate.never_a_claim) that the check-worthiness "
    "model scores at or above gate.KEEP_REFUSED (chosen out of fold on ClaimBuster, never below gate.KEEP)",
    "the sentence as one claim in the article's own words, marked 'not decomposed' (claims/extraction/gate.py)",
    [
        (
            "We cannot ignore that youth unemployment in Orvik is at 40 percent.",
            ("We cannot ignore that youth unemployment in Orvik is at 40 percent.",),
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
register(
    "contracted_has",
    "policy",
    "a contracted \"'s\" before 'been', 'got' or 'had' (\"it's been empty since 2020\"), or before a participle "
    'with an object ("she\'s raised the fares")',
    "'has' when the claim is written out ('The Lanzo mill has been empty since 2020'), not 'is been'",
    [("The Lanzo mill closed in 2019. It's been empty since 2020.", ("The Lanzo mill has been empty since 2020.",))],
)
register(
    "contracted_has_perfect",
    "policy",
    "a contracted \"'s\" before a participle with no object but what only a perfect has: a measure ('a lot'), "
    "'ever', 'already', 'never' or 'yet', or a verb of motion ('gone', 'risen'); not with an agent ('by')",
    "'has' when the claim is written out ('Sarah Miller has never worked on a night ferry'), not 'is worked'",
    [
        (
            "Sarah Miller runs the Lanzo ferry office. She's never worked on a night ferry.",
            ("Sarah Miller has never worked on a night ferry.",),
        )
    ],
)
register(
    "contracted_had",
    "policy",
    'a contracted "\'d" ("she\'d raised", "they\'d like")',
    "'had' before a participle, 'would' otherwise, when the claim is written out ('Dana Reyes had raised its "
    'traffic …\'), not "Dana Reyes\'d raised"; a "\'d" before a participle is no modal for the modality guard',
    [
        (
            "Dana Reyes ran the Lanzo port until 2020. She'd raised its traffic by 40 percent by then.",
            ("Dana Reyes had raised its traffic by 40 percent by then.",),
        )
    ],
)
register(
    "relative_piece",
    "policy",
    "a piece of a relative clause cut off from the noun it is about ('the individual pixels of which can be dimmed', "
    "'…, both of whom.') or a relative clause without its object 'whom'/'which' ('Ana Ruiz has had feuds with in the "
    "past.') (claims/extraction/wellformed.py)",
    "no claim from that piece",
    [
        (
            "Tom Ek has worked with Ana Ruiz and Ivo Brandt, both of whom Maria Keller has had feuds with since 2015.",
            (
                "Tom Ek has worked with Ana Ruiz and Ivo Brandt, both of whom Maria Keller has had feuds with since "
                "2015.",
            ),
        )
    ],
)
register(
    "negative_phrase",
    "policy",
    "a phrase whose 'no' negates its clause ('At no time was Ivo Brandt aware of or took part in …', 'in no way', "
    "'under no circumstances') that a claim of the clause lost (claims/extraction/faithfulness.py)",
    "the sentence in its own words, flagged, as for any lost negation (modality_guard)",
    [
        (
            "Ivo Brandt said that at no time was he aware of the plan and knowingly took part in the sale of the "
            "Lanzo mill.",
            ("At no time was he aware of the plan and knowingly took part in the sale of the Lanzo mill.",),
        )
    ],
)
register(
    "anaphoric_modifier",
    "policy",
    "a word that points back into the article without saying at what: 'a similar message', 'such plumes', 'the "
    "same is true', 'another factor' or 'other features' as subject, 'neither player', 'both teams' as subject, a "
    "bare 'the three' or 'the latter' (claims/extraction/anaphora.py); not 'similar to X', 'such as', 'the same as', "
    "'and other fees', 'other than'",
    "the claim as written, flagged 'the \"similar message\" refers to something earlier in the article'",
    [
        (
            "Ana Ruiz sent a similar message to the Lanzo council in 2019.",
            ("Ana Ruiz sent a similar message to the Lanzo council in 2019.",),
        )
    ],
)
register(
    "open_relative_time",
    "policy",
    "time counted from a moment the claim does not give: 'now', 'currently', 'the previous week', 'over the past "
    "five years', 'the following season' (not 'the last days of May 2019')",
    "the claim as written, flagged 'relative time \"currently\" without its date'",
    [
        (
            "The Lanzo ferry currently carries 300 cars a day.",
            ("The Lanzo ferry currently carries 300 cars a day.",),
        )
    ],
)
register(
    "defined_abbreviation",
    "policy",
    "an abbreviation the article spelled out before the claim ('a cargo levy fund (CLF)') and the claim leaves bare "
    "('The CLF paid …'; a capitalised long form is written in by alias_canonicalisation), unless it is one of "
    "general knowledge (the gazetteer's 'UN', 'EU')",
    "the claim as written, flagged 'abbreviation \"CLF\" is spelled out only earlier in the article'",
    [
        (
            "Lanzo created a cargo levy fund (CLF) in 1990. The CLF paid 40 million euros to Orvik in 2019.",
            ("The CLF paid 40 million euros to Orvik in 2019.",),
        )
    ],
)
register(
    "described_subject",
    "policy",
    "a subject 'the <describing words> <noun>' that only the article introduces ('The gray haze closed 40 schools', "
    "'The roof spoiler is functional'); not a name, a figure, a superlative or ordinal, a noun everyone knows, nor "
    "one followed by its own description ('The unemployment rate in Lanzo …') (claims/extraction/readability.py)",
    "the claim as written, flagged '\"the gray haze\" not introduced: the article says which'",
    [
        (
            "The gray haze closed 40 schools in Lanzo in 2019.",
            ("The gray haze closed 40 schools in Lanzo in 2019.",),
        )
    ],
)
register(
    "bracket_guard",
    "policy",
    "a clause that took one bracket of a pair and not the other, or a bracket whose partner is in another sentence",
    "the clause without the stray bracket when it lies wholly inside or outside the pair (or the bracket closes "
    "what another sentence opened); the claim ending before an opening bracket left open, if it keeps a finite "
    "verb; no claim when the clause crosses the bracket; a rewritten claim that ends on a bracket it never opened "
    "loses it",
    [
        (
            "The Lanzo ferry beat the Varnes ferry by 7 minutes (the record. The Varnes ferry was faster in 2019.",
            ("The Lanzo ferry beat the Varnes ferry by 7 minutes.",),
        )
    ],
)
register(
    "subordinate_before_main",
    "policy",
    "a claim that opens with 'while', 'if', 'when', 'although' … and ends before its sentence's main verb ('While the "
    "young and the old are most at risk, when smog gets thick, everyone can suffer')",
    "no claim from the opening clause alone; the main clause's claim stands",
    [
        (
            "While the very young, the elderly, and the infirm are most at risk, when smog in Lanzo gets thick, "
            "everyone can suffer.",
            ("When smog in Lanzo gets thick, everyone can suffer.",),
        )
    ],
)
register(
    "dash_aside_guard",
    "policy",
    "a clause that keeps one dash of an aside's pair ('X - aside - Y'), words on both sides of it and only part of "
    "the aside",
    "no claim: the clause was cut through the aside; the sentence's other clauses, or the sentence whole, stand",
    [
        (
            "In Lanzo, the Green candidate, Ana Ruiz - whose father, as mayor, built the Varnes bridge - promised to "
            "cut ferry fares and attacked Ivo Brandt over his plan for tolls.",
            (
                "In Lanzo, the Green candidate, Ana Ruiz - whose father, as mayor, built the Varnes bridge - promised "
                "to cut ferry fares.",
            ),
        )
    ],
)
register(
    "quoted_contraction",
    "policy",
    "a contraction inside a quotation or title the claim keeps in its marks ('played \"We're Still Here\"')",
    "the words as written ('\"We're Still Here\"'), not spelled out ('\"We are Still Here\"'): a title or a quote "
    "is not ours to rewrite",
    [
        (
            'Nurses with drums played "We\'re Still Here" from the steps of Boise City Hall in 2019.',
            ('Nurses with drums played "We\'re Still Here" from the steps of Boise City Hall in 2019.',),
        )
    ],
)
