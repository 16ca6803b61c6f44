"""Attribution rules: who says a statement, and which quotations are whose."""

from .registry import register

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
    "embedded_post",
    "attribution",
    "the paragraph right before an embedded post's signature ('— Ana Ruiz (@anaruiz) March 3, 2021', 'A post shared "
    "by Ana Ruiz (@anaruiz) on …'): the post's text, with the markup that quoted it gone",
    "its claims as the post's author's words, the author named as their speaker (without the rule: the article's own "
    "claims)",
    [
        (
            "The Varnes council met on 2 March 2021.\n\nFerry fares on the island routes rose by 15 percent in "
            "March 2021. pic.twitter.com/Ab12Cd34\n\n— Ana Ruiz (@anaruiz) March 3, 2021\n\nThe council approved "
            "the ferry budget in April 2021.",
            ("Ferry fares on the island routes rose by 15 percent in March 2021.",),
        )
    ],
)
register(
    "excerpt_source_tag",
    "attribution",
    "the paragraphs before a source's name alone in brackets ('[ Lanzo Daily ]'), back to the previous such tag, a "
    "heading or a line announcing them: an excerpt a round-up quotes",
    "their claims as that source's words, the source named as their speaker (without the rule: the article's own "
    "claims)",
    [
        (
            "Reviewers tried the new Varnes ferry app in March 2021. Here is what they say:\n\n"
            "The Varnes ferry app sold 40,000 tickets in its first week.\n\n[ Lanzo Daily ]\n\n"
            "The app crashed twice during the Easter rush.\n\n[ Orvik Times ]",
            ("The Varnes ferry app sold 40,000 tickets in its first week.",),
        )
    ],
)
register(
    "speaker_last_person",
    "attribution",
    "a he/she reporting a statement ('\"…,\" she said') that pronoun resolution left: the nearest text before it "
    "(its sentence, then up to four back, outside quotations) names exactly one person as a subject, no description "
    "is a subject nearer, and the article does not contradict the person's gender",
    "that person as the speaker (without the rule, or when unsure: the pronoun, flagged)",
    [
        (
            "Sarah Miller has run the Orvik ferry line since 2009.\n\nIn 2015 it added two boats to serve six "
            'islands.\n\n"The Orvik ferry carried 41,000 passengers in 2019," she said.',
            ("The Orvik ferry carried 41,000 passengers in 2019.",),
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
            "The Lanzo ferry was late in 2019, the year everything anybody said to the crew was recorded.",
            ("The Lanzo ferry was late in 2019, the year everything anybody said to the crew was recorded.",),
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
    "speaker_name_first",
    "attribution",
    "a speaker named with a description set off after the name ('…, said Ana Ruiz, the founder of Lanzo Ferries') "
    "or a name set off after the description ('the founder of Lanzo Ferries, Ana Ruiz, said …')",
    "the speaker named by the name, not by an organisation or place inside the description",
    [
        (
            '"The Lanzo ferry carried 300 cars a day in 2019," said Ana Ruiz, the founder of Lanzo Ferries.',
            ("The Lanzo ferry carried 300 cars a day in 2019.",),
        )
    ],
)
register(
    "speaker_entity_modifier",
    "attribution",
    "a speaker phrase whose only name modifies a common noun ('a spokesman for the Norland ministry said …')",
    "the speaker as the phrase says it ('a spokesman for the Norland ministry'), not the modifier ('Norland')",
    [
        (
            "A spokesman for the Norland ministry said ferry fares rose by 12 percent in 2021.",
            ("Ferry fares rose by 12 percent in 2021.",),
        )
    ],
)
register(
    "speaker_outside_quotation",
    "attribution",
    "a reporting verb's subject that stands inside a quotation of its sentence (a quoted phrase ''you first,'' "
    "before '… Ana Ruiz said', or '\"The plan just said …\"'): the nearest double quotation mark before it opens "
    "and one after it closes",
    "no speaker of it: the sentence's speaker is looked for outside the quotation, or the quotation keeps the one "
    "carried from before",
    [
        (
            "\"There is a mood of 'no, you first,' 'no, you first,'\" Ana Ruiz said. \"No firm in Lanzo wants to cut "
            'its output by 40 percent."',
            ("No firm in Lanzo wants to cut its output by 40 percent.",),
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
register(
    "speaker_own_clause",
    "attribution",
    "words after a comma with a verb of saying that open on a conjunction ('…, but the bank confirmed that …', '…, "
    "with Orvik suggesting …') or carry what was said after the verb ('…, yet Orvik says it will …')",
    "no trailing attribution: the words before the comma are not that speaker's statement",
    [
        (
            "The Lanzo ferry carried 300 cars in 2019, but the Orvik bank confirmed that the ferry lost money.",
            ("The Lanzo ferry carried 300 cars in 2019.",),
        )
    ],
)
register(
    "denied_statement",
    "attribution",
    "a statement reported by a verb that denies it ('the Orvik bank denies that it sold the mill', 'Ana Ruiz disputed "
    "that …')",
    "the whole sentence in the article's own words, flagged 'needs context' (claims/extraction/faithfulness.py), not "
    "the denied statement as the speaker's claim",
    [
        (
            "The Orvik bank denies that it sold the Lanzo mill to Tessaly in 2019.",
            ("The Orvik bank denies that it sold the Lanzo mill to Tessaly in 2019.",),
        )
    ],
)
register(
    "mandative_complement",
    "attribution",
    "'suggest/insist/urge … that' with a clause in the subjunctive: a base form ('that fares be cut', 'that he "
    "resign'), or after a past tense a present form not shifted back ('suggested that residents stay indoors')",
    "no report split: the clause is what someone wants done, never written as a fact of its own; the sentence as a "
    "whole may still be the claim",
    [
        (
            "Officials suggested that residents stay indoors in Lanzo in May 2021.",
            ("Officials suggested that residents stay indoors in Lanzo in May 2021.",),
        )
    ],
)
register(
    "poll_share",
    "attribution",
    "a share of people as the one who says ('Forty-two percent say that …', 'A majority of voters said …')",
    "no speaker: the sentence is a poll's finding and stays whole ('Forty-two percent of Varnes residents say the "
    "ferry is too slow.'), not the answer stated as a fact said by 'Forty-two percent'",
    [
        (
            "Forty-two percent of Varnes residents say that the ferry is too slow.",
            ("Forty-two percent of Varnes residents say that the ferry is too slow.",),
        )
    ],
)
register(
    "hyphenated_speaker",
    "attribution",
    "subjects of one reporting verb joined by a hyphen written without spaces, which the parser took for separate "
    "subjects ('The firm's co-founder said …' parsed as the subjects 'The firm's co', '-' and 'founder')",
    "the speaker is the whole hyphenated phrase ('the firm's co-founder'), not the words hanging on its first piece",
    [
        (
            "The Lanzo mill's co-founder said Lanzo had 300 weavers in 1950.",
            ("Lanzo had 300 weavers in 1950.",),
        )
    ],
)
register(
    "reporting_verb_with_object",
    "attribution",
    "a trailing '…, X <verb of saying> <object>' whose verb has a thing for its direct object ('…, and the Varnes "
    "index added 20 points'; not 'told reporters', whom it was said to)",
    "no attribution: the verb does not report speech, so its subject is no speaker and its clause is not cut away",
    [
        (
            "Shares of Lanzo Mills fell 2 percent, and the Varnes index added 20 points.",
            ("Shares of Lanzo Mills fell 2 percent.", "The Varnes index added 20 points."),
        )
    ],
)
register(
    "reporting_participle_apart",
    "attribution",
    "a participle of saying after what a leading speaker said, hung by the parse on the verb of saying ('X tweeted "
    'that A, adding "B"\')',
    "what was said ends before the participle: the claim is A, not 'A, adding B'",
    [
        (
            'Sarah Miller wrote that the Lanzo ferry "lost 2 million euros in 2023," adding "the council must act."',
            ('The Lanzo ferry "lost 2 million euros in 2023".',),
        )
    ],
)
register(
    "contrast_apart",
    "attribution",
    "a clause with a subject of its own that the parse hangs on a leading verb of saying after ', but' ('The mayor "
    "said A, but engineers found B')",
    "what was said ends at the comma; the clause after 'but' is a claim in the article's own voice, with no speaker "
    "(none at all when it reports someone else's words)",
    [
        (
            "Mayor Ana Ruiz said the Lanzo bridge would reopen in May, but engineers found 40 cracks in the Varnes tunnel.",
            ("The Lanzo bridge would reopen in May.", "Engineers found 40 cracks in the Varnes tunnel."),
        )
    ],
)
register(
    "reporting_conjunct",
    "attribution",
    "a second verb of saying with no subject of its own, hung by the parse on a leading one ('X said A and added that "
    "B')",
    "what was said ends before the second verb; B is a claim of its own, said by X too (it was 'X added that B' with "
    "the wrong subject, or 'A, and added that B')",
    [
        (
            "Ivo Brandt said the Lanzo ferry lost 2 million euros and added that fares would rise in June.",
            ("The Lanzo ferry lost 2 million euros.", "Fares would rise in June."),
        )
    ],
)
