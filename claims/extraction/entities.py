"""Entity normalisation: aliases, acronyms defined in the text, partial and misspelt names.

The knowledge is the gazetteer (gazetteer.py: maintained country data, organisations, agencies); the rules are generic:
- an alias matches exactly ("DPR" -> Donetsk People's Republic; all-capital aliases match case-sensitively);
- an acronym defined in the article ("Donetsk People's Republic (DPR)") is an alias for that article;
- a surname alone ("Pushilin") is the full name met earlier in the article ("Denis Pushilin");
- a misspelt name ("Dennis Pushlin") is the known person it is close to (difflib ratio), but only when one of
  that person's context words occurs in the article: the context must support the reading;
- a capital stands for its state when not used as a place ("cut ties with Pyongyang" -> North Korea);
- a demonym is its country ("Ukrainian" -> Ukraine) but is never rewritten in a claim.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from . import gazetteer as gazetteer_module
from . import rules
from .gazetteer import Entity, normalise_name

FUZZY_MIN_RATIO = 0.85
FUZZY_MIN_LENGTH = 5
# Prepositions after which a capital is a place, not a state.
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "from", "across", "into", "through"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}


def entity_at(doc, i: int):
    """The entity span covering token i, or None; indexed once per document (doc.ents is a scan)."""
    index = doc.user_data.get("factcheck_ent_at")
    if index is None:
        index = {}
        for ent in doc.ents:
            for j in range(ent.start, ent.end):
                index[j] = ent
        doc.user_data["factcheck_ent_at"] = index
    return index.get(i)


def entities_in(doc, ids) -> list:
    """Entities that start at one of the token indices `ids`, in order."""
    found = []
    for i in sorted(ids):
        ent = entity_at(doc, i)
        if ent is not None and ent.start == i:
            found.append(ent)
    return found


GENERATIONAL_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def surname(full_name: str) -> str:
    """The surname of a full name: its last word, or the one before a generational suffix ("Ana Ruiz Jr" -> "Ruiz")
    with rule introduced_surname."""
    words = full_name.split()
    if len(words) > 2 and words[-1].casefold() in GENERATIONAL_SUFFIXES and rules.on("introduced_surname"):
        return words[-2].rstrip(",")
    return words[-1]


class Gazetteer(gazetteer_module.Gazetteer):
    """The general gazetteer (gazetteer.py) plus the fuzzy reading of misspelt names that extraction needs."""

    def lookup(self, text: str) -> Entity | None:
        return self.canonical(text)

    def fuzzy(self, text: str, document_text: str) -> Entity | None:
        """The known entity a misspelt name is closest to, if the article mentions its context."""
        key = normalise_name(text).casefold()
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        best, best_ratio = None, FUZZY_MIN_RATIO
        for entity in self.entities:
            if not entity.context or not any(word in document_text for word in entity.context):
                continue
            candidates = [a.casefold() for a in entity.aliases]
            if entity.label == "PERSON":
                candidates += [a.split()[-1].casefold() for a in entity.aliases if len(a.split()) > 1]
            for candidate in candidates:
                if (" " in candidate) != (" " in key):
                    continue
                ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
                if ratio > best_ratio:
                    best, best_ratio = entity, ratio
        return best


@lru_cache(maxsize=4)
def _extraction_gazetteer(extra_files: tuple[str, ...]) -> Gazetteer:
    return Gazetteer(gazetteer_module.build(extra_files).entities)


def gazetteer() -> Gazetteer:
    """The process's gazetteer, with fuzzy matching (built once per setting of FACTCHECK_GAZETTEER_EXTRA)."""
    return _extraction_gazetteer(gazetteer_module.extra_files())


# "Tom and Ivo Brandt", "Tom, Ana and Ivo Brandt": first names sharing one surname (group 1); "the Brandts": a family
_SHARED_SURNAME = re.compile(r"(?:(\S+) )?\b([A-Z][a-z]+),? (?:and|&) ([A-Z][a-z]+) ([A-Z][a-z][\w'-]*)\b")
_NAME_WORD = re.compile(r"[A-Z][\w.'-]*")
_FAMILY_PLURAL = re.compile(r"\b[Tt]he ([A-Z][a-z]+)s\b")
# a title written before a name is no first name: "Mr. Brandt" is not a second Brandt beside Ivo Brandt
NAME_TITLES = frozenset(
    "mr mrs ms miss dr sir madam lady lord president vice senator sen rep governor gov mayor judge minister "
    "king queen prince princess general gen coach chancellor secretary pope saint st father".split()
)

_ACRONYM_DEFINITION = re.compile(r"((?:[A-Z][\w'-]*\s+){1,6}?(?:of\s+(?:the\s+)?)?(?:[A-Z][\w'-]*))\s*\(([A-Z]{2,6})\)")


def _written_as_name(text: str) -> bool:
    """Whether a full name is written as one: capitalised words, short lower-case particles between them ("Ursula von
    der Leyen"). The parser can tag lower-case words as a person ("marijuana legalization"); such a "full name" must
    not give a later capitalised word ("Marijuana") its reading."""
    words = text.split()
    return bool(_NAME_WORD.fullmatch(words[0]) and _NAME_WORD.fullmatch(words[-1])) and all(
        _NAME_WORD.fullmatch(w) or (w.islower() and len(w) <= 3) for w in words
    )


def _distinct_first_names(names: set[str]) -> int:
    """First names, one kept of a short form and its long form ("Tim" and "Timothy" are one person)."""
    return sum(1 for n in names if not any(m != n and n.startswith(m) for m in names))


class DocumentEntities:
    """Resolves entity mentions to canonical names with what this one article tells us."""

    def __init__(self, text: str, gaz: Gazetteer | None = None):
        self.text = text
        self.gaz = gaz or gazetteer()
        self.acronyms: dict[str, str] = {}
        for match in _ACRONYM_DEFINITION.finditer(text):
            name, acronym = match.group(1).strip(), match.group(2)
            initials = "".join(w[0] for w in name.split() if w[0].isupper())
            if acronym[0] == initials[:1] or acronym in initials:
                known = self.gaz.lookup(name)
                self.acronyms.setdefault(acronym, known.canonical if known else normalise_name(name))
        self.people: list[str] = []  # canonical full names, in order of first mention
        # surname -> the first names the whole article gives it (expect_people), and the surnames the article shows
        # two people share ("Tom and Ivo Brandt", "the Brandts"): such a bare surname has no one full name
        self.first_names: dict[str, set[str]] = {}
        self.family_plurals = {m.casefold() for m in _FAMILY_PLURAL.findall(text)}
        # (first, second, surname) of "Tom and Ivo Brandt", the word before it neither a name nor lower-case-less
        self.shared_first_names = [
            (first.casefold(), second.casefold(), surname.casefold())
            for before, first, second, surname in _SHARED_SURNAME.findall(text)
            if not (before[:1].isupper() and before.casefold().rstrip(".") not in NAME_TITLES)
        ]
        self._cache: dict[tuple[str, str, bool], str] = {}

    def expect_people(self, names) -> None:
        """The full names the parser tags as people in a piece of the article, read before any bare surname is
        resolved, so that a surname's reading can depend on the whole article and not only on the names before it."""
        for text in names:
            tokens = normalise_name(text).split()
            if len(tokens) < 2 or not all(_NAME_WORD.fullmatch(t) for t in tokens):
                continue  # "hosting Cook", "Bolton - Morrison": no full name
            # "Browns Greedy Williams": the word before the surname; "Pat W. Keller": not the initial
            first = next((t.casefold() for t in reversed(tokens[:-1]) if len(t.rstrip(".")) > 1), "")
            if first and first.rstrip(".") not in NAME_TITLES:
                self.first_names.setdefault(tokens[-1].casefold(), set()).add(first)

    def shared_surname(self, name: str) -> bool:
        """Whether the article gives this bare surname to more than one person (rule family_surname)."""
        key = name.casefold()
        if key in self.family_plurals or any(
            surname == key
            and first not in NAME_TITLES
            and second not in NAME_TITLES
            and first not in self.first_names  # "Fiona Hill and Tim Morrison": Hill is a surname
            and self.gaz.lookup(first) is None  # "Lanzo and Tim Morrison": a place
            for first, second, surname in self.shared_first_names
        ):
            return True
        before = {full.split()[0].casefold() for full in self.people if full.split()[-1].casefold() == key}
        # two full names before it is unique_surname's case, decided there; this rule adds the names after it
        return _distinct_first_names(self.first_names.get(key, set())) > 1 and len(before) < 2

    def _person(self, name: str) -> str:
        if len(name.split()) == 1 and rules.on("family_surname") and self.shared_surname(name):
            return name  # "Brandt" where Tom and Ivo Brandt are both named: either; the article's word stays
        known = self.gaz.lookup(name)
        if known is not None and known.label == "PERSON":
            return known.canonical
        tokens = name.split()
        if len(tokens) == 1:
            key = name.casefold()
            readings = (
                [full for full in self.people if surname(full).casefold() == key],
                [full for full in self.people if full.split()[0].casefold() == key],  # "Kim" for Kim Jong-un
                [
                    full
                    for full in self.people
                    if len(full.split()[-1]) >= FUZZY_MIN_LENGTH
                    and difflib.SequenceMatcher(None, full.split()[-1].casefold(), key).ratio() > FUZZY_MIN_RATIO
                ],
            )
            for found in readings:
                if len(set(found)) > 1 and rules.on("unique_surname"):
                    return name  # "Biden" after Joe and Hunter Biden: either; the article's word stays
                if found:
                    return found[-1]
        fuzzy = self.gaz.fuzzy(name, self.text)
        if fuzzy is not None and fuzzy.label == "PERSON":
            return fuzzy.canonical
        return name

    def canonical(self, text: str, label: str, *, place_use: bool = True) -> str:
        """The canonical name of a mention. `place_use` is False when a capital is used for its state."""
        key = (text, label, place_use)
        if key not in self._cache or (
            label == "PERSON" and len(text.split()) == 1
        ):  # surnames depend on who came before
            self._cache[key] = self._canonical(text, label, place_use=place_use)
        return self._cache[key]

    def _canonical(self, text: str, label: str, *, place_use: bool = True) -> str:
        name = normalise_name(text)
        if not name:
            return text.strip()
        if label == "PERSON":
            canonical = self._person(name)
            if len(canonical.split()) > 1 and canonical not in self.people and _written_as_name(canonical):
                self.people.append(canonical)
            return canonical
        if name in self.acronyms:
            return self.acronyms[name]
        state = self.gaz.state_of_capital(name)
        if state is not None:
            return name if place_use else state.canonical
        known = self.gaz.lookup(name)
        if known is None and label in {"ORG", "GPE", "LOC", "NORP"}:
            known = self.gaz.fuzzy(name, self.text)
        if known is None:
            return name
        return known.canonical

    def drops_article(self, canonical: str) -> bool:
        """Whether a known canonical name is written without "the" ("North Korea", not "the North Korea")."""
        known = self.gaz.lookup(canonical)
        return known is not None and known.canonical == canonical and not known.article

    def is_replacement_worthy(self, text: str, canonical: str) -> bool:
        """Whether claim text should say the canonical name instead (acronyms, misspellings, bare surnames)."""
        name = normalise_name(text)
        if not canonical or name.casefold() == canonical.casefold():
            return False
        if self.gaz.state_of_capital(name) is not None:
            return False  # "Pyongyang" stays as written; the entity list says what it stands for
        known = self.gaz.lookup(name)
        if known is not None and normalise_name(name).casefold() in {d.casefold() for d in known.demonyms}:
            return False  # "Ukrainian" is not rewritten "Ukraine"
        if known is not None:
            # "DPR", "KCN", and official long forms ("Democratic People's Republic of Korea" -> North Korea);
            # not a variant of the same length ("Lugansk", "Tass")
            return name.isupper() or name in known.misspellings or len(name.split()) > len(canonical.split())
        if name in self.acronyms:
            return True
        # a bare surname ("Pushilin") or a misspelt name ("Dennis Pushlin") resolved to a person
        return len(name.split()) < len(canonical.split()) or (
            difflib.SequenceMatcher(None, name.casefold(), canonical.casefold()).ratio() > 0.7
        )
