"""Segmentation rules: what part of a sentence or a paragraph is the statement (lists, datelines, openers)."""

from .registry import register

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
    "abbreviation_boundaries",
    "segmentation",
    "an abbreviation a name or a number continues ('Rep. Ana Ruiz', 'the Rt. Hon. Ivo Brandt', 'No. 3'), or one that "
    "may end a sentence ('Ga.', 'U.S.', 'ID.') when what follows has no finite verb before its full stop",
    "one sentence across it: the parser is told not to start one after the abbreviation (titles spaCy lacks, 'Rt.', "
    "'Hon.', are also kept one token by the tokenizer, which is not switched with the rule)",
    [
        (
            "The car maker showed a concept called the ID. Space Vizzion at the Lanzo show in 2019.",
            ("The car maker showed a concept called the ID. Space Vizzion at the Lanzo show in 2019.",),
        )
    ],
)
register(
    "quote_end_boundary",
    "segmentation",
    "a full stop, '!' or '?' followed by closing quote marks and a word that opens sentences ('…kills us!'\" Not "
    "long after that, …'), where the parser ran the sentence on",
    "a sentence boundary after the marks (not before a name or a pronoun, which may begin a trailing 'X said')",
    [
        (
            "\"I told the crew: 'We finish the Lanzo bridge by May if it kills us!'\" Not long after that, Ana Ruiz "
            "bought a house in Varnes.",
            ("Not long after that, Ana Ruiz bought a house in Varnes.",),
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
    "hover_card",
    "segmentation",
    "a hover card inside the article's markup: the innermost element whose class names a rollover, tooltip, popover "
    "or hover card and that holds a picture or two links (a person's photo, full name and other stories)",
    "the card left out of the page's text, so its words are not glued to the name that opens it",
    [
        (
            "<html><body><article><p>Varnes Governor <span class='tooltip-person'><a href='/p/ruiz'>Ana Ruiz</a>"
            "<span class='tooltip-card'><img src='/r.jpg'><a href='/p/ruiz'>Ana Maria Ruiz</a>"
            "<a href='/n/1'>Ferry bill signed</a></span></span> raised ferry fares by 15 percent in March 2021."
            "</p><p>The Varnes ferry company carried 41,000 passengers in 2019, the port authority said.</p>"
            "</article></body></html>",
            ("Varnes Governor Ana Ruiz raised ferry fares by 15 percent in March 2021.",),
        )
    ],
)
register(
    "glued_link_list",
    "segmentation",
    "a paragraph with two or more ' | ' separators that is no table row: a list of links the page's markup glued to "
    "the text ('… the Varnes ferry officeFerry NewsCouncil votes on fares | Harbour chief resigns | …')",
    "the paragraph kept as text and marked, like a heading: no claim carries the links",
    [
        (
            "The Varnes council cut the ferry budget by 20 percent in 2021.\n\nA Lanzo man admitted he threatened "
            "to burn down the ferry office of Ana RuizAna RuizVarnes Weekly: Council votes on new ferry fares | "
            "Harbour chief resigns | Storm closes two ferry routes",
            ("The Varnes council cut the ferry budget by 20 percent in 2021.",),
        )
    ],
)
register(
    "spoken_fillers",
    "segmentation",
    "a spoken filler ('uh', 'um') with the comma or dash that sets it off, or a false start repeated after a dash "
    "('in the -- in the last year'), as transcripts of debates and interviews have them",
    "the sentence parsed and written without them (blanked before the parse, offsets kept)",
    [
        (
            "The Lanzo mill did not uh - close in 2019.",
            ("The Lanzo mill did not close in 2019.",),
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
    "listener_frame",
    "segmentation",
    "a frame addressed to the listener before a full clause that runs to the sentence's end: 'Let me (just) "
    "say/tell you/remind you/add/point out that X', 'Remember that X', 'Keep/Bear in mind that X', 'Don't forget "
    "that X' (claims/extraction/listener_frames.py)",
    "X, said by the sentence's speaker",
    [
        (
            "Let me remind you that the Varnes ferry company carried 41,000 passengers in 2019.",
            ("The Varnes ferry company carried 41,000 passengers in 2019.",),
        )
    ],
)
register(
    "factive_question",
    "segmentation",
    "a yes/no question to the listener whose verb takes its clause as true: 'Did you know that X?', 'Do you "
    "realise that X?', 'Have you forgotten that X?' (not 'Do you think that X?', which asks for a view)",
    "X, said by the sentence's speaker; any other question still yields nothing",
    [
        (
            "Did you know that the Varnes ferry company carried 41,000 passengers in 2019?",
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
register(
    "answer_because",
    "segmentation",
    "a sentence that is only a 'because' clause, a reason given on its own ('Because the Lanzo mill closed in 1994.', "
    "an answer to what was asked before); not 'Because X, Y', not 'If X'",
    "X, which the reason asserts (as explanatory_opener does for 'This is because X')",
    [
        (
            "Lanzo lost its wool trade. Because the Orvik mill closed in 1994.",
            ("The Orvik mill closed in 1994.",),
        )
    ],
)
