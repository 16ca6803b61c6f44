"""The fetcher interface: a claim in (plain data), documents out (plain data).

A fetcher does its HTTP through `sources.http` and reads our own rows only through
`sources.selectors`; it never writes. `sources.services` stores what it returns.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from sources.evidence.text import STOPWORDS, entities, words


class FetcherNotConfigured(Exception):
    """The fetcher cannot run as configured (e.g. no API key); retrying will not help."""


@dataclass(frozen=True)
class MentionContext:
    article_id: int
    article_url: str | None
    article_title: str
    article_text: str  # as received (may be HTML): cited URLs are taken from it
    sentence: str
    cited_source: str = ""
    speaker: str = ""
    article_published_at: datetime | None = None


@dataclass(frozen=True)
class ClaimQuery:
    claim_id: int
    text: str
    about_date: date | None = None
    claim_date: date | None = None  # about_date, else the earliest mention's publication date
    mentions: tuple[MentionContext, ...] = ()
    requested_urls: tuple[tuple[int, str], ...] = ()  # (source id, url) an editor asked to fetch
    # The claim's stored embedding (claim matching's), when it is of this text: evidence ranking uses it rather
    # than embedding the claim again for every fetch
    vector: Any = field(default=None, compare=False, repr=False)

    def keywords(self, max_terms: int = 6) -> str:
        """A short search query: named entities first, then the other content words of the claim."""
        terms: list[str] = []
        for entity in sorted(entities(self.text), key=len, reverse=True):
            if not any(entity in t for t in terms):
                terms.append(entity)
        used = set(words(" ".join(terms)))
        for word in words(self.text):
            if len(terms) >= max_terms:
                break
            if word not in used and word not in STOPWORDS and len(word) > 2 and not word.isdigit():
                terms.append(word)
                used.add(word)
        return " ".join(terms[:max_terms])


@dataclass
class FoundDocument:
    url: str
    title: str = ""
    text: str = ""
    kind: str = "other"  # a Source.Kind value
    published_at: datetime | None = None
    outlet_name: str = ""
    outlet_domain: str = ""
    metadata: dict = field(default_factory=dict)
    http_status: int | None = None
    content_type: str = ""
    fetched_at: datetime | None = None
    fetch_error: str = ""
    # Passages the provider already singles out (a fact-check's claim, the sentence citing an outlet):
    # used as they are instead of ranking the whole text.
    passages: tuple[str, ...] = ()
    rating: str = ""  # an earlier fact-check's textual rating: the strongest stance signal
    source_id: int | None = None  # an existing Source to link as it is (internal corpus), not to overwrite
    keep_best: bool = False  # keep the best passage even below the relevance threshold (editor asked for it)
    # A stance decided by what the document is rather than by comparing texts, with its reason
    # (e.g. an outlet the article cites: its own sentence says nothing for or against the claim).
    stance: tuple[str, str] | None = None
    # Set when the document is a to-do for an editor, not evidence (nothing of it was read): stored as a Lead.
    todo: str = ""
    # False when the text is stored elsewhere (one of our own articles): the Source keeps its sha256
    # and metadata pointing at it, not a second copy of the whole text.
    store_text: bool = True


class Fetcher(ABC):
    name: str = ""
    # After a fetch is stored: True when the documents are our own articles, whose claims then gain the claim's
    # own article as evidence in turn (sources.services.internal_corroborate_back).
    corroborates_back: bool = False
    # Whether fetch() reads the text of the claim's articles (MentionContext.article_text, the page as received):
    # loading every mention's whole page costs the database and the worker; a fetcher that never looks at it says so.
    reads_article_text: bool = True

    @abstractmethod
    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        """Documents about the claim. Raise sources.http.FetchError when the provider fails (the task
        retries the retryable ones) and FetcherNotConfigured when it cannot run at all."""


BUILTIN = {
    "internal": "sources.fetchers.internal.InternalFetcher",
    "wikipedia": "sources.fetchers.wikipedia.WikipediaFetcher",
    "google_factcheck": "sources.fetchers.google_factcheck.GoogleFactCheckFetcher",
    "gdelt": "sources.fetchers.gdelt.GdeltFetcher",
    "cited": "sources.fetchers.cited.CitedFetcher",
    "url": "sources.fetchers.url.UrlFetcher",
}


def registry() -> dict[str, str]:
    """Every fetcher name and its class path; a project may add its own through FACTCHECK_FETCHER_CLASSES."""
    return {**BUILTIN, **getattr(settings, "FACTCHECK_FETCHER_CLASSES", {})}


def get_fetcher(name: str) -> Fetcher:
    path = registry().get(name)
    if path is None:
        raise KeyError(name)
    module, _, attribute = path.rpartition(".")
    cls = getattr(importlib.import_module(module), attribute)
    return cls()


def enabled_fetchers() -> list[str]:
    """The fetchers run for every new claim (settings.FACTCHECK_FETCHERS), checked against the registry."""
    names = list(dict.fromkeys(settings.FACTCHECK_FETCHERS))
    unknown = [n for n in names if n not in registry()]
    if unknown:
        raise ImproperlyConfigured(
            f"FACTCHECK_FETCHERS names unknown fetchers: {', '.join(unknown)}; known: {', '.join(registry())}."
        )
    return names
