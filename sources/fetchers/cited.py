"""Cited sources: the outlets a mention names ("Tass", "KCNA", "Reuters") become linked sources, and
the links in the article are fetched.

An outlet named in a mention is stored as a source of kind "cited" at the outlet's home page and becomes
a to-do for the editor ("Find TASS's own report"), with the citing sentence as its context: the
article's own sentence is not evidence for the claim. Its home page is not fetched (front pages change
hourly and say nothing about the claim). A page of that outlet linked from the article is fetched as
evidence, and then no to-do is needed.
"""

from __future__ import annotations

import html as htmllib
import re

from sources import http
from sources.models import Source

from .base import ClaimQuery, Fetcher, FoundDocument
from .pages import fetch_page

# Agencies and outlets often cited by name: (canonical name, domain, spellings). The names are
# matched as whole words, case-insensitively; misspellings seen in the wild are listed.
KNOWN_OUTLETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("TASS", "tass.com", ("tass", "itar-tass")),
    ("Korean Central News Agency (KCNA)", "kcna.kp", ("kcna", "kcn", "korean central news agency")),
    ("Izvestia", "iz.ru", ("izvestia", "izvestiya")),
    ("Reuters", "reuters.com", ("reuters",)),
    ("NK News", "nknews.org", ("nk news", "nknews")),
    ("RIA Novosti", "ria.ru", ("ria novosti", "ria")),
    ("Interfax", "interfax.ru", ("interfax",)),
    ("Associated Press", "apnews.com", ("associated press", "ap news")),
    ("Agence France-Presse", "afp.com", ("afp", "agence france-presse")),
    ("Yonhap", "en.yna.co.kr", ("yonhap",)),
    ("Rodong Sinmun", "rodong.rep.kp", ("rodong sinmun",)),
    ("RT", "rt.com", ("russia today",)),
    ("BBC", "bbc.com", ("bbc",)),
    ("The Guardian", "theguardian.com", ("the guardian", "guardian")),
)
# A host is a name, or an IPv6 literal in brackets ("http://[2001:db8::7]/x"); a bracket anywhere else ends the link.
URL_IN_TEXT = re.compile(
    r"""(?:href\s*=\s*["']?)?(https?://(?:\[[0-9a-f:.]+\][^\s"'<>()\[\]]*|[^\s"'<>()\[\]]+))""", re.I
)
MAX_LINKS = 5


def cited_outlets(text: str) -> list[tuple[str, str]]:
    """(name, domain) of every known outlet named in `text`, in order of appearance."""
    found: list[tuple[int, str, str]] = []
    lowered = text.lower()
    for name, domain, spellings in KNOWN_OUTLETS:
        positions = [
            m.start() for s in spellings for m in re.finditer(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", lowered)
        ]
        if positions:
            found.append((min(positions), name, domain))
    return [(name, domain) for _, name, domain in sorted(found)]


def linked_urls(text: str) -> list[str]:
    """http(s) links in an article, as written or in href attributes, without trailing punctuation."""
    urls = []
    for match in URL_IN_TEXT.finditer(text or ""):
        url = htmllib.unescape(match.group(1)).rstrip(".,;:!?'\"")
        if url not in urls:
            urls.append(url)
    return urls


class CitedFetcher(Fetcher):
    name = "cited"

    def fetch(self, claim: ClaimQuery) -> list[FoundDocument]:
        documents: dict[str, FoundDocument] = {}
        for mention in claim.mentions:
            named = cited_outlets(" ".join(filter(None, (mention.cited_source, mention.sentence))))
            for name, domain in named:
                url = f"https://{domain}/"
                document = documents.get(url) or FoundDocument(
                    url=url,
                    title=name,
                    kind=Source.Kind.CITED,
                    outlet_name=name,
                    outlet_domain=domain,
                    metadata={"cited_as": mention.cited_source or name, "cited_in_articles": []},
                    todo=f"Find {name}'s own report: the article attributes this to {name}.",
                )
                if mention.article_id not in document.metadata["cited_in_articles"]:
                    document.metadata["cited_in_articles"].append(mention.article_id)
                document.passages = tuple(dict.fromkeys((*document.passages, mention.sentence)))
                documents[url] = document
        links: list[str] = []
        for mention in claim.mentions:
            for url in linked_urls(mention.article_text):
                if url not in links and (mention.article_url is None or url != mention.article_url):
                    links.append(url)
        read_domains = set()
        for url in links[:MAX_LINKS]:
            document = fetch_page(
                url, kind=Source.Kind.NEWS, metadata={"linked_from": [m.article_id for m in claim.mentions]}
            )
            document.outlet_domain = http.host_of(document.url).removeprefix("www.")
            documents.setdefault(document.url, document)
            if document.text:
                read_domains.add(document.outlet_domain)
        # An outlet whose page the article links to, and that was read, needs no to-do.
        return [
            d for d in documents.values()
            if not (d.todo and any(domain == d.outlet_domain or domain.endswith("." + d.outlet_domain) for domain in read_domains))
        ]  # fmt: skip
