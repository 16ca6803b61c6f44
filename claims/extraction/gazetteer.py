"""General knowledge of named things: countries with their capitals and demonyms, international organisations,
news agencies, and a few disputed regions. Plain data, no ORM, built once per process into dictionaries.

Where the knowledge comes from:
- countries: the maintained `countryinfo` package (MIT; names, alternative spellings, ISO 3166-1 codes, capitals,
  demonyms), read offline from the JSON it ships;
- what no package holds, written by hand in data/gazetteer.json with each entry's source: news usage of country
  names ("U.S.", "Britain", "Kiev"), the capitals news writes for their governments, organisations, news agencies,
  regions, and the transliteration variants of a few heads of state and ministers;
- optional extra files (setting FACTCHECK_GAZETTEER_EXTRA, e.g. seeds/entities.json): people and misspellings that
  one body of articles needs. An extra entry whose canonical name is already known adds to that entry.

    >>> canonical("Ukrainian").canonical, canonical("DPRK").canonical, canonical("KCNA").kind
    ('Ukraine', 'North Korea', 'agency')
    >>> state_of_capital("Pyongyang").canonical
    'North Korea'

An ambiguous name is resolved by data, not by hand: a demonym or spelling that two countries share goes to the more
populous one ("Congolese" -> DR Congo). ISO codes are fields, not aliases ("IT", "AI", "CAN" are words in news text):
look them up with `by_code`. Abbreviations that news does use for a country ("US", "UK", "DPRK") are aliases, listed
in data/gazetteer.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.json"

# Words in a country's name that make it take "the" ("the United States", "the Czech Republic").
_ARTICLE_WORDS = {"united", "republic", "kingdom", "islands", "states", "emirates", "federation", "union"}
# Plural-looking names that take "the" ("the Netherlands", "the Philippines").
_ARTICLE_NAMES = {
    "netherlands",
    "philippines",
    "bahamas",
    "gambia",
    "maldives",
    "comoros",
    "seychelles",
    "vatican city",
}
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*'s?$")
# Latin script only: native spellings in other scripts never occur in English text.
_LATIN = re.compile(r"^[\w .,'’()&-]+$")


def normalise_name(text: str) -> str:
    """The name as a key: spaces collapsed, a leading "the", a possessive and stray punctuation dropped."""
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text))
    return text.strip(" ,.;:\"'()")


def is_case_sensitive(key: str) -> bool:
    """An all-capital short alias ("US", "WHO", "DPR") matches only as written: "us" and "who" are words."""
    return key.isupper() and len(key) <= 6


@dataclass(frozen=True)
class Entity:
    """One named thing. `kind` is country, org, agency, region, or what an extra file declares (person).

    `aliases` include the canonical name; `label` is the spaCy entity label it is found under (GPE, ORG, PERSON).
    `capital` and `demonyms` are filled for countries. `article` is "the" when the canonical name takes it.
    `misspellings` match exactly like aliases but a claim should say the canonical name instead; `context` words
    let a person's misspelt name match fuzzily when one of them occurs in the article (see entities.py).
    """

    kind: str
    canonical: str
    label: str
    aliases: tuple[str, ...]
    capital: str = ""
    capital_aliases: tuple[str, ...] = ()
    capital_is_seat: bool = False  # news writes the capital for the government ("talks with Pyongyang")
    demonyms: tuple[str, ...] = ()
    iso2: str = ""
    iso3: str = ""
    article: str = ""
    misspellings: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    population: int = 0
    source: str = ""


@dataclass
class Gazetteer:
    entities: list[Entity]
    _exact: dict[str, Entity] = field(default_factory=dict, repr=False)  # case-sensitive keys (acronyms)
    _folded: dict[str, Entity] = field(default_factory=dict, repr=False)  # casefolded keys
    _capitals: dict[str, Entity] = field(default_factory=dict, repr=False)  # casefolded capital -> its country
    _seats: dict[str, Entity] = field(default_factory=dict, repr=False)  # the same, for seats of government
    _codes: dict[str, Entity] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        # Most populous first, so that a name two entries share goes to the bigger one; curated kinds win over
        # countries' alternative spellings (the hand-written "Gaza" region over a country's alias).
        ordered = sorted(self.entities, key=lambda e: (e.kind == "country", -e.population))
        for entity in ordered:
            for name in (*entity.aliases, *entity.misspellings, *entity.demonyms):
                key = normalise_name(name)
                if not key:
                    continue
                if is_case_sensitive(key):
                    self._exact.setdefault(key, entity)
                else:
                    self._folded.setdefault(key.casefold(), entity)
            for name in (entity.capital, *entity.capital_aliases):
                key = normalise_name(name).casefold()
                if key and key != entity.canonical.casefold():  # "Singapore" is the state already
                    self._capitals.setdefault(key, entity)
                    if entity.capital_is_seat:
                        self._seats.setdefault(key, entity)
            for code in (entity.iso2, entity.iso3):
                if code:
                    self._codes.setdefault(code, entity)

    def canonical(self, name: str) -> Entity | None:
        """The entity a name, alias, demonym or known misspelling stands for, or None. Capitals are not names of
        their state here ("in Moscow" is a place): see `state_of_capital`."""
        key = normalise_name(name)
        return self._exact.get(key) or self._folded.get(key.casefold())

    def capital_of(self, name: str) -> Entity | None:
        """The country whose capital this is ("Lima" -> Peru), whatever the capital is used for."""
        return self._capitals.get(normalise_name(name).casefold())

    def state_of_capital(self, name: str) -> Entity | None:
        """The country a capital stands for when news uses it for the government ("talks with Pyongyang"): only
        the seats of government listed in data/gazetteer.json, since most capitals are written as cities."""
        return self._seats.get(normalise_name(name).casefold())

    def by_code(self, code: str) -> Entity | None:
        """The country with this ISO 3166-1 alpha-2 or alpha-3 code."""
        return self._codes.get(code.strip().upper())

    def ruler_patterns(self) -> list[dict]:
        """Phrase patterns for spaCy's entity_ruler, so that what the model misses or cuts wrongly is an entity.

        Organisations, agencies and regions; of countries only their abbreviations ("DPRK", "U.S.") and official
        long forms ("the Syrian Arab Republic"), which a claim rewrites: the model knows the short names, and a
        short name is also a person's name often enough ("Chad", "Jordan"). No two-letter acronyms ("AP" is also
        a state of India). People are found by the model: their spelling varies too much for exact patterns.
        """
        patterns = []
        for entity in self.entities:
            if entity.kind == "person":
                continue
            for alias in (*entity.aliases, *entity.misspellings):
                if len(alias) <= 2:
                    continue
                if entity.kind == "country" and not (
                    alias.replace(".", "").isupper() or len(alias.split()) > len(entity.canonical.split())
                ):
                    continue
                patterns.append({"label": entity.label, "pattern": alias})
        return patterns


def _takes_article(name: str) -> str:
    words = set(name.casefold().split())
    return "the" if words & _ARTICLE_WORDS or name.casefold() in _ARTICLE_NAMES else ""


def _plural(demonym: str) -> tuple[str, ...]:
    return (demonym + "s",) if demonym.endswith(("an", "i")) else ()


def _country_records() -> dict[str, list[dict]]:
    """countryinfo's records grouped by ISO alpha-2 code, the standard record first.

    The package ships a few countries twice (an ISO record and an older one: "Myanmar" and "Burma"); the standard
    one lists its ISO codes among its spellings. Parts of a country without their own code (Scotland) are left out.
    """
    from countryinfo import CountryInfo

    groups: dict[str, list[dict]] = {}
    for data in CountryInfo.all().values():
        iso2 = (data.get("ISO") or {}).get("alpha2")
        if iso2:
            groups.setdefault(iso2, []).append(data)
    for records in groups.values():
        records.sort(
            key=lambda d: (
                not {d["ISO"].get("alpha2"), d["ISO"].get("alpha3")} & set(d.get("altSpellings") or ()),
                -sum(1 for v in d.values() if v),
            )
        )
    return groups


def _spellings(data: dict) -> list[str]:
    iso = data.get("ISO") or {}
    found = []
    for spelling in [data["name"], *(data.get("altSpellings") or ())]:
        if spelling in {iso.get("alpha2"), iso.get("alpha3")} or len(spelling) <= 3 or not _LATIN.match(spelling):
            continue  # codes are fields; native spellings in other scripts never occur in English text
        if ", " in spelling:  # "Korea, Republic of" -> "Republic of Korea"
            head, _, tail = spelling.partition(", ")
            spelling = f"{tail} {head}"
        if not spelling.endswith(" of"):
            found.append(spelling)
    return found


def _first(value) -> str:
    if isinstance(value, list):
        return value[0] if value else ""
    return value or ""


def _countries(extras: dict[str, dict], seats: set[str]) -> list[Entity]:
    countries = []
    for iso2, records in _country_records().items():
        data, extra = records[0], extras.get(iso2, {})
        name = data["name"]
        # an older record of the same country names it among its spellings ("Burma": "Myanmar"); Wales does not
        records = [data, *(r for r in records[1:] if name in _spellings(r))]
        spellings = [s for record in records for s in _spellings(record)]
        demonyms = [d for record in records for d in (_first(record.get("demonym")),) if d]
        demonyms = [*demonyms, *(p for d in demonyms for p in _plural(d)), *extra.get("demonyms", ())]
        countries.append(
            Entity(
                kind="country",
                canonical=name,
                label="GPE",
                aliases=tuple(dict.fromkeys([*spellings, *extra.get("aliases", ())])),
                capital=_first(data.get("capital")),
                capital_aliases=tuple(extra.get("capital_aliases", ())),
                capital_is_seat=iso2 in seats,
                demonyms=tuple(dict.fromkeys(demonyms)),
                iso2=iso2,
                iso3=(data.get("ISO") or {}).get("alpha3") or "",
                article=_takes_article(name),
                population=int(data.get("population") or 0),
                source="countryinfo",
            )
        )
    return countries


def _entity(item: dict, *, kind: str, label: str) -> Entity:
    return Entity(
        kind=item.get("kind", kind),
        canonical=item["canonical"],
        label=item.get("label", label),
        aliases=tuple(dict.fromkeys([item["canonical"], *item.get("aliases", ())])),
        article=item.get("article", ""),
        misspellings=tuple(item.get("misspellings", ())),
        context=tuple(item.get("context", ())),
        source=item.get("source", ""),
    )


_LABELS = {"org": "ORG", "agency": "ORG", "region": "GPE", "person": "PERSON", "country": "GPE"}


def build(extra_files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer of maintained data plus the hand-written file, plus any extra files (see the module doc)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    entities = _countries(data["countries"], set(data["seats_of_government"]["codes"]))
    entities += [_entity(item, kind=item["kind"], label=_LABELS[item["kind"]]) for item in data["organisations"]]
    entities += [_entity(item, kind="region", label="GPE") for item in data["regions"]]
    entities += [_entity(item, kind="person", label="PERSON") for item in data["people"]]
    by_name = {e.canonical: i for i, e in enumerate(entities)}
    for path in extra_files:
        for item in json.loads(Path(path).read_text(encoding="utf-8"))["entities"]:
            kind = item.get("kind", "person")
            new = _entity(item, kind=kind, label=_LABELS.get(kind, "ORG"))
            if new.canonical in by_name:  # adds spellings to a known entry
                old = entities[by_name[new.canonical]]
                entities[by_name[new.canonical]] = replace(
                    old,
                    aliases=tuple(dict.fromkeys([*old.aliases, *new.aliases])),
                    misspellings=tuple(dict.fromkeys([*old.misspellings, *new.misspellings])),
                    context=tuple(dict.fromkeys([*old.context, *new.context])),
                )
            else:
                by_name[new.canonical] = len(entities)
                entities.append(new)
    return Gazetteer(entities)


def extra_files() -> tuple[str, ...]:
    """The extra gazetteer files the settings name (FACTCHECK_GAZETTEER_EXTRA), as a hashable key."""
    try:
        from django.conf import settings

        return tuple(str(p) for p in getattr(settings, "FACTCHECK_GAZETTEER_EXTRA", ()) or ())
    except Exception:  # used outside Django (bench, scripts)
        return ()


@lru_cache(maxsize=4)
def _cached(extra_files: tuple[str, ...]) -> Gazetteer:
    return build(extra_files)


def gazetteer() -> Gazetteer:
    """The process's gazetteer (built once per setting of FACTCHECK_GAZETTEER_EXTRA)."""
    return _cached(extra_files())


def canonical(name: str) -> Entity | None:
    """The entity a name stands for in the process's gazetteer: see `Gazetteer.canonical`."""
    return gazetteer().canonical(name)


def state_of_capital(name: str) -> Entity | None:
    """The country a capital stands for when used for its government: see `Gazetteer.state_of_capital`."""
    return gazetteer().state_of_capital(name)
