"""A claim's own articles, and copies of them, are not evidence for it; other reports of the fact are."""

from __future__ import annotations

import pytest

from sources import selectors
from sources.evidence.copies import is_copy
from sources.models import Evidence, Source
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db

REPORT = (
    "The port of Varna reopened its northern terminal on Tuesday after a four-month repair, the harbour master said. "
    "Cargo ships waiting offshore began unloading grain and timber within hours. "
    "Dock workers had been moved to the southern terminal while cranes were replaced."
)
OTHER_REPORT = (
    "Varna's northern cargo terminal is back in use. Officials confirmed that the terminal reopened on Tuesday, "
    "ending months of crane works that had sent ships to the southern quay."
)
CLAIM = "The port of Varna reopened its northern terminal on Tuesday."


def claim_in(*articles):
    claim = ClaimFactory(text=CLAIM)
    for article in articles:
        ClaimMentionFactory(claim=claim, article=article, sentence=CLAIM)
    return claim


def test_a_republished_copy_with_a_new_byline_and_footer_is_a_copy():
    copy = "By Staff Writer | Updated. " + REPORT + " Read more: shipping news of the week."
    assert is_copy(copy, REPORT)
    assert not is_copy(OTHER_REPORT, REPORT)


def test_no_article_that_makes_the_claim_is_evidence_for_it_even_when_there_are_two(fetch_now):
    first = ArticleFactory(cleaned_text=REPORT, raw_text=REPORT)
    second = ArticleFactory(cleaned_text=OTHER_REPORT, raw_text=OTHER_REPORT)
    claim = claim_in(first, second)
    independent = ArticleFactory(
        cleaned_text="Ships queued at Varna until the northern terminal reopened on Tuesday.",
        raw_text="Ships queued at Varna until the northern terminal reopened on Tuesday.",
    )

    fetch_now(claim, "internal")

    found = {e.source.metadata.get("article_id") for e in Evidence.objects.filter(claim=claim)}
    assert found == {independent.pk}


def test_a_copy_of_the_claims_article_found_in_the_corpus_is_left_out(fetch_now):
    own = ArticleFactory(cleaned_text=REPORT, raw_text=REPORT)
    claim = claim_in(own)
    copy_text = "Shipping desk. " + REPORT + " Follow us for more."
    ArticleFactory(cleaned_text=copy_text, raw_text=copy_text)
    other = ArticleFactory(cleaned_text=OTHER_REPORT, raw_text=OTHER_REPORT)

    fetch_now(claim, "internal")

    found = {e.source.metadata.get("article_id") for e in Evidence.objects.filter(claim=claim)}
    assert found == {other.pk}


def test_a_copy_is_recognised_by_the_extracted_part_of_a_long_article_alone(settings, fetch_now):
    # The copy check reads only the part claims come from (a 2 MB body cost every fetch thread its shingles)
    settings.FACTCHECK_EXTRACTION_MAX_CHARS = len(REPORT) + 1
    tail = " ".join(f"Berth {n} was repainted in week {n}." for n in range(400))
    own = ArticleFactory(cleaned_text=REPORT + "\n" + tail, raw_text=REPORT)
    claim = claim_in(own)
    copy_text = "Shipping desk. " + REPORT + " Follow us for more."
    ArticleFactory(cleaned_text=copy_text, raw_text=copy_text)
    other = ArticleFactory(cleaned_text=OTHER_REPORT, raw_text=OTHER_REPORT)

    assert selectors.claim_own_texts(claim_id=claim.pk) == [REPORT + "\n"]
    fetch_now(claim, "internal")

    found = {e.source.metadata.get("article_id") for e in Evidence.objects.filter(claim=claim)}
    assert found == {other.pk}


def test_a_web_copy_of_the_claims_article_found_by_a_provider_is_left_out(httpserver, settings, fetch_now):
    own = ArticleFactory(cleaned_text=REPORT, raw_text=REPORT)
    claim = claim_in(own)
    page = "<html><head><title>{}</title></head><body><article>{}</article></body></html>"
    paragraphs = "".join(f"<p>{s}.</p>" for s in REPORT.rstrip(".").split(". "))
    httpserver.expect_request("/copy").respond_with_data(page.format("Copy", paragraphs), content_type="text/html")
    httpserver.expect_request("/own-report").respond_with_data(
        page.format("Own report", f"<p>{OTHER_REPORT}</p>"), content_type="text/html"
    )
    base = httpserver.url_for("/")
    listing = {"articles": [{"url": base + "copy", "title": "Copy", "domain": "copy.example"},
                            {"url": base + "own-report", "title": "Own report", "domain": "other.example"}]}  # fmt: skip
    httpserver.expect_request("/api/v2/doc/doc").respond_with_json(listing)
    settings.FACTCHECK_GDELT_URL = httpserver.url_for("/api/v2/doc/doc")

    fetch_now(claim, "gdelt")

    linked = set(Evidence.objects.filter(claim=claim).values_list("source__url", flat=True))
    assert linked == {base + "own-report"}
    assert not Source.objects.filter(url=base + "copy").exists()
