"""Attribution: who made a statement and where it was reported, separated from what was said.

"…, Pushilin said, according to the Tass agency." -> speaker Pushilin, cited source Tass, content "…".
The content stays a reported statement: the claim text keeps "According to <speaker>, …", so that a
claim never turns what someone said into what the article asserts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from . import rules
from .entities import entities_in
from .lexicon import HYPHENS, REPORTING_VERBS, SUBJECT_DEPS, TELLING_VERBS, amount

REPORTING_LEMMAS = REPORTING_VERBS
SOURCE_LABELS = {"ORG", "PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"}
QUOTES = {'"', "'", "``", "''"}
DOUBLE_QUOTES = {'"', "``", "''"}
MAX_TAIL_TOKENS = 25


@dataclass
class Attribution:
    content: list[int]  # token indices of what was said
    speaker: Span | None = None
    cited_source: str = ""
    is_direct_quote: bool = False
    removed: set[int] = field(default_factory=set)
    # the sentence's second statement, after what was said (`_second_clause`): its speaker is this one's when
    # `speaker_too`, else none (the article's own voice)
    second: Attribution | None = None
    speaker_too: bool = False


# verbs of saying whose "that" clause may be a demand or advice rather than a statement
MANDATIVE_VERBS = {"suggest", "insist", "urge", "propose", "recommend", "demand", "ask", "advise", "request"}


def mandative(verb: Token, clause: Token) -> bool:
    """The clause of "suggest/insist/urge … that" in the subjunctive: what someone wants done, not what they say is
    so. "The board suggested that fares be cut", "she insisted that he resign" (a base form, no modal); after a past
    tense, a present form not shifted back ("officials suggested that residents stay indoors"); anything after the
    speaker's own present "I/we recommend/urge …" (a scientist's "we suggest that the plumes are weaker" is a
    finding). "The audit suggests
    that the fund lost money", "he insisted that he was at home" report facts."""
    if verb.lemma_.lower() not in MANDATIVE_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        subject is not None
        and subject.lower_ in ("i", "we")
        and verb.tag_ == "VBP"
        and verb.lemma_.lower() != "suggest"
    ):
        return True  # "We recommend that readers consult …": the speaker's own advice (rule first_person_advice)
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxiliaries):
        return False
    finite = auxiliaries[0] if auxiliaries else clause
    return finite.tag_ == "VB" or (finite.tag_ == "VBP" and verb.tag_ == "VBD")


def _entity_in(tokens: list[Token], labels=SOURCE_LABELS) -> str:
    """The last named entity among tokens, else the phrase without its determiner."""
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return ""
    ids = {t.i for t in tokens}
    ents = [e for e in entities_in(doc, ids) if e.end - 1 in ids and e.label_ in labels]
    if ents and not _place_modifier(ents[-1], ids):
        return ents[-1].text
    words = [t for t in tokens if not t.is_punct and t.dep_ not in ("det", "poss", "case")]
    return " ".join(t.text for t in words)


def _place_modifier(ent, ids: set[int]) -> bool:
    """A place or people's name that only says where a common-noun source is from: "the Lanzo port authority",
    "prosecutors in Lanzo" are the authority and the prosecutors, not Lanzo."""
    if ent.label_ not in ("GPE", "NORP", "LOC"):
        return False
    if any(ent.doc[i].pos_ == "PROPN" and not ent.start <= i < ent.end for i in ids):
        return False  # another name in the phrase ("Donetsk leader Denis Pushilin"): not a bare common noun
    heads = [t for t in (ent.doc[i] for i in ids) if t.head.i not in ids or t.head.i == t.i]
    return any(h.pos_ == "NOUN" and not (ent.start <= h.i < ent.end) for h in heads)


def _according_to(sent: Span) -> tuple[str, set[int]]:
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
            to = sent.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                phrase = sorted(objects[0].subtree, key=lambda t: t.i)
            else:  # the parser lost the object: take the words up to the next comma
                phrase = []
                for t in sent.doc[to.i + 1 : sent.end]:
                    if t.is_punct:
                        break
                    phrase.append(t)
            phrase = [t for t in phrase if sent.start <= t.i < sent.end]
            removed = {token.i, to.i} | {t.i for t in phrase}
            before = token.i - 1
            if before >= sent.start and sent.doc[before].text == ",":
                removed.add(before)
            return _source_name(phrase), removed
    return "", set()


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _subject_words(subject: Token) -> list[Token]:
    """The subject's words. The parser may cut a hyphenated head into subjects of their own ("The firm's co - founder"
    as three subjects of "said", the possessive hanging on "co"): with rule hyphenated_speaker, every subject of the
    same verb joined to this one by a hyphen written without spaces brings its words too."""
    words = {t.i: t for t in subject.subtree}
    if not rules.on("hyphenated_speaker"):
        return list(words.values())
    doc = subject.doc
    for sibling in subject.head.children:
        if sibling.dep_ != subject.dep_ or sibling.i == subject.i:
            continue
        first, second = sorted((subject, sibling), key=lambda t: t.i)
        hyphen = doc[first.i + 1] if first.i + 1 < len(doc) else first
        # "co-founder" parsed as "co", "-" and "founder", or as "co" and a "- author Sarah Miller" of its own
        joined = (
            hyphen.text in HYPHENS
            and not first.whitespace_
            and not hyphen.whitespace_
            and (hyphen.i == second.i or any(t.i in (hyphen.i, hyphen.i + 1) for t in second.subtree))
        )
        if joined:
            words.update((t.i, t) for t in sibling.subtree)
    return list(words.values())


SHARE_WORDS = frozenset({"percent", "%", "majority", "minority", "half", "third", "quarter", "share", "most"})


def _poll_share(subject: Token) -> bool:
    """A share of people as the subject of a verb of saying ("Forty-two percent say …", "A majority of voters
    said …", "Two-thirds of residents say …"): what a poll found, not a speaker's statement."""
    if subject.ent_type_ in ("PERCENT", "CARDINAL") and subject.pos_ in ("NUM", "NOUN", "SYM"):
        return True
    return subject.lemma_.lower() in SHARE_WORDS or subject.lower_.endswith(("-thirds", "-quarters", "-fifths"))


def _span(tokens) -> Span | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1]


def _source_name(phrase: list[Token]) -> str:
    """The name in a source phrase: "the Tass agency" -> Tass; "a Seoul-based website NK News" -> the phrase."""
    if not phrase:
        return ""
    doc = phrase[0].doc
    ids = {t.i for t in phrase}
    root = next((t for t in phrase if t.head.i not in ids or t.head.i == t.i), phrase[0])
    candidates = {root.i} | {c.i for c in root.children if c.dep_ in ("appos", "compound")}
    for ent in entities_in(doc, ids):
        if (
            ent.label_ in SOURCE_LABELS
            and ent.start in ids
            and ent.end - 1 in ids
            and any(ent.start <= i < ent.end for i in candidates)
            and not _place_modifier(ent, ids)
        ):
            return ent.text
    words = sorted(phrase, key=lambda t: t.i)
    while words and (words[0].dep_ == "det" or words[0].is_punct):
        words.pop(0)
    return "".join(t.text_with_ws for t in words).strip(" ,.")


def _sources_of(verb: Token, within: set[int]) -> str:
    """Where a statement appeared: "by Tass", "on Telegram", "told the newspaper Izvestia"."""
    for child in verb.subtree:
        if child.i not in within:
            continue
        if child.dep_ in ("agent",) or (child.lower_ == "by" and child.dep_ == "prep"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _source_name(list(objs[0].subtree))
        if (
            child.lower_ in ("on", "in")
            and child.head.lemma_ in ("write", "post", "say", "tweet", "tell")
            and child.dep_ == "prep"
        ):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and (objs[0].ent_type_ or objs[0].pos_ == "PROPN") and objs[0].ent_type_ not in ("DATE", "TIME"):
                return _entity_in(list(objs[0].subtree))
    if verb.lemma_ == "tell":
        for child in verb.children:
            if (
                child.dep_ in ("dobj", "dative")
                and (
                    child.ent_type_ in SOURCE_LABELS
                    or child.pos_ == "PROPN"
                    or any(t.ent_type_ == "ORG" for t in child.subtree)
                )
                and not (rules.on("told_person_not_source") and child.ent_type_ == "PERSON")
            ):
                # "told the Lanzo Herald" names where it was reported; "told Ivo Brandt" only whom it was said to
                return _entity_in(list(child.subtree))
    return ""


OWN_CLAUSE_OPENERS = {
    "but", "yet", "and", "while", "whereas", "as", "with", "so", "although", "though", "because", "after", "before",
    "when", "since", "until", "once",
}  # fmt: skip


# whose object is whom it was said to, or who was quoted ("quoted the mayor as saying", "warned residents")
LISTENER_VERBS = TELLING_VERBS | {"quote", "warn"}


def _has_thing_object(verb: Token) -> bool:
    """A direct object on a verb of saying that is not whom it was said to ("added 20 points", "reported a loss",
    "wrote a book"): the verb is not reporting speech (rule reporting_verb_with_object)."""
    if verb.lemma_ in LISTENER_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM", "PROPN", "SYM") or amount(c) for c in verb.children)


def _own_clause(tail: list[Token], comma: Token) -> bool:
    """The words after the comma are a clause of their own that reports something else, not a trailing '…, X said'
    (rule speaker_own_clause): they open on a conjunction ('…, but we confirmed that …', '…, with Audi suggesting
    …', '…, after the paper reported …'). A quotation split around its speaker ('"A," she said, "and B."') is
    left to the quotation rules."""
    doc = comma.doc
    if any(t.text in QUOTES for t in doc[comma.i : tail[-1].i + 1]) or doc[comma.i - 1].text in QUOTES:
        return False
    return tail[0].lower_ in OWN_CLAUSE_OPENERS and tail[0].dep_ in ("cc", "mark", "prep", "advmod")


def _in_quotes(tokens: list[Token]) -> bool:
    if not tokens:
        return False
    doc = tokens[0].doc
    first = tokens[0].i
    return tokens[0].text in QUOTES or (first > 0 and doc[first - 1].text in QUOTES)


def inside_quotation(sent: Span, token: Token) -> bool:
    """The token stands inside a quotation (rule speaker_outside_quotation): the nearest double quotation mark before
    it in its sentence opens one (a space or the sentence's start before it, none after it). A speaker named after
    a quoted part ('"A," she said, "and B."') is outside: the mark before her closes the part."""
    doc = sent.doc
    before = next((t for t in reversed(doc[sent.start : token.i]) if t.text in DOUBLE_QUOTES), None)
    if before is None or before.whitespace_:
        return False
    return before.i == sent.start or bool(doc[before.i - 1].whitespace_)


def _named_after_quotation(sent: Span, verb: Token) -> list[Token]:
    """The name right between a closing quotation mark and the reporting verb ('…," Ana Ruiz said'), when the words
    there are a name or a noun phrase and nothing else."""
    doc = sent.doc
    mark = next((t for t in reversed(doc[sent.start : verb.i]) if t.text in DOUBLE_QUOTES), None)
    words = list(doc[mark.i + 1 : verb.i]) if mark is not None else []
    if len(words) > 6 or any(t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ") for t in words):
        return []
    return words


def _trailing_reporting_verbs(tail: list[Token]) -> list[Token]:
    """The verbs of a trailing '…, X said' that report what was said."""
    verbs = [t for t in tail if t.lemma_ in REPORTING_LEMMAS and t.pos_ == "VERB"]
    if rules.on("speaker_verb_not_modifier"):
        # "…, and that everything anybody said to me became musical": a verb describing a noun reports nothing
        verbs = [t for t in verbs if t.dep_ not in ("relcl", "acl", "amod")]
    if rules.on("reporting_verb_with_object"):
        # "…, the Varnes index added 20 points": a verb of saying with a thing for its object says nothing
        verbs = [t for t in verbs if not _has_thing_object(t)]
    return verbs


def _before_reporting_participle(root: Token, complement: Token, content: list[int]) -> list[int]:
    """What the speaker said, without a second statement of theirs that the parse hangs on the verb of saying or on
    what was said ('X tweeted that A, adding "B"', rule reporting_participle_apart): B is not part of A, and A with
    ', adding B' glued on is no claim anyone made. The participle reports a clause of its own ('adding to the
    deficit' says nothing)."""
    participle = next(
        (
            c
            for c in (*root.children, *complement.children)
            if c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and c.lemma_ in REPORTING_LEMMAS
            and c.i > complement.i
            and any(g.dep_ == "ccomp" for g in c.children)
            # on what was said after a bare comma ("…, noting that B"), rule reporting_participle makes B a claim
            and (c.head.i == root.i or c.left_edge.i > 0 and root.doc[c.left_edge.i - 1].text in QUOTES)
        ),
        None,
    )
    if participle is None:
        return content
    start = min(t.i for t in participle.subtree)
    return [i for i in content if i < start]


# conjunctions that set a clause of the article's own against what was reported ("X said A, but B")
CONTRAST_CONJUNCTIONS = {"but", "yet"}


def _second_clause(root: Token, complement: Token | None, content: list[int]) -> tuple[list[int], Attribution | None]:
    """(what the speaker said first, the sentence's second statement) when the parse hangs a second clause on the
    leading verb of saying, which reading the content to the sentence's end would glue on:
    - "X said A, but B", B with a subject of its own (rule contrast_apart): the article sets B against what was said;
      B is the article's, with no speaker. When B itself reports ("…, but the council said B") it is left out of
      both: no claim rather than a wrong one. Without the comma ("said A but B") the reading is open: no change;
    - "X said A and added that B", no subject of its own (rule reporting_conjunct): X's second statement, B, said by
      X too (it was "X added that B", or "A, and added that B", glued into one claim). The parse may hang that verb
      on what was said instead ("X said the ferry lost money and added that …"); it is still X's when the subject
      of what was said could not speak (no name, pronoun or person: "the ferry" adds nothing)."""
    if not content:
        return content, None
    doc = root.doc
    on_complement = [
        c for c in (complement.children if complement is not None and _mute(complement) else ()) if c.dep_ == "conj"
    ]
    for conj in [*root.children, *on_complement]:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i < content[0]:
            continue
        own_subject = any(c.dep_ in SUBJECT_DEPS and c.i < conj.i for c in conj.children)
        cc = next((c for c in conj.head.children if c.dep_ == "cc" and content[0] < c.i < conj.left_edge.i), None)
        cut = cc.i if cc is not None else conj.left_edge.i
        if cut > 0 and doc[cut - 1].text == ",":
            cut -= 1
        said = [i for i in content if i < cut]
        if not said or not any(doc[i].pos_ in ("VERB", "AUX") for i in said):
            continue
        reports = conj.lemma_ in REPORTING_LEMMAS and any(c.dep_ == "ccomp" for c in conj.children)
        if own_subject and conj.head.i == root.i and rules.on("contrast_apart"):
            comma = cc is not None and cc.i == cut + 1 and doc[cut].text == ","
            if not comma or cc.lower_ not in CONTRAST_CONJUNCTIONS:
                continue
            if any(doc[i].text in QUOTES for i in content if i > cut):
                continue  # a quotation runs past the comma: the parse's cut may be inside what was said
            rest = [i for i in content if i > cc.i]
            return said, None if reports else Attribution(content=rest)
        if not own_subject and reports and rules.on("reporting_conjunct"):
            ccomp = next(c for c in conj.children if c.dep_ == "ccomp")
            rest = [t.i for t in ccomp.subtree if not (t.i == ccomp.left_edge.i and t.dep_ == "mark")]
            return said, Attribution(content=rest, is_direct_quote=_in_quotes([doc[i] for i in rest]), speaker_too=True)
    return content, None


def _mute(verb: Token) -> bool:
    """Whether the verb's subject is a thing that says nothing: a common noun, no name, pronoun or person."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.ent_type_ not in SOURCE_LABELS


def find(sent: Span) -> Attribution | None:
    """The attribution of a sentence, if it reports what someone said."""
    source, according = _according_to(sent)
    doc = sent.doc
    tokens = [t for t in sent if t.i not in according]
    ids = [t.i for t in tokens]

    # 1. Trailing: CONTENT, SPEAKER said / was quoted as saying by SOURCE.
    for comma in reversed([t for t in tokens if t.text == ","]):
        tail = [t for t in tokens if t.i > comma.i and not t.is_punct]
        if not tail or len(tail) > MAX_TAIL_TOKENS:
            continue
        verbs = _trailing_reporting_verbs(tail)
        if not verbs:
            continue
        verb = verbs[0]
        subject = _subject(verb)
        tail_ids = {t.i for t in tail}
        if rules.on("speaker_own_clause") and _own_clause(tail, comma):
            break  # that verb reports its own clause: no earlier comma makes it a trailing "…, X said" either
        named: list[Token] = []
        if subject is not None and rules.on("speaker_outside_quotation") and inside_quotation(sent, subject):
            # '"… a mood of \'no, you first,\'" Ana Ruiz said': "you" is quoted; the speaker stands between the
            # closing mark and the verb, or is not named here
            named = _named_after_quotation(sent, verb)
            if not named:
                continue
            subject = named[-1]
        inverted = (
            subject is not None and subject.i > verb.i and all(doc[j].is_punct for j in range(comma.i + 1, verb.i))
        )  # '"…," said the governor'
        if subject is None or subject.i not in tail_ids or (subject.i > verb.i and not inverted):
            continue
        content = [i for i in ids if i < comma.i]
        if not any(doc[i].pos_ in ("VERB", "AUX") for i in content):
            continue
        speaker = _span(named or (t for t in _subject_words(subject) if t.i in tail_ids))
        cited = _sources_of(verb, tail_ids) or source
        if subject.lower_ == "it":  # "…, it was notified by the minister": the agent is the speaker
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            objs = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
            speaker = _span(objs[0].subtree) if objs else None
            cited = source
        return Attribution(
            content=content,
            speaker=speaker,
            cited_source=cited,
            is_direct_quote=_in_quotes([doc[i] for i in content]),
            removed=according | tail_ids | {comma.i},
        )

    # 2. Leading: SPEAKER said (that) CONTENT / SPEAKER added: "CONTENT".
    root = sent.root
    if root.lemma_ in REPORTING_LEMMAS:
        colon = next((t for t in tokens if t.text == ":" and t.i > root.i), None)
        # a reported clause before an open complement: in "told cheering staff that …" the parse may take the
        # adjective "cheering" for an xcomp; what was told is the that-clause
        complement = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None) or next(
            (c for c in root.children if c.dep_ == "xcomp" and c.i > root.i), None
        )
        if (
            colon is not None
            and complement is not None
            and min(t.i for t in complement.subtree) < colon.i
            and rules.on("colon_in_complement")
        ):
            colon = None  # "X says the port is a matter of depth: how deep …": the colon is inside what X says
        if colon is not None:
            content = [i for i in ids if i > colon.i]
        elif complement is not None:
            start = min(t.i for t in complement.subtree)
            content = [i for i in ids if i >= start]
            if (
                content
                and doc[content[0]].lower_ == "that"
                and (
                    doc[content[0]].dep_ == "mark"  # "that" taken for an object: "told them that they …"
                    or doc[content[0]].dep_ != "det"
                    and len(content) > 1
                    and doc[content[1]].dep_ in SUBJECT_DEPS
                )
            ):
                content = content[1:]
            if rules.on("reporting_participle_apart"):
                content = _before_reporting_participle(root, complement, content)
        else:
            content = []
        content, second = _second_clause(root, complement, content)
        subject = _subject(root)
        if (
            subject is not None
            and subject.pos_ != "PRON"
            and rules.on("speaker_outside_quotation")
            and inside_quotation(sent, subject)
        ):
            content = []  # '"The plan just said …," Ivo Brandt said': the plan is quoted, not the speaker
        if subject is not None and rules.on("poll_share") and _poll_share(subject):
            content = []  # "42 percent say that …": a poll's finding is the fact, the share is no speaker
        if (
            complement is not None
            and colon is None
            and rules.on("mandative_complement")
            and mandative(root, complement)
        ):
            content = []  # "Officials suggested that residents stay indoors": advice given, not a fact reported
        if content and any(doc[i].pos_ in ("VERB", "AUX") for i in content):
            speaker_tokens = _subject_words(subject) if subject is not None else []
            if rules.on("speaker_within_sentence"):
                # the parse may hang a line before the paragraph on the subject ("4:14 p.m." above the lead)
                speaker_tokens = [t for t in speaker_tokens if sent.start <= t.i < sent.end]
            if root.lemma_ == "quote":  # "The report quoted Pushlin's message as saying: ..."
                obj = next((c for c in root.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    people = [t for t in obj.subtree if t.ent_type_ == "PERSON"]
                    speaker_tokens = people or list(obj.subtree)
            lead_ids = {t.i for t in sent if t.i < content[0]}
            cited = _sources_of(root, lead_ids) or source
            return Attribution(
                content=content,
                speaker=_span(speaker_tokens) if speaker_tokens else None,
                cited_source=cited,
                is_direct_quote=_in_quotes([doc[i] for i in content]),
                removed=according | lead_ids,
                second=second,
            )

    # 3. Only a source: "…, according to state media."
    if source:
        return Attribution(content=ids, speaker=None, cited_source=source, removed=according)
    return None
