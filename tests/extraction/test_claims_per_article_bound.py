"""An article gives at most FACTCHECK_EXTRACTION_MAX_CLAIMS claims, and the article says where extraction stopped."""

import datetime as dt

import pytest

from claims.extraction import Status, extract
from claims.models import Article
from claims.services import article_extract
from tests.factories import ArticleFactory

# Made-up reporting, one check-worthy sentence per paragraph, each about different things.
PARAGRAPH = "The {body} of {country} said on Monday that {n} new {things} opened in {place} in {year}."
BODIES = ["ministry", "council", "senate", "agency", "office"]
COUNTRIES = ["Atlantis", "Freedonia", "Genovia", "Ruritania", "Elbonia", "Latveria", "Sokovia"]
THINGS = ["schools", "bridges", "clinics", "libraries", "harbours", "stadiums", "bakeries", "railway stations"]
PLACES = ["the northern province", "the capital", "coastal towns", "the eastern valley", "three islands"]


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(
        PARAGRAPH.format(
            body=BODIES[i % 5],
            country=COUNTRIES[i % 7],
            n=i * 7 + 3,
            things=THINGS[i % 8],
            place=PLACES[i % 5],
            year=1900 + i,
        )
        for i in range(paragraphs)
    )


def test_extraction_stops_after_the_claim_bound_and_says_where(settings):
    settings.FACTCHECK_EXTRACTION_MAX_CLAIMS = 5
    text = _long_text(60)

    result = extract(text, published=dt.date(2024, 3, 4))

    assert result.status == Status.DONE
    assert len(result.claims) == 5
    assert [c.start for c in result.claims] == sorted(c.start for c in result.claims)  # the first five, in order
    assert "Only the first 5 claims were kept" in result.message
    assert f"of {len(text):,}" in result.message


def test_an_article_under_the_bound_keeps_every_claim_and_no_note(settings):
    settings.FACTCHECK_EXTRACTION_MAX_CLAIMS = 50

    result = extract(_long_text(4), published=dt.date(2024, 3, 4))

    assert 1 <= len(result.claims) <= 4
    assert "claims were kept" not in result.message


@pytest.mark.django_db
def test_the_stored_article_records_that_its_claims_were_cut_short(settings):
    settings.FACTCHECK_EXTRACTION_MAX_CLAIMS = 3
    text = _long_text(30)
    article = ArticleFactory(raw_text=text, cleaned_text=text, language="en")

    claims = article_extract(article_id=article.pk)

    article.refresh_from_db()
    assert len(claims) == 3
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert "Only the first 3 claims were kept" in article.extraction_error
