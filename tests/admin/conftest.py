"""Fixtures for the editors' admin: people in their roles, logged in, and a claim shaped like the seed articles."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from claims.models import Claim
from sources.models import ClaimFetch, Evidence
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    ClaimMentionFactory,
    EvidenceFactory,
    OutletFactory,
    SourceFactory,
)

SEED_FILE = Path(__file__).resolve().parents[2] / "seeds" / "000_69d7ea15770052b5.txt"
SEED_SENTENCE = (
    "Pyongyang: North Korea on Wednesday became the second Russian ally to formally recognize the independence of "
    "the breakaway Ukrainian territory of Donetsk People’s Republic (DPR), Donetsk leader Denis Pushilin was quoted "
    "as saying by Russia's state-affiliated agency Tass."
)
SEED_CLAIM = "North Korea became the second Russian ally to formally recognize the Donetsk People's Republic."
KCNA_PASSAGE = "The DPRK government decided to recognize the independence of the Donetsk People's Republic, KCNA said."


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reviewer_client(reviewer):
    return logged_in(reviewer)


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def seed_claim(db):
    """The first seed article's headline claim, with its mention, two evidence passages and fetch status."""
    raw = SEED_FILE.read_text(encoding="utf-8")
    text = "\n".join(line.strip() for line in unicodedata.normalize("NFKC", raw).splitlines()).strip()  # as ingested
    start = text.index(SEED_SENTENCE)
    article = ArticleFactory(
        title="North Korea recognizes Donetsk People's Republic (DPR)",
        outlet=OutletFactory(name="NewsBharati", domain="newsbharati.com"),
        url="https://www.newsbharati.com/north-korea-recognizes-dpr",
        raw_text=raw,
        cleaned_text=text,
        published_at=timezone.now() - timezone.timedelta(days=2),
    )
    claim = ClaimFactory(text=SEED_CLAIM, checkworthiness=0.91)
    ClaimMentionFactory(
        claim=claim, article=article, sentence=SEED_SENTENCE, start=start, end=start + len(SEED_SENTENCE),
        speaker="Denis Pushilin", cited_source="Tass",
    )  # fmt: skip
    kcna = SourceFactory(
        title="KCNA: DPRK recognizes independence of Donetsk People's Republic",
        url="http://www.kcna.kp/en/article/dpr-recognition",
        kind="news",
        text=KCNA_PASSAGE,
        fetched_at=timezone.now() - timezone.timedelta(hours=3),
    )
    EvidenceFactory(claim=claim, source=kcna, passage=KCNA_PASSAGE, stance=Evidence.Stance.SUPPORTS, relevance=0.93,
                    stance_reason="same event, same date; no negation", fetcher="cited")  # fmt: skip
    wiki = SourceFactory(
        title="Foreign relations of the Donetsk People's Republic", url="https://en.wikipedia.org/wiki/DPR"
    )
    EvidenceFactory(
        claim=claim, source=wiki, stance=Evidence.Stance.MENTIONS, relevance=0.61, fetcher="wikipedia",
        passage="On 13 July 2022, North Korea became the third UN member state to recognize the DPR, after Russia and Syria.",
    )  # fmt: skip
    ClaimFetch.objects.create(claim=claim, fetcher="cited", status=ClaimFetch.Status.DONE, sources_found=1)
    ClaimFetch.objects.create(claim=claim, fetcher="wikipedia", status=ClaimFetch.Status.DONE, sources_found=1)
    ClaimFetch.objects.create(
        claim=claim, fetcher="google_factcheck", status=ClaimFetch.Status.FAILED, error="No API key configured."
    )
    return claim


def claim_in(status: str, **kwargs) -> Claim:
    return ClaimFactory(status=status, **kwargs)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
