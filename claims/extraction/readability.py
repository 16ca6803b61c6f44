"""Does a claim read alone, and is it still grammatical after the pipeline rewrote it?

- `context_gaps` lists what a reader who never saw the article could not resolve in a claim: a pronoun or a
  demonstrative left as written, "the <noun>" that the claim never introduces (introduced.py), a relative date ("on
  Wednesday", "last month") with no date written out. A claim with gaps is stored flagged "needs context".
- `relative_date` writes a relative date out from the publication date ("on Wednesday" in an article of
  Thursday 14 July 2022 -> "on 13 July 2022") when it is sure: a weekday within the week before publication,
  yesterday / today / tomorrow, last / this / next week-month-year.
- `grammatical` is the guard after a rewrite: a claim needs a finite verb, and a substituted subject must
  agree in number with its verb ("They are …" -> "Ivo Brandt are …" is refused).
All on spaCy tokens of the article's parse plus the claim's rendered text: nothing is parsed again.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from . import anaphora, introduced, rules
from .lexicon import FINITE_TAGS, PLURAL_VERBS, SINGULAR_VERBS, finite

PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_WORDS = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|(?:last|this|next|past|coming) (?:week|month|year|weekend)|weekend|"
    r"\w+ (?:days?|weeks?|months?|years?) ago|earlier this \w+|later this \w+|recently|"
    r"this (?:morning|afternoon|evening)|right now)\b",
    re.IGNORECASE,
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def relative_date(words: str, published: dt.date | None, *, future: bool | None = False) -> str | None:
    """The written-out form of a relative date expression (with its preposition), or None when unsure.

    "on Wednesday" -> "on 13 July 2022"; "yesterday" -> "on 13 July 2022"; "last month" -> "in June 2022";
    "this year" -> "in 2022". A weekday is the one in the six days before publication (or after, for a
    statement about the future); with `future=None` (the tense does not say which) a bare weekday stays as written,
    like "last/this week" and anything vaguer (and is flagged)."""
    if published is None:
        return None
    text = " ".join(words.lower().split())
    lead = ""
    match = re.fullmatch(
        r"(?:(on|by|since|until|from) )?(?:(last|this|next|coming) )?(monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday)(?: (morning|afternoon|evening|night))?",
        text,
    )
    if match:
        preposition, modifier, weekday, part = match.groups()
        target = WEEKDAYS.index(weekday)
        if future is None and modifier in (None, "this"):
            return None
        if modifier in ("next", "coming"):
            delta = (target - published.weekday()) % 7 or 7
            day = published + dt.timedelta(days=delta)
        elif future and modifier != "last":
            delta = (target - published.weekday()) % 7  # "will announce later on Wednesday", written on a Wednesday
            day = published + dt.timedelta(days=delta)
        else:
            delta = (published.weekday() - target) % 7
            if modifier == "last" and delta == 0:
                delta = 7
            day = published - dt.timedelta(days=delta)
        lead = preposition or "on"
        when = format_day(day)
        return f"{lead} {when}" + (f" ({part})" if part else "")
    match = re.fullmatch(
        r"(?:(by|since|until|from|on) )?(yesterday|today|tomorrow)(?: (morning|afternoon|evening|night))?", text
    )
    if match:
        preposition, word, part = match.groups()
        day = published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        return f"{preposition or 'on'} {format_day(day)}" + (f" ({part})" if part else "")
    match = re.fullmatch(r"(?:(by|since|until|from|in|during) )?(last|this|next) (month|year)", text)
    if match:
        preposition, which, unit = match.groups()
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return f"{preposition or 'in'} {published.year + step}"
        month = published.month - 1 + step
        year, month = published.year + month // 12, month % 12
        return f"{preposition or 'in'} {MONTHS[month]} {year}"
    return None


def relative_date_gaps(text: str) -> list[str]:
    """Relative date words still in a claim's text."""
    return [f'relative date "{m.group(0)}"' for m in RELATIVE_WORDS.finditer(text)]


def context_gaps(tokens: list[Token], text: str, *, resolved: set[int]) -> list[str]:
    """What in the claim a reader could not resolve alone. `tokens`: the article tokens the claim was rendered
    from; `resolved`: those the pipeline replaced (a pronoun by its antecedent, a description by a name);
    `text`: the claim as written."""
    gaps: list[str] = []
    ids = {t.i for t in tokens}
    lowered = text.casefold()
    for token in sorted(tokens, key=lambda t: t.i):
        if token.i in resolved:
            continue
        lower = token.lower_
        if token.pos_ == "PRON" and lower in PERSONAL_PRONOUNS and not _expletive_it(token):
            gaps.append(f'pronoun "{token.text}"')
        elif token.pos_ == "PRON" and lower in FIRST_PERSON:
            gaps.append(f'first person "{token.text}"')
        elif token.pos_ == "PRON" and lower in ("you", "your", "yours"):
            gaps.append(f'second person "{token.text}"')
        elif (
            lower in DEMONSTRATIVES
            and (token.dep_ == "det" or token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))
            # "a study that shows …" points back to nothing; a "that" tagged relative whose verb heads the
            # sentence ("Impressively, that beats …") is the demonstrative all the same
            and not (token.tag_ == "WDT" and token.head.dep_ != "ROOT" and rules.on("relative_that"))
        ):
            gaps.append(f'demonstrative "{token.text}"')
        elif lower == "the" and token.dep_ == "det" and introduced.unintroduced(token, ids, lowered):
            gaps.append(f'"the {token.doc[token.head.i : introduced.word_end(token.head).i + 1].text}" not introduced')
        elif lower == "the" and token.dep_ == "det" and introduced.age_description(token, ids):
            gaps.append(f'"the {token.doc[token.i + 1 : token.head.i + 1].text}" not introduced')
        elif lower == "the" and token.dep_ == "det" and introduced.described_subject(token, ids, lowered):
            gaps.append(
                f'"{token.doc[token.i : token.head.i + 1].text.lower()}" not introduced: the article says which'
            )
    kept = [t for t in sorted(tokens, key=lambda t: t.i) if t.i not in resolved]
    gaps += anaphora.modifier_gaps(kept, ids)
    written = [m.group(0) for m in RELATIVE_WORDS.finditer(text)]
    gaps += relative_date_gaps(text) + anaphora.open_time_gaps(kept, text, written)
    gaps += anaphora.abbreviation_gaps(tokens, text)
    return list(dict.fromkeys(gaps))


def _expletive_it(token: Token) -> bool:
    """ "It is likely that …", "it rained": an "it" that stands for nothing."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    return (
        token.dep_ == "nsubj"
        and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.children)
        and head.lemma_ in ("be", "seem", "appear", "take", "remain", "become")
    )


SUBORDINATE = {"relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass", "pcomp", "xcomp", "prep", "pobj"}


def _main_finite(token: Token, ids: set[int], overrides: dict[int, str]) -> bool:
    """A finite verb (or an inflected override, or a tagger's slip: lexicon.finite) of the claim's own clause: its way
    up to the claim's head does not pass through a subordinate clause ("the minute I got there" does not make a
    sentence of a noun phrase). Parse slips that hang a modal on a participle ("would grow based on …") still count:
    the way is by heads."""
    if not (token.i in overrides or finite(token) and _own_subject_here(token, ids)):
        return False
    return in_main_clause(token, ids)


def _own_subject_here(token: Token, ids: set[int]) -> bool:
    """A tagger's slip counts only with its subject in the claim (a finite tag needs nothing more)."""
    return token.tag_ in FINITE_TAGS or any(c.dep_ == "nsubj" and c.i in ids for c in token.children)


def in_main_clause(token: Token, ids: set[int]) -> bool:
    """The token belongs to the claim's own clause: its way up by heads to the claim's head does not pass through
    a subordinate clause ("would" in "we estimate that the bridge would cost …" does not)."""
    node = token
    while node.head.i in ids and node.head.i != node.i:
        if node.dep_ in SUBORDINATE:
            return False
        node = node.head
    return True


def grammatical(
    tokens: list[Token], *, overrides: dict[int, str], replaced_subjects: dict[int, str], template: bool
) -> bool:
    """The guard after a rewrite: a finite verb is there (or the template supplies one), and a subject pronoun the
    pipeline replaced by a name agrees with its verb in number."""
    ids = {t.i for t in tokens}
    if not template and not any(_main_finite(t, ids, overrides) for t in tokens):
        return False  # "Mr. Brandt to tell the board …": no finite verb heads the claim
    for i, name in replaced_subjects.items():
        token = tokens[0].doc[i]
        verb = token.head
        verb_text = overrides.get(verb.i, verb.text).lower()
        aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i in ids and c.i < verb.i), None)
        finite = overrides.get(aux.i, aux.text).lower() if aux is not None else verb_text
        plural_name = bool(re.search(r"\band\b", name)) or (_head_word(name).endswith("s") and not name[:1].isupper())
        if finite in SINGULAR_VERBS or (aux is None and verb.tag_ == "VBZ"):
            if plural_name:
                return False
        elif finite in PLURAL_VERBS or (aux is None and verb.tag_ == "VBP"):
            if not plural_name and not _head_word(name).endswith("s"):
                return False
    return True


# words after which a noun phrase's head has come: "the smoke from these fires" is the smoke, one thing
_POSTMODIFIERS = re.compile(
    r"\s(?:of|from|in|on|at|for|with|to|by|about|over|under|near|that|who|which),?\s", re.IGNORECASE
)


def _head_word(name: str) -> str:
    """The last word of a noun phrase before what modifies it after its head ("smoke" of "the smoke from these
    fires"): the word whose number is the phrase's."""
    words = _POSTMODIFIERS.split(" " + name + " ", maxsplit=1)[0].split()
    return words[-1] if words else name.split()[-1]
