"""The article page: its text with every claim highlighted and linked, extraction status, re-extraction."""

import pytest
from django.urls import reverse

from claims.models import Article
from tests.admin.conftest import SEED_SENTENCE
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db


def test_it_highlights_each_claim_and_links_it(reviewer_client, seed_claim):
    article = seed_claim.mentions.get().article
    html = reviewer_client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    link = reverse("admin:claims_claim_change", args=[seed_claim.pk])
    assert f'href="{link}"' in html
    assert SEED_SENTENCE.replace("'", "&#x27;") + "</a>" in html
    assert "extraction done" in html


def test_overlapping_mentions_do_not_repeat_text(reviewer_client):
    article = ArticleFactory(cleaned_text="Alpha beta gamma. Delta epsilon.", raw_text="x")
    ClaimMentionFactory(article=article, claim=ClaimFactory(), sentence="Alpha beta gamma.", start=0, end=17)
    ClaimMentionFactory(article=article, claim=ClaimFactory(), sentence="beta gamma. Delta", start=6, end=23)
    html = reviewer_client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    body = html[html.index('class="fc-article-text"') :]
    assert body.count("Alpha") == 1 and body.count("Delta") == 1 and body.count("epsilon") == 1


def test_the_text_is_escaped(reviewer_client):
    article = ArticleFactory(cleaned_text="<script>alert(1)</script> Claim here.", raw_text="x")
    ClaimMentionFactory(article=article, sentence="Claim here.", start=26, end=37)
    html = reviewer_client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_re_extract_runs_the_extraction_after_commit(reviewer_client, django_capture_on_commit_callbacks):
    """Tasks run eagerly in unit tests: the real extraction task runs on the article once the request commits."""
    article = ArticleFactory(
        cleaned_text="North Korea recognised the Donetsk People's Republic on 13 July 2022, the KCNA news agency said.",
        extraction_status=Article.ExtractionStatus.FAILED,
        extraction_error="boom",
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = reviewer_client.post(reverse("admin:claims_article_reextract", args=[article.pk]), follow=True)
    assert "Extraction started again" in response.content.decode()
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.PENDING and article.extraction_error == ""
    assert len(callbacks) == 1 and not article.mentions.exists()  # nothing runs before the commit
    with django_capture_on_commit_callbacks(execute=True):
        callbacks[0]()  # the commit: the task is sent (and run eagerly)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE, article.extraction_error
    assert article.mentions.exists()


def test_a_person_without_a_role_cannot_re_extract(client, django_user_model):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="no-role"))
    article = ArticleFactory(extraction_status=Article.ExtractionStatus.DONE)
    response = client.post(reverse("admin:claims_article_reextract", args=[article.pk]))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
