"""The number of queries per list request does not grow with the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimMentionFactory, EvidenceFactory, SourceFactory

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/claims/",
    "/api/v1/verdicts/",
    "/api/v1/articles/",
    "/api/v1/evidence/",
    "/api/v1/sources/",
    "/api/v1/claimreviews/",
]


@pytest.fixture
def twelve_published(reviewer, editor):
    for n in range(12):
        verdict = publish(
            make_claim(f"Claim number {n} about the DPR.", outlet_name=f"Outlet {n}"), reviewer=reviewer, editor=editor
        )
        # a second appearance and a cited source, so nested lists have more than one row
        ClaimMentionFactory(claim=verdict.claim, article=ArticleFactory(), speaker="KCNA")
        source = SourceFactory()
        EvidenceFactory(claim=verdict.claim, source=source)
        verdict.sources.add(source)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("role", ["anon", "reviewer"])
def test_a_list_costs_the_same_queries_for_2_rows_as_for_12(request, twelve_published, url, role):
    client = request.getfixturevalue(f"{role}_client")
    client.get(url)  # warm the permission cache of the token user, as every later request would

    small, small_response = _queries(client, f"{url}?page_size=2")
    large, large_response = _queries(client, f"{url}?page_size=12")

    rows = lambda r: r.json().get("results", r.json().get("dataFeedElement"))  # noqa: E731
    assert len(rows(small_response)) == 2
    assert len(rows(large_response)) == 12
    assert large == small, f"{url}: {small} queries for 2 rows, {large} for 12"
