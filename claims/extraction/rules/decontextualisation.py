"""Decontextualisation rules: names for pronouns, aliases and descriptions, dates written out, so that a claim
reads alone."""

from .registry import register

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
    "introduced_surname",
    "decontextualisation",
    "a bare surname the tagger did not take for a person ('Brandt confessed …', tagged an organisation or nothing) "
    "when exactly one person named before it in the article has that surname and the word names nothing else there",
    "the full name the article gave ('Michael Brandt confessed …'); with two such people, or a place or firm of that "
    "name, it stays as written (claims/extraction/decontextualisation/surnames.py)",
    [
        (
            "Lanzo police arrested Michael Brandt in March 2019. In an interview, Brandt confessed to the theft of 40 "
            "bikes.",
            ("In an interview, Michael Brandt confessed to the theft of 40 bikes.",),
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
    "antecedent_phrase",
    "decontextualisation",
    "an antecedent whose words are no whole noun phrase: cut at a comma before its noun ('The old, rusty ferry' read "
    "as 'The old'), broken by words the parse left out ('the choir which' of 'the choir …, which …'), or holding a "
    "finite verb",
    "no resolution: the pronoun stays, flagged 'needs context', instead of a garbled name",
    [
        (
            "The old, rusty Lanzo ferry sailed to Tessaly in 1990. It is the largest ferry of the Orvik line.",
            ("It is the largest ferry of the Orvik line.",),
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
    "description_fits",
    "decontextualisation",
    "an opening 'this/these <noun>' that definite_descriptions would name by the fuller phrase with that noun a "
    "sentence or two before, when the noun is a date or time ('This year') or the phrase differs in number ('This "
    "ferry' after 'the old ferries')",
    "no replacement: the words as written (a relative date is written out by relative_dates)",
    [
        (
            "Lanzo built new piers in recent years. This year, the Lanzo council banned cars from the old harbour.",
            ("In 2022, the Lanzo council banned cars from the old harbour.",),
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
    "introduced_kind",
    "decontextualisation",
    "a bare 'the company', 'the agency', 'the bank' … after exactly one organisation the article said is of that kind "
    "('Orvik Lines, a ferry company', 'Brenn Corp', 'the agency Varnes Media') and no other organisation named before "
    "it that could be meant (one whose kind the article did not say), nor an unnamed 'a company'",
    "the organisation's name ('Orvik Lines'); otherwise it stays, flagged 'not introduced' "
    "(claims/extraction/named_mentions.py). Switched on, definite_descriptions no longer takes the nearest "
    "organisation named for such a noun (off, 'the company' after 'Kessel Mills opened …' is Kessel Mills)",
    [
        (
            "Orvik Lines, a ferry company, opened a route to Lanzo in 2019. The route has four stops. Tickets cost 12 "
            "euros. The company carried 40,000 passengers in 2020.",
            ("Orvik Lines carried 40,000 passengers in 2020.",),
        )
    ],
)
register(
    "introduced_description",
    "decontextualisation",
    "a bare 'the <noun>' whose noun the article used before only once, not in the plural: in an indefinite 'a "
    "<modifiers> <noun>' whose modifiers tell which ('a 9-year-old deaf boy', not 'a new boy', 'a seventh session'), "
    "or 'a <noun> called/dubbed/known as <name>', 'a <noun> they call <name>'; not a subject within two sentences "
    "of it (definite_descriptions)",
    "the introduction's words with 'the' ('the 9-year-old deaf boy'), or the noun with its name ('the rover "
    "Kessel'); otherwise it stays, flagged 'not introduced' (claims/extraction/named_mentions.py)",
    [
        (
            "Lanzo police found a 9-year-old deaf boy near the harbour in May 2019. The harbour has 40 berths. "
            "Ferries leave it hourly. In June 2019 the council gave a medal to the boy.",
            ("In June 2019 the council gave a medal to the 9-year-old deaf boy.",),
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
    "weekday_tense",
    "decontextualisation",
    "a bare weekday ('on Monday', 'this Friday'), dated by the tense of its clause: what happened lies in the week "
    "before publication, what 'will' happen or 'is expected to'/'is scheduled to' happen in the week after; a "
    "present tense that does not say which ('the vote is on Monday')",
    "the date written out when the tense settles it ('will vote on 18 July 2022'); otherwise the weekday as written, "
    "flagged",
    [
        (
            "The Varnes town council is expected to vote on the ferry budget on Monday.",
            ("The Varnes town council is expected to vote on the ferry budget on 18 July 2022.",),
        ),
        (
            "The Varnes town council's vote on the ferry budget is on Monday.",
            ("The Varnes town council's vote on the ferry budget is on Monday.",),
        ),
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
    "expletive_clause",
    "decontextualisation",
    "an 'it' holding the place of a clause or a cleft's focus: 'it was Ivo Brandt who …', 'it is not that …', 'it is "
    "becoming clear that …' (claims/extraction/decontextualisation/expletives.py)",
    "no resolution: the 'it' stands for nothing in the article (resolved, it gave 'Lanzo was Ivo Brandt who …')",
    [
        (
            "The Lanzo council met in May 2019. It was Ivo Brandt who signed the budget.",
            ("The Lanzo council met in May 2019.",),
        )
    ],
)
register(
    "family_surname",
    "decontextualisation",
    "a bare surname ('Brandt') when the whole article, not only what comes before it, gives that surname to two "
    "people: two full names, first names sharing it ('Tom and Ivo Brandt'), or the family ('the Brandts')",
    "no full name: the surname stays as written (not the one full name the article happens to spell out, which may "
    "be a relative)",
    [
        (
            "Maria Keller opened the Lanzo bakery in 1990. Mayor Keller hired 12 bakers in 1995. "
            "The Kellers sold the bakery in 2001.",
            ("Mayor Keller hired 12 bakers in 1995.",),
        )
    ],
)
register(
    "own_sentence_subject",
    "decontextualisation",
    "he/she/his/her inside a clause whose subject, or the subject of a clause above it ('Brandt said he …', 'In his "
    "speech, Brandt said …'), is a proper noun that may be another person (the tagger may call a surname a place)",
    "no resolution to the person named before (the claim keeps the pronoun, flagged)",
    [
        (
            "Tom Baxter founded the Lanzo rowing club in 1950. In his speech in 1990, Lind praised 40 rowers.",
            ("In his speech in 1990, Lind praised 40 rowers.",),
        )
    ],
)
register(
    "competing_pronoun",
    "decontextualisation",
    "he/she/his/her after a pronoun of the same gender in the previous sentence that stands for someone else: "
    "resolved to another person, or unresolved before the one person named there; not when the pronoun's own "
    "clause has that person as subject ('Baxter said that he …')",
    "no resolution (the claim keeps the pronoun, flagged)",
    [
        (
            "The club grew after his death, though Tom Baxter said the boathouse was too small. "
            "In 1970 he sold the boathouse for 2 million euros.",
            ("In 1970 he sold the boathouse for 2 million euros.",),
        )
    ],
)
register(
    "it_not_person",
    "decontextualisation",
    "it/its whose antecedent would be a person: the name or surname of someone the article tags as a person (the "
    "tagger may call it an organisation), a description headed by a person noun ('the man', 'his mother')",
    "no resolution (the claim keeps 'it', flagged)",
    [
        (
            "The old man bought the Lanzo ferry in 1990. It sailed 40 times a day in 1995.",
            ("It sailed 40 times a day in 1995.",),
        )
    ],
)
register(
    "negative_antecedent",
    "decontextualisation",
    "a pronoun whose nearest or previous subject names nothing ('no fit strikers', 'none of the ferries', 'neither "
    "bridge')",
    "no resolution to it: 'they' is not 'no fit strikers' (the pronoun stays, flagged)",
    [
        (
            "The Orvik team had no healthy strikers left, so they fielded two defenders up front in the 2019 final.",
            ("They fielded two defenders up front in the 2019 final.",),
        )
    ],
)
register(
    "possessive_owner",
    "decontextualisation",
    "a possessive their/its whose own clause has a subject before it that the resolver did not take ('Many of the "
    "fans wave flags to show their support'), or a their read from the previous sentence whose subject owns nothing: "
    "a quantity ('ten artworks'), a thing rather than people, a group or an organisation "
    "(claims/extraction/decontextualisation/rivals.py)",
    "no resolution (the claim keeps the pronoun, flagged): not 'ten artworks' view'",
    [
        (
            "Ten artworks were shown in Lanzo in 2019. In 2020 many of the designers sold their designs for 40 euros "
            "each.",
            ("In 2020 many of the designers sold their designs for 40 euros each.",),
        ),
        (
            "The new rules cut costs by 40 percent in 2019. Their authors won a prize in 2020.",
            ("The new rules cut costs by 40 percent in 2019.",),
        ),
    ],
)
register(
    "object_it",
    "decontextualisation",
    "an object it/them after a noun phrase of its number in its own sentence ('turned the radio on and plugged it "
    "in'), or an object 'it' holding the place of a clause ('made it harder to close the deal')",
    "no resolution to the previous sentence's subject (the claim keeps the pronoun, flagged)",
    [
        (
            "The Orvik console went on sale in Lanzo in 2019. I turned the controller on and plugged it into the "
            "laptop.",
            ("I plugged it into the laptop.",),
        )
    ],
)
register(
    "organisation_it",
    "decontextualisation",
    "it/its that would stand for an organisation or a place (the subject before it in its sentence, or the previous "
    "sentence's) when a thing is named between them ('The automaker says the wagon will … . It has …')",
    "no resolution (the claim keeps 'it', flagged): the thing may be meant as well as the organisation",
    [
        (
            "The German automaker says the new wagon will go 300 miles on one charge. It has a 275-horsepower motor.",
            ("It has a 275-horsepower motor.",),
        )
    ],
)
register(
    "bare_noun_antecedent",
    "decontextualisation",
    "a previous subject that is a bare singular common noun, with no determiner, possessive or number ('Top speed is "
    "200 km/h', 'Setup between devices was easy'): a heading's words or a mass noun",
    "no resolution of a later 'it' to it (the claim keeps 'it', flagged)",
    [
        (
            "Top speed is 200 km/h in the Lanzo R7. It will feature a boost mode in 2020.",
            ("Top speed is 200 km/h in the Lanzo R7.",),
        )
    ],
)
register(
    "quoted_they",
    "decontextualisation",
    "they/them/their inside a direct quotation with no plural subject before it in the sentence",
    "no resolution to the article's previous subject (the speaker's 'they' is whom the speaker talks about)",
    [
        (
            'Good results came in 2019 for the Lanzo club. "I knew they were a good team in 2018," Ana Ruiz said.',
            ("Ana Ruiz knew they were a good team in 2018.",),
        )
    ],
)
register(
    "group_name_number",
    "decontextualisation",
    "a subject that is a people's name in the plural ('Democrats', 'Americans', tagged NORP)",
    "a plural antecedent: a later 'they' may stand for it, an 'it' never does",
    [
        (
            "Democrats won 40 seats in Lanzo in 2019. It would move at its own pace in 2020.",
            ("Democrats won 40 seats in Lanzo in 2019.",),
        )
    ],
)
