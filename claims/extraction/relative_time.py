"""Relative time written out from the publication date, where the date is sure (rules relative_date_words,
relative_weeks and weekday_tense: a bare weekday is dated only when its clause's tense says which week); what stays
relative is flagged by readability.context_gaps.

The entity recogniser's DATE spans (pipeline.context) miss or blur some relative dates: a weekday glued to
the name before it ("posted on Twitter Tuesday"), a day after a preposition that is not "on" ("as of today", which
must not become "as of on …"). `day_words` finds those on the tokens themselves. `write_span` writes out what
readability.relative_date leaves relative although the publication date settles it: a week ("last week" -> "in
the week of 11 November 2019"), "earlier this month", "three days ago" (-> "three days before 18 November 2019").
A weekend, "recently", "now" stay as written: which days they mean is not sure.
"""

from __future__ import annotations

import datetime as dt
import re

from . import readability, rules

WEEKDAYS = readability.WEEKDAYS
DAY_WORDS = {"yesterday", "today", "tomorrow"}
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
DAY_PREPOSITIONS = {"on", "by", "since", "until", "from"}
# "Black Friday", "Super Tuesday": a weekday inside a name is no date
NAMED_DAYS = {"black", "cyber", "super", "good", "ash", "holy", "maundy", "easter", "shrove", "fat", "giving", "bloody"}
FUTURE_MODALS = {"will", "'ll", "shall", "wo"}  # "wo": spaCy's first half of "won't"
PERFECT_AUXILIARIES = {"has", "have", "had", "'ve", "'d"}
# "is scheduled for Friday", "is due to vote on Friday": the event lies ahead of the report
SCHEDULED = {"schedule", "slate", "due"}
# "is expected to vote on Friday", "plans to", "is going to", "is set to": ahead only with the infinitive after them
HEADED_FOR = {"expect", "plan", "set", "poise", "go", "intend", "prepare", "aim"}
_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few)"


WRITTEN_PREPOSITIONS = {"on", "in", "by", "since", "until", "from", "during", "over", "for"}


def without_preposition(written: str) -> str:
    """A written-out date without the preposition it was written with, for a place where the article has its own
    ("into next year" -> "into" + "2023", not "into in 2023")."""
    first, _, rest = written.partition(" ")
    return rest if first in WRITTEN_PREPOSITIONS and rest else written


def modifies_noun(token) -> bool:
    """A day word used as a modifier of the noun after it ("the council's Monday vote", "a Friday deadline"): it
    tells which event, not when something happened, so no "on <date>" fits there."""
    return (
        token.dep_ in ("compound", "nmod", "amod", "npadvmod")
        and token.head.i > token.i
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.lower_ not in PARTS_OF_DAY  # "Tuesday afternoon" is a time
    )


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def write_span(words: str, published: dt.date | None) -> str | None:
    """The written-out form of a relative expression (with the preposition before it) that
    readability.relative_date leaves as written, or None when its dates are not sure (rule relative_weeks)."""
    if published is None or not rules.on("relative_weeks"):
        return None
    text = " ".join(words.lower().split())
    day = readability.format_day
    match = re.fullmatch(
        r"(?:(in|during|over|since|by|until) )?(?:the )?(?:past|last) (?:week|seven days|7 days)", text
    )
    if match and (match.group(1) or "in") in ("in", "during", "over"):
        if text.startswith(("last week", "during last week", "in last week")):
            return f"in the week of {day(_monday(published) - dt.timedelta(days=7))}"
        return f"{match.group(1) or 'in'} the week before {day(published)}"
    match = re.fullmatch(r"(?:(in|during|by|until) )?(last|this|next) week", text)
    if match:
        preposition, which = match.groups()
        monday = _monday(published) + dt.timedelta(days=7 * {"last": -1, "this": 0, "next": 1}[which])
        return f"{preposition or 'in'} the week of {day(monday)}"
    match = re.fullmatch(r"(earlier|later) (this|today|this (week|month|year))", text)
    if match and text not in ("earlier this", "later this"):
        when, _, unit = match.groups()
        if unit == "week":
            return f"{when} in the week of {day(_monday(published))}"
        if unit == "month":
            return f"{when} in {readability.MONTHS[published.month - 1]} {published.year}"
        if unit == "year":
            return f"{when} in {published.year}"
        return f"{when} on {day(published)}"
    match = re.fullmatch(r"so far this (month|year)", text)
    if match:
        unit = match.group(1)
        month = f"{readability.MONTHS[published.month - 1]} {published.year}"
        return f"so far in {month if unit == 'month' else published.year}"
    match = re.fullmatch(rf"({_NUMBER} (?:days?|weeks?|months?|years?)) ago", text)
    if match:
        return f"{match.group(1)} before {day(published)}"
    match = re.fullmatch(r"(this|tonight)(?: (morning|afternoon|evening))?", text)
    if match and (match.group(1) == "tonight" or match.group(2)):
        return f"on {day(published)} ({match.group(2) or 'night'})"
    return None


def statement_future(token) -> bool | None:
    """Whether the clause a date word sits in speaks of what lies ahead of the report (True), of what has happened
    (False), or does not say (None: "the vote is on Friday", "the team plays Saturday"). A verb that carries no
    tense of its own ("to yield", "testifying", "hitting") takes the tense of the finite verb it depends on. With
    rule weekday_tense off, the old reading: ahead only with "will" in the sentence, otherwise past."""
    if not rules.on("weekday_tense"):
        return any(t.lower_ in ("will", "'ll") and t.tag_ == "MD" for t in token.sent)
    verb = _verb_above(token, itself=True)
    while verb is not None:
        said = _tense_said(verb)
        if said is not None or _finite(verb):
            return said
        verb = _verb_above(verb, itself=False)
    return None


def _verb_above(token, *, itself: bool):
    node = token if itself else (token.head if token.head.i != token.i else None)
    while node is not None and node.pos_ not in ("VERB", "AUX") and node.lemma_ not in SCHEDULED:
        node = node.head if node.head.i != node.i else None
    return node


def _finite(verb) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children
    )


def _tense_said(verb) -> bool | None:
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)  # "vote" <- "is expected to" / "plans to" / "is going to"
    for link in chain:
        auxiliaries = [c for c in link.children if c.dep_ in ("aux", "auxpass")]
        past_auxiliary = any(a.tag_ == "VBD" or a.lower_ in PERFECT_AUXILIARIES for a in auxiliaries)
        if any(a.tag_ == "MD" and a.lower_ in FUTURE_MODALS for a in auxiliaries):
            return True
        past = link.tag_ == "VBD" or past_auxiliary
        if link.lemma_ in SCHEDULED or (link.lemma_ in HEADED_FOR and link.i != verb.i):
            return None if past else True  # "was scheduled for Friday": this Friday or the last, not sure
        if past or (link.tag_ == "VBN" and link.dep_ in ("acl", "advcl") and not auxiliaries):
            return False  # "a letter posted on Tuesday": a participle that tells what was done
        if _finite(link):
            return None  # a present tense: "opens on Friday", "plays Saturday"
    return None


def day_words(doc, published: dt.date | None) -> dict[int, tuple[int, str]]:
    """Weekdays and yesterday/today/tomorrow the entity spans miss or blur, written out: token start -> (token
    end, text). A day after "on"/"by"/… is written with that preposition ("on 12 November 2019"); after another
    one ("as of today") the date alone; a weekday inside a name ("Black Friday", "Friday Night Lights") is left."""
    found: dict[int, tuple[int, str]] = {}
    if published is None or not rules.on("relative_date_words"):
        return found
    for token in doc:
        lower = token.lower_
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.dep_ in ("nsubj", "nsubjpass", "poss") or following is not None and following.tag_ == "POS":
            continue  # "Today is a holiday", "today's teenagers": not when something happened
        if lower not in DAY_WORDS and not (lower in WEEKDAYS and token.text[:1].isupper()):
            continue
        if lower in WEEKDAYS and not _plain_weekday(doc, token) or modifies_noun(token):
            continue
        start, end = token.i, token.i + 1
        if end < len(doc) and doc[end].lower_ in PARTS_OF_DAY:
            end += 1
        if end < len(doc) and doc[end].tag_ == "POS":
            continue  # "Thursday night's fight": no point in time to write "on" before; left, flagged
        before = doc[start - 1] if start > 0 else None
        modifier = ""
        if before is not None and before.lower_ in ("last", "this", "next", "coming") and lower in WEEKDAYS:
            modifier, start = before.lower_ + " ", start - 1
            before = doc[start - 1] if start > 0 else None
        part = f" {doc[end - 1].lower_}" if end - start > 1 + bool(modifier) else ""
        future = statement_future(token)
        if before is not None and before.lower_ in DAY_PREPOSITIONS:
            written = readability.relative_date(f"{before.lower_} {modifier}{lower}{part}", published, future=future)
            start -= 1
        elif before is not None and before.pos_ == "ADP" and before.dep_ == "prep":
            written = readability.relative_date(f"{modifier}{lower}{part}", published, future=future)
            written = without_preposition(written) if written else None  # "as of today" -> "as of 18 November 2019"
        else:
            written = readability.relative_date(f"{modifier}{lower}{part}", published, future=future)
        if written:
            found[start] = (end, written)
    return found


def _plain_weekday(doc, token) -> bool:
    """A weekday that names a day: not inside a name ("Black Friday", "Monday Night Football", "the Sunday
    Times")."""
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.lower_ in NAMED_DAYS:
        return False
    if before is not None and before.lower_ == "the":
        return False  # "the Sunday Times", "the Monday meeting"
    if after is not None and after.text[:1].isupper() and not after.is_sent_start and after.lower_ not in PARTS_OF_DAY:
        return False
    return not (after is not None and after.tag_ == "POS")  # "Tuesday's vote": the day is named elsewhere
