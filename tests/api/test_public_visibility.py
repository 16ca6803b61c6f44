"""The public sees published verdicts and the claims they concern, nothing else."""

import json

import pytest

from claims import services

pytestmark = pytest.mark.django_db

SECRET = "SECRET-"

PUBLIC_LISTS = [
    "/api/v1/claims/",
    "/api/v1/verdicts/",
    "/api/v1/articles/",
    "/api/v1/evidence/",
    "/api/v1/sources/",
    "/api/v1/claimreviews/",
]


def _everything_anonymous_can_list(client) -> str:
    return "".join(json.dumps(client.get(url).json()) for url in PUBLIC_LISTS)


def test_anonymous_lists_show_the_published_claim_and_nothing_unpublished(
    anon_client, published_verdict, draft_verdict, new_claim
):
    seen = _everything_anonymous_can_list(anon_client)

    assert "North Korea recognised" in seen
    assert SECRET not in seen
    ids = [c["id"] for c in anon_client.get("/api/v1/claims/").json()["results"]]
    assert ids == [published_verdict.claim_id]


def test_staff_lists_show_drafts_that_the_public_cannot_see(
    reviewer_client, published_verdict, draft_verdict, new_claim
):
    seen = _everything_anonymous_can_list(reviewer_client)

    assert "SECRET-DRAFT the moon" in seen
    assert "SECRET-NEW a claim" in seen


def test_an_account_without_a_role_sees_only_what_the_public_sees(roleless_client, published_verdict, draft_verdict):
    seen = _everything_anonymous_can_list(roleless_client)

    assert "North Korea recognised" in seen
    assert SECRET not in seen


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims/{claim}/",
        "/api/v1/verdicts/{verdict}/",
        "/api/v1/verdicts/{verdict}/claimreview",
        "/api/v1/articles/{article}/",
        "/api/v1/evidence/{evidence}/",
        "/api/v1/sources/{source}/",
        "/claims/{claim}/",
    ],
)
def test_anonymous_retrieve_of_an_unpublished_row_is_404(anon_client, draft_verdict, url):
    claim = draft_verdict.claim
    evidence = claim.evidence.get()
    ids = {
        "claim": claim.pk,
        "verdict": draft_verdict.pk,
        "article": claim.mentions.get().article_id,
        "evidence": evidence.pk,
        "source": evidence.source_id,
    }
    response = anon_client.get(url.format(**ids))

    assert response.status_code == 404
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "status=in_review",
        "status=new",
        "has_published_verdict=false",
        "q=SECRET",
        "q=moon",
        "checkworthiness_min=0",
        "outlet={draft_outlet}",
        "article={draft_article}",
        "page_size=200",
    ],
)
def test_anonymous_filters_and_search_cannot_reach_unpublished_claims(
    anon_client, published_verdict, draft_verdict, query
):
    mention = draft_verdict.claim.mentions.select_related("article").get()
    url = "/api/v1/claims/?" + query.format(draft_outlet=mention.article.outlet_id, draft_article=mention.article_id)

    response = anon_client.get(url)

    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert {c["id"] for c in response.json()["results"]} <= {published_verdict.claim_id}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/verdicts/?claim={claim}",
        "/api/v1/verdicts/?rating=True",
        "/api/v1/evidence/?claim={claim}",
        "/api/v1/articles/?outlet={outlet}",
        "/api/v1/articles/?q=SECRET",
        "/api/v1/sources/?q=Source",
    ],
)
def test_anonymous_filters_on_other_lists_return_nothing_unpublished(anon_client, draft_verdict, url):
    mention = draft_verdict.claim.mentions.select_related("article").get()
    response = anon_client.get(url.format(claim=draft_verdict.claim_id, outlet=mention.article.outlet_id))

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_an_unpublished_verdict_is_gone_from_every_public_list(anon_client, published_verdict, editor):
    services.verdict_unpublish(claim=published_verdict.claim, actor=editor, reason="Legal review.")

    seen = _everything_anonymous_can_list(anon_client)

    assert "North Korea recognised" not in seen
