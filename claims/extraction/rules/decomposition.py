"""Decomposition rules: how a statement is cut into clauses (at verbs, colons, adverbial clauses, appositives and
relative clauses), and when it is not cut. Coordinated nouns and lists: rules/coordination.py."""

from .registry import register

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
    "passive_participle_conjunct",
    "decomposition",
    "a verb coordinated with a passive that has its agent ('was caught by the crew and sent back'), tagged past "
    "although the participle has the same form, with no subject, auxiliary or object of its own",
    "the passive's auxiliary lent to it ('Ana Ruiz was sent back to Varnes'), not a bare verb that reads as active "
    "('Ana Ruiz sent back to Varnes'); without an agent ('was born in Varnes and served on the council') as before",
    [
        (
            "Ana Ruiz tried to board the Lanzo ferry on 16 May but was caught by the crew and sent back to Varnes.",
            ("Ana Ruiz was sent back to Varnes.",),
        )
    ],
)
register(
    "dated_participle_past",
    "decomposition",
    "a trailing participle with a date of its own after a present perfect ('The Varnes bond has weakened, hitting "
    "a low of 80 cents on 11 July 2022')",
    "its claim in the past tense ('The Varnes bond hit a low of 80 cents on 11 July 2022'), not the present ('hits'), "
    "which would say it is so now or habitually",
    [
        (
            "Vektra's 2025 bond has weakened sharply in the past week, hitting 16.5% on 11 July 2022, according to "
            "data from Lanzo Markets.",
            ("Vektra's 2025 bond hit 16.5% on 11 July 2022.",),
        )
    ],
)
register(
    "participle_series",
    "decomposition",
    "a trailing participle clause of two coordinated participles ('…, threatening them with fines and suggesting it "
    "might leave'), or after a subject with a plural word that is not its head ('The Varnes council has …')",
    "each participle made finite ('threatens … and suggests …') in the number the main verb agrees in ('The Varnes "
    "council threatens'), not the first alone or the number of any plural word in the subject",
    [
        (
            "The Varnes council has sharpened its tone with other towns, publicly threatening them with fines and "
            "suggesting it might leave some partners behind.",
            (
                "The Varnes council publicly threatens them with fines and suggests it might leave some partners "
                "behind.",
            ),
        )
    ],
)
register(
    "reporting_participle",
    "decomposition",
    "a trailing participle of saying ('noting that …', 'adding that …') on a reported clause whose speaker is named "
    "outside it ('X said the ferry lost 2 million, noting that fuel prices doubled')",
    "what was noted as the speaker's own claim ('Fuel prices doubled', said by X), not '<the clause's subject> noted "
    "that …'",
    [
        (
            "Sarah Miller said the Varnes ferry lost 2 million euros in 2020, noting that fuel prices doubled in 2020.",
            ("Fuel prices doubled in 2020.",),
        )
    ],
)
register(
    "disjoined_verbs",
    "decomposition",
    "verbs coordinated by 'or' ('The council will raise fares or cut crossings')",
    "no split: each alternative alone would be asserted as what happens; the clause stays whole",
    [
        (
            "The Lanzo council will raise ferry fares or cut 40 crossings in 2024.",
            ("The Lanzo council will raise ferry fares or cut 40 crossings in 2024.",),
        )
    ],
)
register(
    "wh_fragment",
    "decomposition",
    "a claim that opens with a wh-word which reaches its main verb through no clause of its own: an embedded "
    "question or free relative split off a list or an object ('how much the wind spreads it')",
    "no claim: it asserts nothing alone ('What the council decided was kept secret' stands: the wh-word is in its "
    "subject clause)",
    [
        (
            "The Varnes report set out two things: how much smoke the farms burn and how much the wind spreads it.\n\n"
            "The Varnes council cut the ferry budget by 20 percent in 2021.",
            ("The Varnes council cut the ferry budget by 20 percent in 2021.",),
        )
    ],
)
register(
    "not_only_but",
    "decomposition",
    "'not only/just/merely X, but (also) Y' split into a claim for each half",
    "the first half without 'not only' ('lies in X'), as the article asserts both; 'not only' is no negation the "
    "modality guard must keep",
    [
        (
            "The Varnes ferry service now depends not only on tourists, but on freight from the mainland.",
            ("The Varnes ferry service now depends on tourists.",),
        )
    ],
)
register(
    "borrowed_hedge",
    "decomposition",
    "a hedge adverb before the first of coordinated verbs ('The duo reportedly saw a bar in Varnes and decided to "
    "open one')",
    "the hedge kept in the second verb's claim ('The duo reportedly decided to …'), not a fact where the article "
    "reported",
    [
        (
            "The Lanzo duo reportedly saw an oxygen bar in Varnes and decided to open an oxygen bar in Tessaly.",
            ("The Lanzo duo reportedly decided to open an oxygen bar in Tessaly.",),
        )
    ],
)
register(
    "trailing_condition",
    "decomposition",
    "a condition ('if …', 'unless …') after the last of coordinated verbs ('continue to talk and could sign a deal "
    "within weeks, if both sides give way')",
    "no split at the verbs: the condition may govern either verb, so the sentence keeps its words",
    [
        (
            "The two Lanzo ferry firms continue to negotiate and could sign a deal within weeks, if both sides give "
            "way.",
            (
                "The two Lanzo ferry firms continue to negotiate and could sign a deal within weeks, if both sides "
                "give way.",
            ),
        )
    ],
)
register(
    "participle_after_agent",
    "decomposition",
    "a trailing participle after a passive with its agent ('A photo was denied by Ana Ruiz, hinting that it was a "
    "fake')",
    "no split: the participle may tell of the agent as well as of the subject ('A photo hinted that it was a fake' "
    "would be wrong), so the sentence keeps its words",
    [
        (
            "A photo of the Lanzo meeting was denied by Ana Ruiz in 2021, hinting that it was a fake.",
            ("A photo of the Lanzo meeting was denied by Ana Ruiz in 2021, hinting that it was a fake.",),
        )
    ],
)
register(
    "opening_phrase_comma",
    "decomposition",
    "an appositive that ends a phrase opening the sentence ('Having bought the mill in Varnes, a town on the "
    "border, the council will …')",
    "the appositive's own claim, and the main claim with the comma that sets the opening phrase off ('Having bought "
    "the mill in Varnes, the council will …'), not the phrase run into the subject",
    [
        (
            "Having bought the old mill in Varnes, a town on the Norland border, the Lanzo council will invite "
            "architects to submit plans.",
            ("Having bought the old mill in Varnes, the Lanzo council will invite architects to submit plans.",),
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
    "borrowed_article",
    "decomposition",
    "an 'a'/'an' a split lends from the first conjunct to the others ('found a handgun, three rifles and two "
    "shotguns', 'an elite 9.2 grade and 8.1 grade')",
    "no article before a plural or counted conjunct ('found three rifles'), 'a' or 'an' as a number is read",
    [
        (
            "Police in Lanzo found a handgun, three rifles and two shotguns in 2019.",
            ("Police in Lanzo found three rifles.",),
        )
    ],
)
register(
    "shared_object",
    "decomposition",
    "two verbs joined by 'and'/'or' right next to each other, the first with nothing after it, the second with an "
    "object ('bought and renovated the mill')",
    "no split: the object is both verbs', and a claim 'The council bought.' says nothing",
    [
        (
            "The Lanzo council bought and renovated the old mill in 2019.",
            ("The Lanzo council bought and renovated the old mill in 2019.",),
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
    "appositive_identity",
    "decomposition",
    "an appositive the rule appositive would write as '<name> is <description>' when it is no identity: a list "
    "('X, her label and a couple of big names'), a number that disagrees ('X, its core parts'), a bare singular "
    "noun ('X, media mogul'), or a side cut through a bracket, a clause or a comma",
    "nothing of its own: the appositive stays in the sentence's words",
    [
        (
            "Ivo Brandt, media mogul, bought the Lanzo ferry in 2019.",
            ("Ivo Brandt, media mogul, bought the Lanzo ferry in 2019.",),
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
    "relative_on_inner_noun",
    "decomposition",
    "', which/who …' that the parse hangs on the object of a preposition of place, part or origin (in, of, from, "
    "at, on) on another noun ('the observatory in Lanzo, which uses a radar', 'the expansion of the Orvik port, "
    "which created 900 jobs'); not after 'for' or 'to' ('chair for the Orvik conference, which …'), nor when the "
    "clause's verb agrees with the inner noun alone ('the sale of two ferries, which carry …'); also one hung on a "
    "noun past that noun's appositive ('the Lanzo economy, particularly farming, which has shrunk …')",
    "no claim of its own: the clause may describe either noun, so it stays in the statement as written instead of "
    "a claim about the wrong one ('Lanzo uses a radar')",
    [
        (
            "The old observatory in Lanzo, which uses a radar to track 40 comets, hired Ivo Brandt in 2019.",
            ("The old observatory in Lanzo, which uses a radar to track 40 comets, hired Ivo Brandt in 2019.",),
        )
    ],
)
register(
    "relative_agreement",
    "decomposition",
    "', which/who …' whose finite verb disagrees in number with the noun the parse hangs it on ('apps that move "
    "money, which are then settled by banks': 'are' is not the money's verb)",
    "no claim of its own: the parse gave the clause the wrong noun, so it stays in the statement as written instead "
    "of a claim about that noun ('Money are then settled by banks')",
    [
        (
            "Lanzo shops use apps that move money, which are then checked by the Orvik bank.",
            ("Lanzo shops use apps that move money, which are then checked by the Orvik bank.",),
        )
    ],
)
register(
    "wh_clause_subject",
    "decomposition",
    "a coordinated verb without a subject of its own that has a clause opened by a wh-word before it ('…, but when "
    "he will return is still unclear', the clause parsed as an adverbial of 'is')",
    "no split at those verbs: the clause is the second verb's subject, and the first verb's subject borrowed for it "
    "read 'Tom Cole when he will return is still unclear'",
    [
        (
            "Hopefully the Lanzo ferry would be back in service by June, but when it'll sail is still a question mark.",
            (
                "Hopefully the Lanzo ferry would be back in service by June, but when it will sail is still a question "
                "mark.",
            ),
        )
    ],
)
register(
    "gapped_conjunct",
    "decomposition",
    "coordinated clauses with a verbless conjunct that shares an earlier verb ('60 percent were local, 25 percent "
    "foreign'), standing past a later verb's clause; a verbless conjunct right after its verb ('drove stocks to a "
    "high and bonds to a low')",
    "no split at the verbs for the first (the verbless conjunct would be glued to the wrong clause and its 'and' "
    "left dangling); the coordinator kept with the verbless conjunct for the second",
    [
        (
            "Of the riders in the Lanzo race, 77 percent were aged 26 or above, 65 percent were local, 11 percent "
            "were foreign, 15 percent Danish, and 9 of another country.",
            (
                "Of the riders in the Lanzo race, 77 percent were aged 26 or above, 65 percent were local, 11 percent "
                "were foreign, 15 percent Danish, and 9 of another country.",
            ),
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
register(
    "speaker_conjunct",
    "decomposition",
    "a directive verb ('urged', 'called on', 'demanded') coordinated with a passive clause with its agent inside what "
    "a speaker said ('X said the injuries were caused by bullets and urged the city to …'), the passive's subject "
    "a common noun",
    "the directive as the speaker's ('X urged the city to …'), not the passive subject's ('The injuries urged …', "
    "'The injuries were called on …')",
    [
        (
            "The Varnes ombudsman's office said the injuries were caused by rubber bullets and urged the council to "
            "withdraw police units from the square.",
            ("The Varnes ombudsman's office urged the council to withdraw police units from the square.",),
        )
    ],
)
register(
    "second_reported_clause",
    "decomposition",
    "a second 'that' clause coordinated with what a speaker said ('X says the ferry will stop in Varnes, and that "
    "fares will rise'), whether the parse hangs it on the reported clause or on the verb of saying",
    "a claim for each clause, without its 'that' ('Fares will rise.'), not one claim ending '…, and that fares will "
    "rise' nor a 'That fares rose' fragment that is dropped",
    [
        (
            "Sarah Miller says the Varnes ferry will stop in Lanzo in 2025, and that its fares will rise by 10 "
            "percent in 2026.",
            (
                "The Varnes ferry will stop in Lanzo in 2025.",
                "The Varnes ferry's fares will rise by 10 percent in 2026.",
            ),
        )
    ],
)
register(
    "unparsed_split",
    "decomposition",
    "a split at coordinated verbs where the parser hung a phrase on a verb without a relation it knows ('dep'): "
    "'… snapped a streak dating to 2009 and ended Rice's title hopes in …' with 'hopes' hung on 'snapped'",
    "no split: the sentence as it stands, marked 'not decomposed', not '… dating to 2009 hopes in …' and 'ended "
    "Rice's title'",
    [
        (
            "The Falcons (6-5, 3-4) snapped a 9-game losing streak to the Owls (4-7, 3-4) dating to 2009 and ended "
            "Rice's title hopes in the Western Division with one league game remaining.",
            (
                "The Falcons (6-5, 3-4) snapped a 9-game losing streak to the Owls (4-7, 3-4) dating to 2009 and ended "
                "Rice's title hopes in the Western Division with one league game remaining.",
            ),
        )
    ],
)
