"""The internal corpus offers an article as evidence only when it shares more than one specific word with the
claim, the articles sharing the most first: one common word ("inquiry") is no corroboration."""

import datetime as dt
import hashlib

import pytest

from sources import selectors
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CLAIM = "The harbour authority opened an inquiry into the crane collapse."


def _article(title, text, day):
    return ArticleFactory(
        title=title, url=None, cleaned_text=text, raw_text=text,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(), published_at=dt.datetime(2025, 3, day, tzinfo=dt.UTC),
    )  # fmt: skip


def test_articles_sharing_one_word_are_left_out_and_the_closest_come_first():
    unrelated = _article("Football", "The league began an inquiry into the referee's decision.", 20)
    some = _article("Port news", "The harbour authority said traffic grew in March.", 19)
    closest = _article("Collapse", "After the crane collapse, the harbour authority began an inquiry.", 1)

    found = [a.pk for a in selectors.internal_articles(text=CLAIM, exclude_ids=set())]

    assert found == [closest.pk, some.pk]
    assert unrelated.pk not in found


def test_a_claim_with_a_single_search_word_still_finds_the_article_that_has_it():
    article = _article("Rates", "Inflation rose again, the statistics office said.", 5)
    found = list(selectors.internal_articles(text="Inflation rose.", exclude_ids=set()))
    assert [a.pk for a in found] == [article.pk] and found[0].text_head.startswith("Inflation rose again")


def test_the_internal_fetcher_offers_at_most_the_configured_number_of_articles_the_closest_first(settings):
    from sources.fetchers.internal import InternalFetcher
    from sources.selectors import claim_query
    from tests.factories import ClaimFactory

    settings.FACTCHECK_INTERNAL_RESULTS = 2
    weaker = [_article(f"Port {i}", f"The harbour authority said traffic grew {i} percent.", 10 + i) for i in range(3)]
    closest = _article("Collapse", "After the crane collapse, the harbour authority began an inquiry.", 1)
    claim = ClaimFactory(text=CLAIM)

    documents = InternalFetcher().fetch(claim_query(claim_id=claim.pk))

    assert [d.metadata["article_id"] for d in documents] == [closest.pk, weaker[-1].pk]


def test_a_later_article_is_offered_back_only_to_the_earlier_articles_claims_that_share_its_words(fetch_now):
    from sources.models import Evidence
    from tests.factories import ClaimFactory, ClaimMentionFactory

    earlier = _article("Collapse", "A crane collapsed in the harbour on Monday. The mayor opened a new library.", 1)
    later = _article("Inquiry", "The harbour authority opened an inquiry into the crane collapse on Tuesday.", 2)
    related, unrelated = (
        ClaimFactory(text="A crane collapsed in the harbour."),
        ClaimFactory(text="The mayor opened a new library."),
    )
    ClaimMentionFactory(claim=related, article=earlier, sentence=related.text)
    ClaimMentionFactory(claim=unrelated, article=earlier, sentence=unrelated.text)
    claim = ClaimFactory(text=CLAIM)
    ClaimMentionFactory(claim=claim, article=later, sentence=CLAIM)

    fetch_now(claim, "internal")

    assert Evidence.objects.filter(claim=claim, source__metadata__article_id=earlier.pk).exists()
    assert Evidence.objects.filter(claim=related, source__metadata__article_id=later.pk).exists()
    assert not Evidence.objects.filter(claim=unrelated).exists()


def test_a_search_word_finds_the_longer_words_it_begins():
    article = _article("Recognition", "Lanzo formally recognized the breakaway republics on Monday.", 3)
    _article("Weather", "Rain is expected in Lanzo on Monday.", 4)
    found = [a.pk for a in selectors.internal_articles(text="Lanzo recognizes the republics.", exclude_ids=set())]
    assert found == [article.pk]


def test_an_edited_text_is_searched_by_its_new_words():
    article = _article("Port news", "The harbour authority said traffic grew in March.", 19)
    assert [a.pk for a in selectors.internal_articles(text="The crane collapse.", exclude_ids=set())] == []
    article.cleaned_text = "After the crane collapse, the harbour was closed."
    article.save(update_fields=["cleaned_text"])
    assert [a.pk for a in selectors.internal_articles(text="The crane collapse.", exclude_ids=set())] == [article.pk]


def test_on_postgresql_the_search_reads_the_indexed_word_column_not_the_text():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the word column exists on PostgreSQL only; SQLite reads the text (the tests above)")
    from sources.models import Source

    sql = str(selectors.internal_articles(text=CLAIM, exclude_ids=set()).query)
    assert '"claims_article"."search_words" @@ to_tsquery' in sql and "LIKE" not in sql.upper()
    sources_sql = str(selectors.internal_sources(text=CLAIM, exclude_kinds=(Source.Kind.ARTICLE,)).query)
    assert '"sources_source"."search_words" @@ to_tsquery' in sources_sql
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename IN ('claims_article', 'sources_source') "
            "AND indexname LIKE '%search_words'"
        )
        assert sorted("USING gin (search_words)" in row[0] for row in cursor.fetchall()) == [True, True]


def test_punctuation_in_a_claim_cannot_break_the_search_query():
    article = _article("Rates", "Inflation rose to 5% in Lanzo, the statistics office said.", 5)
    found = [a.pk for a in selectors.internal_articles(text="Inflation (5%) rose & fell | Lanzo's!", exclude_ids=set())]
    assert found == [article.pk]


def test_the_claims_to_corroborate_are_given_once_each_by_id_in_id_order():
    from tests.factories import ClaimFactory, ClaimMentionFactory

    first = _article("Collapse", "After the crane collapse, the harbour authority began an inquiry.", 1)
    second = _article("Inquiry", "The harbour authority's inquiry into the crane collapse continues.", 2)
    own = _article("Own", "The harbour authority opened an inquiry into the crane collapse.", 3)
    shared = ClaimFactory(text="The harbour authority began an inquiry after the crane collapse.")
    later = ClaimFactory(text="The crane collapse inquiry of the harbour authority continues.")
    unrelated = ClaimFactory(text="The mayor opened a library.")
    for claim, article in ((shared, first), (shared, second), (later, second), (unrelated, first)):
        ClaimMentionFactory(claim=claim, article=article, sentence=claim.text, start=0, end=len(claim.text))

    found = selectors.claims_of_articles_sharing_words(
        text=CLAIM, article_ids={first.pk, second.pk}, own_article_ids={own.pk}, exclude_id=0
    )

    assert found == [shared.pk, later.pk]
