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
