"""An unpublished article reaches the public through no door: not as a source, not as an evidence passage of a
published claim, not nested in that claim. One rule decides it: the public sees an article (and a source standing
for it) only when the article makes a published claim."""

import pytest
from rest_framework.test import APIClient

from claims.links import internal_article_url
from sources.models import Source
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, EvidenceFactory, SourceFactory

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db

HIDDEN_SENTENCE = "HIDDEN-CLAIM the harbour tunnel will close for two years."


@pytest.fixture
def corroborated(reviewer, editor):
    """A published claim whose evidence includes a passage of an article that makes no published claim."""
    claim = make_claim("The harbour tunnel opened in 1998.")
    publish(claim, reviewer=reviewer, editor=editor)
    hidden_article = ArticleFactory(title="HIDDEN-TITLE tunnel plans", url=None, cleaned_text=HIDDEN_SENTENCE)
    ClaimMentionFactory(claim=ClaimFactory(text=HIDDEN_SENTENCE), article=hidden_article, sentence=HIDDEN_SENTENCE)
    internal = SourceFactory(
        url=internal_article_url(hidden_article.pk), title=hidden_article.title, kind=Source.Kind.ARTICLE,
        text=HIDDEN_SENTENCE, metadata={"article_id": hidden_article.pk},
    )  # fmt: skip
    hidden_evidence = EvidenceFactory(claim=claim, source=internal, passage=HIDDEN_SENTENCE)
    return claim, hidden_article, internal, hidden_evidence


def _everything_public(claim) -> str:
    client = APIClient()
    pages = ["/api/v1/sources/", "/api/v1/evidence/", f"/api/v1/evidence/?claim={claim.pk}", f"/api/v1/claims/{claim.pk}/",
             "/api/v1/claims/", "/api/v1/articles/"]  # fmt: skip
    return "\n".join(client.get(page).content.decode() for page in pages)


def test_the_public_sees_no_title_url_or_passage_of_an_unpublished_article(corroborated):
    claim, hidden_article, internal, hidden_evidence = corroborated

    seen = _everything_public(claim)

    assert "HIDDEN-TITLE" not in seen and "HIDDEN-CLAIM" not in seen
    assert f"/admin/claims/article/{hidden_article.pk}/" not in seen
    assert "Passage about The harbour tunnel opened in 1998." in seen  # the claim's other evidence is there
    assert APIClient().get(f"/api/v1/sources/{internal.pk}/").status_code == 404
    assert APIClient().get(f"/api/v1/evidence/{hidden_evidence.pk}/").status_code == 404


def test_the_source_and_passage_become_public_once_the_article_makes_a_published_claim(corroborated, reviewer, editor):
    claim, hidden_article, internal, hidden_evidence = corroborated
    publish(hidden_article.mentions.get().claim, reviewer=reviewer, editor=editor)

    assert APIClient().get(f"/api/v1/sources/{internal.pk}/").json()["title"] == "HIDDEN-TITLE tunnel plans"
    assert APIClient().get(f"/api/v1/evidence/{hidden_evidence.pk}/").json()["passage"] == HIDDEN_SENTENCE


def test_staff_see_every_source_and_passage(corroborated, reviewer_client):
    claim, _hidden_article, internal, hidden_evidence = corroborated

    assert reviewer_client.get(f"/api/v1/sources/{internal.pk}/").status_code == 200
    passages = [e["passage"] for e in reviewer_client.get(f"/api/v1/evidence/?claim={claim.pk}").json()["results"]]
    assert HIDDEN_SENTENCE in passages


def test_an_external_source_backing_a_published_claim_stays_public(corroborated):
    claim, *_ = corroborated

    titles = [s["title"] for s in APIClient().get("/api/v1/sources/").json()["results"]]

    assert titles == ["Source for The harbour tunnel opened in 1"]


def test_a_passage_of_an_internal_source_without_its_article_id_is_not_public(corroborated):
    claim, _hidden_article, internal, _hidden_evidence = corroborated
    Source.objects.filter(pk=internal.pk).update(metadata={})  # a row whose link to its article was lost

    assert "HIDDEN-CLAIM" not in _everything_public(claim)
