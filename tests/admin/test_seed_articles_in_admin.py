"""The real pipeline's output in the admin: load_seeds extracts the seed articles, every page renders it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims import bands
from claims.models import Article, Claim

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # the real extraction of both seed articles


@pytest.fixture
def seeded(django_capture_on_commit_callbacks, settings):
    settings.FACTCHECK_FETCHERS = []  # the claims are what these pages show; fetching has its own tests
    with django_capture_on_commit_callbacks(execute=True):  # extraction is enqueued after commit, run eagerly
        call_command("load_seeds", verbosity=0)
    assert Article.objects.filter(extraction_status=Article.ExtractionStatus.DONE).count() == 2
    return Claim.objects.all()


def test_the_queue_the_claim_pages_and_the_article_pages_show_the_seed_claims(reviewer_client, seeded):
    assert seeded.count() > 0
    for claim in seeded:
        response = reviewer_client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
        assert response.status_code == 200
        assert response.content.decode().count("<mark>") == claim.mentions.count()
    queue = reviewer_client.get(reverse("admin:claims_claim_changelist") + "?status=all&worth=all")
    assert queue.context["cl"].result_count == seeded.count()
    default = reviewer_client.get(reverse("admin:claims_claim_changelist") + "?status=all")
    assert default.context["cl"].result_count == seeded.filter(checkworthiness__gte=bands.NOT_CHECKWORTHY).count()
    top = max(seeded, key=lambda c: (c.checkworthiness, c.created_at, c.pk))
    assert queue.context["cl"].result_list[0].pk == top.pk
    for article in Article.objects.all():
        html = reviewer_client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
        text = html[html.index('class="fc-article-text"') :]
        spans = set(article.mentions.values_list("start", "end"))
        # a sentence with several claims is marked once, with a numbered link to each further claim
        assert text.count('class="fc-mark ') + text.count('class="fc-mark-more ') == article.mentions.count()
        assert text.count('class="fc-mark ') == len(spans)
        for claim_id in set(article.mentions.values_list("claim_id", flat=True)):
            assert reverse("admin:claims_claim_change", args=[claim_id]) in text
