"""A correction never takes a fact-check offline: readers keep the published version until the correction is
published, then get the corrected one with dateModified and the correction note. Unpublish is the only takedown."""

import xml.etree.ElementTree as ET

import pytest

from claims import services
from claims.models import VerdictPublication
from tests.factories import rating

from .conftest import make_claim, publish

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FIRST = "The ministry figure counted ferries twice."
CORRECTED = "The ministry figure counted ferries twice and left out the night trains."
REASON = "The first version missed the night trains."


@pytest.fixture
def published(reviewer, editor):
    claim = make_claim("Rail traffic across the strait doubled in the spring of 2031.")
    return publish(claim, reviewer=reviewer, editor=editor, rating_name="False", explanation=FIRST)


def draft_correction(verdict, *, reviewer, editor, explanation=CORRECTED):
    """An editor opens a correction; a reviewer rewrites the verdict and marks it ready."""
    claim = verdict.claim
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason=REASON)
    services.verdict_save(claim=claim, rating=rating("Misleading"), explanation=explanation, actor=reviewer)
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    return claim


def what_the_public_sees(client, verdict) -> dict:
    """The verdict as each public output carries it."""
    claim_id = verdict.claim_id
    feed = ET.fromstring(client.get("/feeds/verdicts.atom").content)
    entries = [
        e for e in feed.iter(f"{ATOM}entry") if e.find(f"{ATOM}link").get("href").endswith(f"/claims/{claim_id}/")
    ]
    datafeed = [item["item"] for item in client.get("/api/v1/claimreviews/").json()["dataFeedElement"]]
    return {
        "claim": client.get(f"/api/v1/claims/{claim_id}/").json()["verdict"]["rating"]["name"],
        "verdict": client.get(f"/api/v1/verdicts/{verdict.pk}/").json()["explanation"],
        "listed": [v["explanation"] for v in client.get(f"/api/v1/verdicts/?claim={claim_id}").json()["results"]],
        "claimreview": client.get(f"/api/v1/verdicts/{verdict.pk}/claimreview").json(),
        "datafeed": [r["reviewRating"]["alternateName"] for r in datafeed if r["url"].endswith(f"/claims/{claim_id}/")],
        "page": client.get(f"/claims/{claim_id}/").content.decode(),
        "feed": [e.find(f"{ATOM}summary").text for e in entries],
    }


def test_the_published_version_serves_everywhere_while_its_correction_is_drafted(
    anon_client, published, reviewer, editor
):
    draft_correction(published, reviewer=reviewer, editor=editor)

    seen = what_the_public_sees(anon_client, published)

    assert seen["claim"] == "False"
    assert seen["verdict"] == FIRST and seen["listed"] == [FIRST]
    assert seen["claimreview"]["reviewRating"]["alternateName"] == "False"
    assert "dateModified" not in seen["claimreview"]
    assert seen["datafeed"] == ["False"]
    assert FIRST in seen["page"] and CORRECTED not in seen["page"] and REASON not in seen["page"]
    assert seen["feed"] == [FIRST]


def test_publishing_the_correction_replaces_the_version_with_date_modified_and_the_note(
    anon_client, published, reviewer, editor
):
    claim = draft_correction(published, reviewer=reviewer, editor=editor)
    services.verdict_publish(claim=claim, actor=editor)

    seen = what_the_public_sees(anon_client, published)
    published.refresh_from_db()

    assert seen["claim"] == "Misleading"
    assert seen["verdict"] == CORRECTED and seen["listed"] == [CORRECTED]
    assert seen["claimreview"]["reviewRating"]["alternateName"] == "Misleading"
    assert seen["claimreview"]["dateModified"].startswith(published.corrected_at.strftime("%Y-%m-%dT%H:%M"))
    assert seen["datafeed"] == ["Misleading"]
    assert CORRECTED in seen["page"] and REASON in seen["page"]
    assert seen["feed"] == [f"Correction: {REASON}\n\n{CORRECTED}"]


def test_every_published_version_is_kept_in_full(published, reviewer, editor):
    long_explanation = CORRECTED + " " + "The timetable archive lists each service by day. " * 5
    claim = draft_correction(published, reviewer=reviewer, editor=editor, explanation=long_explanation)
    services.verdict_publish(claim=claim, actor=editor)

    versions = list(VerdictPublication.objects.filter(verdict=published).order_by("number"))

    assert [(v.number, v.rating_name, v.explanation) for v in versions] == [
        (1, "False", FIRST),
        (2, "Misleading", long_explanation.strip()),
    ]
    assert versions[1].correction_reason == REASON and versions[0].correction_reason == ""
    assert versions[1].published_by == editor and versions[1].drafted_by == reviewer


def test_unpublishing_during_a_correction_takes_the_verdict_down_and_keeps_the_draft(
    anon_client, published, reviewer, editor
):
    claim = published.claim
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason=REASON)
    services.verdict_save(claim=claim, rating=rating("Misleading"), explanation=CORRECTED, actor=reviewer)

    services.verdict_unpublish(claim=claim, actor=editor, reason="Legal asked us to withdraw it.")

    assert anon_client.get(f"/api/v1/verdicts/{published.pk}/").status_code == 404
    assert anon_client.get(f"/claims/{claim.pk}/").status_code == 404
    published.refresh_from_db()
    assert published.published_at is None and published.explanation == CORRECTED
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_a_claim_with_a_published_verdict_cannot_be_dismissed_while_it_is_corrected(published, reviewer, editor):
    from factcheck.exceptions import InvalidTransition

    claim = published.claim
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason=REASON)
    with pytest.raises(InvalidTransition, match="unpublish it before dismissing"):
        services.claim_dismiss(claim=claim, actor=reviewer)
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_staff_see_the_correction_draft_over_the_api_and_the_public_does_not(
    anon_client, reviewer_client, published, reviewer, editor
):
    draft_correction(published, reviewer=reviewer, editor=editor)

    staff = reviewer_client.get(f"/api/v1/verdicts/{published.pk}/").json()
    public = anon_client.get(f"/api/v1/verdicts/{published.pk}/").json()

    assert staff["explanation"] == FIRST and staff["correction"]["explanation"] == CORRECTED
    assert staff["correction"]["rating"]["name"] == "Misleading" and staff["correction"]["reason"] == REASON
    assert staff["correction"]["drafted_by"] == reviewer.username
    assert public["explanation"] == FIRST and public["correction"] is None


def test_readers_see_the_claim_as_published_while_editors_see_it_under_correction(
    anon_client, reviewer_client, published, reviewer, editor
):
    """What readers see changes only when the correction is published: not even the claim's status says an
    editor has reopened it, and filtering by the editors' status finds nothing for them."""
    draft_correction(published, reviewer=reviewer, editor=editor)
    claim_id = published.claim_id

    assert anon_client.get(f"/api/v1/claims/{claim_id}/").json()["status"] == "published"
    assert anon_client.get(f"/api/v1/verdicts/{published.pk}/").json()["claim"]["status"] == "published"
    assert [c["id"] for c in anon_client.get("/api/v1/claims/?status=published").json()["results"]] == [claim_id]
    assert anon_client.get("/api/v1/claims/?status=verdict_ready").json()["results"] == []

    assert reviewer_client.get(f"/api/v1/claims/{claim_id}/").json()["status"] == "verdict_ready"
    assert [c["id"] for c in reviewer_client.get("/api/v1/claims/?status=verdict_ready").json()["results"]] == [
        claim_id
    ]
