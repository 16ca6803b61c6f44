"""In a real browser: after publication an editor corrects or unpublishes a verdict from the claim page.

Only what the page shows is clicked and only what it sends is posted. Screenshots of each step are kept
in test-artifacts/ (correction-*.png, unpublish-*.png).
"""

import pytest
from django.urls import reverse

from claims.models import Claim, Verdict
from tests.admin.conftest import SEED_CLAIM
from tests.admin.test_browser_review import log_in
from tests.factories import VerdictFactory, rating

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_EXPLANATION = "The state news agency announced the recognition on 13 July 2022."
CORRECTED_EXPLANATION = (
    "The state news agency announced the recognition on 13 July 2022; Syria had recognised it first."
)


@pytest.fixture
def ready_claim(seed_claim, reviewer):
    """The seed claim with a verdict a reviewer drafted and marked ready."""
    VerdictFactory(claim=seed_claim, rating=rating("True"), explanation=FIRST_EXPLANATION, reviewer=reviewer)
    Claim.objects.filter(pk=seed_claim.pk).update(status=Claim.Status.VERDICT_READY)
    return seed_claim


def claim_page(page, live_server, claim):
    page.goto(live_server.url + reverse("admin:claims_claim_change", args=[claim.pk]))
    page.wait_for_selector(".fc-claim")


def publish_from_the_claim_page(page):
    page.click("button[value=publish]")
    page.wait_for_selector("text=This is what readers will see")
    page.click("input[value='Yes, publish this verdict']")
    page.wait_for_selector("text=Published 1 verdict(s).")


def open_reason_box(page, reason):
    page.click("summary:has-text('Unpublish or correct')")
    page.fill("#fc-reason", reason)


@pytest.fixture
def page_for(browser, live_server):
    contexts = []

    def as_user(user):
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        log_in(page, live_server, user.username)
        return page

    yield as_user
    for context in contexts:
        context.close()


def test_an_editor_corrects_a_published_verdict_and_publishes_it_again(
    page_for, live_server, ready_claim, editor, artifacts_dir
):
    claim = ready_claim
    page = page_for(editor)
    claim_page(page, live_server, claim)
    publish_from_the_claim_page(page)
    page.screenshot(path=str(artifacts_dir / "correction-1-published.png"), full_page=True)

    # Nothing on a published claim's page is saved by its form: no Save button that would do nothing. (The
    # correction below posts that form with its button, and must not be refused.)
    assert page.locator("input[name=_continue][type=submit].default").count() == 0
    assert page.locator("button[value=correct]").count() == 1

    open_reason_box(page, "The explanation left out who recognised the republic first.")
    page.screenshot(path=str(artifacts_dir / "correction-2-reason.png"), full_page=True)
    page.click("button[value=correct]")
    page.wait_for_selector("text=Correction opened")
    assert page.locator(".errornote").count() == 0
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW

    # Readers keep the published version while the correction is drafted.
    reader = page.context.browser.new_context().new_page()
    public_url = live_server.url + reverse("claim-public", args=[claim.pk])
    reader.goto(public_url)
    assert FIRST_EXPLANATION in reader.inner_text("main") and "Correction" not in reader.inner_text("main")
    assert "Readers still see the version published" in page.inner_text(".fc-correction-note")

    # The draft form is back, holding the published wording, ready to edit.
    assert page.locator("textarea[name=explanation]").input_value() == FIRST_EXPLANATION
    page.check("input[name=rating] >> nth=1")  # Mostly true
    page.fill("textarea[name=explanation]", CORRECTED_EXPLANATION)
    page.screenshot(path=str(artifacts_dir / "correction-3-draft.png"), full_page=True)
    page.click("button[value=mark_ready]")
    page.wait_for_selector("text=The verdict is ready for an editor to publish.")
    reader.goto(public_url)
    assert FIRST_EXPLANATION in reader.inner_text("main") and CORRECTED_EXPLANATION not in reader.inner_text("main")
    reader.screenshot(path=str(artifacts_dir / "correction-3b-public-during-correction.png"), full_page=True)

    page.click("button[value=publish]")
    page.wait_for_selector("text=This is what readers will see")
    assert CORRECTED_EXPLANATION in page.locator(".fc-verdict-card").inner_text()
    page.screenshot(path=str(artifacts_dir / "correction-4-confirm.png"), full_page=True)
    page.click("input[value='Yes, publish this verdict']")
    page.wait_for_selector("text=Published 1 verdict(s).")
    page.screenshot(path=str(artifacts_dir / "correction-5-republished.png"), full_page=True)

    reader.goto(public_url)
    assert CORRECTED_EXPLANATION in reader.inner_text("main")
    assert "Correction: The explanation left out who recognised the republic first." in reader.inner_text(".correction")
    reader.screenshot(path=str(artifacts_dir / "correction-6-public-corrected.png"), full_page=True)
    reader.context.close()

    verdict = Verdict.objects.get(claim=claim)
    assert verdict.published_at is not None and verdict.corrected_at == verdict.published_at
    assert verdict.rating.name == "Mostly true" and verdict.explanation == CORRECTED_EXPLANATION
    assert verdict.correction_reason == "The explanation left out who recognised the republic first."


def test_an_editor_unpublishes_a_verdict_with_a_reason(page_for, live_server, ready_claim, editor, artifacts_dir):
    claim = ready_claim
    page = page_for(editor)
    claim_page(page, live_server, claim)
    publish_from_the_claim_page(page)

    open_reason_box(page, "The agency report was withdrawn.")
    page.click("button[value=unpublish]")
    page.wait_for_selector("text=Unpublished")
    assert page.locator(".errornote").count() == 0
    page.screenshot(path=str(artifacts_dir / "unpublish-1-done.png"), full_page=True)

    claim.refresh_from_db()
    assert claim.status == Claim.Status.VERDICT_READY
    assert Verdict.objects.get(claim=claim).published_at is None
    anonymous = page.context.browser.new_context()
    assert anonymous.request.get(live_server.url + reverse("claim-public", args=[claim.pk])).status == 404
    anonymous.close()


def test_a_reviewer_sees_neither_correct_nor_unpublish_on_a_published_claim(
    page_for, live_server, ready_claim, editor, reviewer, artifacts_dir
):
    claim = ready_claim
    editor_page = page_for(editor)
    claim_page(editor_page, live_server, claim)
    publish_from_the_claim_page(editor_page)

    page = page_for(reviewer)
    claim_page(page, live_server, claim)
    assert SEED_CLAIM in page.locator(".fc-claim").inner_text()
    assert "published" in page.locator(".fc-verdict-card h2").inner_text()
    assert page.locator("button[value=correct]").count() == 0
    assert page.locator("button[value=unpublish]").count() == 0
    assert page.locator("summary:has-text('Unpublish or correct')").count() == 0
    page.screenshot(path=str(artifacts_dir / "correction-reviewer-view.png"), full_page=True)


def test_with_four_eyes_the_drafter_is_told_and_refused_and_another_editor_publishes(
    page_for, live_server, seed_claim, editor, settings, artifacts_dir
):
    from claims.roles import EDITOR
    from tests.factories import UserFactory

    settings.FACTCHECK_FOUR_EYES = True
    VerdictFactory(claim=seed_claim, rating=rating("True"), explanation=FIRST_EXPLANATION, reviewer=editor)
    Claim.objects.filter(pk=seed_claim.pk).update(status=Claim.Status.VERDICT_READY)
    other = UserFactory(username="pat-publisher", roles=[EDITOR])

    page = page_for(editor)
    claim_page(page, live_server, seed_claim)
    assert page.locator("button[value=publish]").count() == 0  # nothing to press in vain
    assert "another editor publishes it" in page.inner_text(".fc-four-eyes")
    page.screenshot(path=str(artifacts_dir / "four-eyes-1-drafter-claim-page.png"), full_page=True)
    assert Verdict.objects.get(claim=seed_claim).published_at is None

    other_page = page_for(other)
    claim_page(other_page, live_server, seed_claim)
    other_page.click("button[value=publish]")
    other_page.wait_for_selector("text=This is what readers will see")
    assert "Drafted by ed-editor" in other_page.inner_text(".fc-drafted-by")
    assert "another editor must publish it" not in other_page.inner_text(".fc-verdict-card")
    other_page.click("input[value='Yes, publish this verdict']")
    other_page.wait_for_selector("text=Published 1 verdict(s).")
    other_page.screenshot(path=str(artifacts_dir / "four-eyes-2-published-by-another.png"), full_page=True)
    assert Verdict.objects.get(claim=seed_claim).published_at is not None
