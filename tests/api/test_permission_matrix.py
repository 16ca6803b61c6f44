"""Who may call what: anonymous, an account without a role, a reviewer and an editor, on every endpoint."""

import pytest

from claims import services
from claims.models import Verdict
from tests.factories import rating

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "roleless", "reviewer", "editor"]


@pytest.fixture
def world(reviewer, editor):
    """One row at each step of the workflow, with the ids the URLs need."""
    published = publish(make_claim("Published claim about Donetsk."), reviewer=reviewer, editor=editor)
    ready_claim = make_claim("A claim whose verdict is ready.", outlet_name="Ready Outlet")
    services.claim_start_review(claim=ready_claim, actor=reviewer)
    ready = services.verdict_save(claim=ready_claim, rating=rating("True"), explanation="Ready.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=ready_claim, actor=reviewer)
    draft_claim = make_claim("A claim with a draft verdict.", outlet_name="Draft Outlet")
    services.claim_start_review(claim=draft_claim, actor=reviewer)
    draft = services.verdict_save(claim=draft_claim, rating=rating("False"), explanation="Draft.", actor=reviewer)
    open_claim = make_claim("A claim in review without a verdict.", outlet_name="Open Outlet")
    services.claim_start_review(claim=open_claim, actor=reviewer)
    evidence = published.claim.evidence.get()
    waiting = make_claim("A new claim nobody has taken.", outlet_name="New Outlet")
    dismissed = make_claim("A dismissed claim.", outlet_name="Dismissed Outlet")
    services.claim_dismiss(claim=dismissed, actor=reviewer)
    from claims.models import ClaimMatchSuggestion

    low, high = sorted([open_claim.pk, waiting.pk])
    suggestion = ClaimMatchSuggestion.objects.create(claim_id=low, candidate_id=high, score=0.8)
    return {
        "suggestion": suggestion.pk,
        "new_claim": waiting.pk,
        "dismissed_claim": dismissed.pk,
        "open_mention": open_claim.mentions.get().pk,
        "published": published.pk,
        "published_claim": published.claim_id,
        "article": published.claim.mentions.get().article_id,
        "evidence": evidence.pk,
        "source": evidence.source_id,
        "ready": ready.pk,
        "draft": draft.pk,
        "open_claim": open_claim.pk,
    }


@pytest.fixture
def client_for(request, anon_client):
    def make(role):
        if role == "anonymous":
            return anon_client
        return request.getfixturevalue(f"{role}_client")

    return make


READS = [
    "/api/v1/",
    "/api/v1/claims/",
    "/api/v1/claims/{published_claim}/",
    "/api/v1/verdicts/",
    "/api/v1/verdicts/{published}/",
    "/api/v1/verdicts/{published}/claimreview",
    "/api/v1/claimreviews/",
    "/api/v1/articles/",
    "/api/v1/articles/{article}/",
    "/api/v1/evidence/",
    "/api/v1/evidence/{evidence}/",
    "/api/v1/sources/",
    "/api/v1/sources/{source}/",
    "/api/schema/",
    "/claims/{published_claim}/",
    "/feeds/verdicts.atom",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", READS)
def test_everyone_may_read_the_published_record(client_for, world, role, url):
    response = client_for(role).get(url.format(**world))

    assert response.status_code == 200, response.content[:300]


# (method, url, body, {role: expected status})
WRITES = [
    ("post", "/api/v1/articles/", {"text": "Kim Jong Un visited Moscow in 2023.", "title": "Visit"},
     {"anonymous": 401, "roleless": 403, "reviewer": 202, "editor": 202}),
    ("post", "/api/v1/verdicts/", {"claim": "{open_claim}", "rating": "False", "explanation": "The record."},
     {"anonymous": 401, "roleless": 403, "reviewer": 201, "editor": 201}),
    ("patch", "/api/v1/verdicts/{draft}/", {"explanation": "Better reasoning."},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("put", "/api/v1/verdicts/{draft}/", {"rating": "Mostly false", "explanation": "Better reasoning."},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/verdicts/{draft}/ready", {},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/verdicts/{ready}/publish", {},
     {"anonymous": 401, "roleless": 403, "reviewer": 403, "editor": 200}),
    ("post", "/api/v1/verdicts/{published}/unpublish", {"reason": "Legal review."},
     {"anonymous": 401, "roleless": 403, "reviewer": 403, "editor": 200}),
    ("post", "/api/v1/verdicts/{published}/correct", {"reason": "Wrong date."},
     {"anonymous": 401, "roleless": 403, "reviewer": 403, "editor": 200}),
    ("post", "/api/v1/claims/{published_claim}/fetch-sources", {},
     {"anonymous": 401, "roleless": 403, "reviewer": 202, "editor": 202}),
    ("get", "/api/v1/claims/{published_claim}/fetches", None,
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    # The claim workflow (claims.api.editing): reviewers, like the admin.
    ("post", "/api/v1/claims/{new_claim}/start-review", {},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{open_claim}/assign", {"assignee": None},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{new_claim}/dismiss", {"reason": "Opinion, not a claim."},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{dismissed_claim}/restore", {},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{open_claim}/text", {"text": "A reworded claim in review."},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{open_claim}/split",
     {"first_text": "First part.", "parts": [{"text": "Second part.", "mention_ids": ["{open_mention}"]}]},
     {"anonymous": 401, "roleless": 403, "reviewer": 201, "editor": 201}),
    ("post", "/api/v1/claims/from-article", {"article": "{article}", "start": 0, "end": 11},
     {"anonymous": 401, "roleless": 403, "reviewer": 201, "editor": 201}),
    ("post", "/api/v1/claims/{open_claim}/notes", {"text": "Waiting for the ministry."},
     {"anonymous": 401, "roleless": 403, "reviewer": 201, "editor": 201}),
    ("get", "/api/v1/claims/{open_claim}/notes", None,
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{open_claim}/sources", {"url": "https://registry.invalid/entry-4", "title": "Registry"},
     {"anonymous": 401, "roleless": 403, "reviewer": 201, "editor": 201}),
    ("get", "/api/v1/claims/{open_claim}/sources", None,
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("get", "/api/v1/claims/{open_claim}/merges", None,
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{open_claim}/merges", {"suggestion": "{suggestion}", "decision": "rejected"},
     {"anonymous": 401, "roleless": 403, "reviewer": 200, "editor": 200}),
    ("post", "/api/v1/claims/{published_claim}/text", {"text": "Rewording the published record."},
     {"anonymous": 401, "roleless": 403, "reviewer": 409, "editor": 409}),
    ("delete", "/api/v1/verdicts/{published}/", None,
     {"anonymous": 401, "roleless": 405, "reviewer": 405, "editor": 405}),
    ("delete", "/api/v1/claims/{published_claim}/", None,
     {"anonymous": 401, "roleless": 405, "reviewer": 405, "editor": 405}),
    ("put", "/api/v1/articles/{article}/", {"title": "x"},
     {"anonymous": 401, "roleless": 405, "reviewer": 405, "editor": 405}),
    ("post", "/api/v1/evidence/", {},
     {"anonymous": 401, "roleless": 405, "reviewer": 405, "editor": 405}),
    ("post", "/api/v1/sources/", {},
     {"anonymous": 401, "roleless": 405, "reviewer": 405, "editor": 405}),
    ("post", "/api/v1/claimreviews/", {},
     {"anonymous": 401, "roleless": 405, "reviewer": 405, "editor": 405}),
]  # fmt: skip
WRITE_CASES = [
    pytest.param(method, url, body, role, expected, id=f"{role}-{method}-{url}")
    for method, url, body, expectations in WRITES
    for role, expected in expectations.items()
]


def _fill(value, ids):
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    if isinstance(value, list):
        return [_fill(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, ids) for key, item in value.items()}
    return value


@pytest.mark.parametrize("method, url, body, role, expected", WRITE_CASES)
def test_writes_need_the_right_role(client_for, world, method, url, body, role, expected):
    body = {key: _fill(value, world) for key, value in (body or {}).items()} if body is not None else None

    headers = {}
    if url.endswith(
        "/publish"
    ):  # publishing quotes the version read (the ETag staff get); see test_publish_version_check
        headers["HTTP_IF_MATCH"] = '"%s"' % services.verdict_version(verdict=Verdict.objects.get(pk=world["ready"]))

    response = getattr(client_for(role), method)(url.format(**world), body, format="json", **headers)

    assert response.status_code == expected, response.content[:400]
    if expected >= 400:
        error = response.json()["error"]
        assert error["status"] == expected
        assert error["message"]


def test_a_denied_write_changes_nothing(reviewer_client, world):
    from claims.models import Verdict

    reviewer_client.post(f"/api/v1/verdicts/{world['ready']}/publish")

    assert Verdict.objects.get(pk=world["ready"]).published_at is None
