"""In a real browser: a reviewer drafts a verdict from the queue, an editor publishes it, the API shows it.

Screenshots of the queue, the claim page and the publish confirmation are kept in test-artifacts/.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, ClaimMatchSuggestion, Verdict
from tests.admin.conftest import KCNA_PASSAGE, SEED_CLAIM
from tests.factories import ClaimFactory, ClaimMentionFactory, EvidenceFactory, VerdictFactory, rating

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def log_in(page, live_server, username):
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")


def log_out(page, live_server):
    page.click("#logout-form button")
    page.wait_for_load_state()


@pytest.fixture
def busy_queue(seed_claim, reviewer):
    """The seed claim among other work, as an editor's morning looks."""
    texts = [
        ("Syria formally recognized the independence of the Donetsk and Luhansk republics on June 29.", 0.84, "Tass"),
        (
            "Talks with North Korea on the DPR's recognition had been underway for a long time.",
            0.46,
            "Natalya Nikonorova",
        ),
        ("Russia was the first country to recognise the DPR, on 21 February 2022.", 0.78, "Reuters"),
        ("The DPR expects North Korean workers to help rebuild Donbas.", 0.62, "Denis Pushilin"),
        ("Pushilin said a bilateral partnership will let companies expand their trade.", 0.31, "Denis Pushilin"),
    ]
    for text, worth, speaker in texts:
        mention = ClaimMentionFactory(claim=ClaimFactory(text=text, checkworthiness=worth), speaker=speaker)
        if worth > 0.6:
            EvidenceFactory(claim=mention.claim)
    Claim.objects.filter(text__startswith="Russia was").update(status=Claim.Status.IN_REVIEW, assignee=reviewer)
    # An earlier fact-check the matcher thinks is the same as the Syria claim.
    checked = VerdictFactory(
        claim=ClaimFactory(text="Syria recognised the DPR and the LPR in June 2022.", status=Claim.Status.PUBLISHED),
        rating=rating("True"),
    )
    Verdict.objects.filter(pk=checked.pk).update(published_at=timezone.now())
    syria = Claim.objects.get(text__startswith="Syria formally")
    low, high = sorted([syria.pk, checked.claim_id])
    ClaimMatchSuggestion.objects.create(claim_id=low, candidate_id=high, score=0.86)
    return seed_claim


def test_a_reviewer_drafts_and_an_editor_publishes_in_the_browser(
    browser, live_server, busy_queue, reviewer, editor, artifacts_dir
):
    claim = busy_queue
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()

    # The reviewer opens the queue: most check-worthy first.
    log_in(page, live_server, reviewer.username)
    page.goto(live_server.url + reverse("admin:claims_claim_changelist"))
    first_row = page.locator("#result_list tbody tr").first
    assert SEED_CLAIM in first_row.inner_text()
    assert "Denis Pushilin" in first_row.inner_text()
    assert "similar to a checked claim (0.86)" in page.locator("#result_list tbody tr").nth(1).inner_text()
    page.screenshot(path=str(artifacts_dir / "admin-queue.png"), full_page=True)

    # Opens the seed claim and sees its evidence and where it was said.
    page.click(f"text={SEED_CLAIM}")
    page.wait_for_selector(".fc-claim")
    assert KCNA_PASSAGE in page.locator(".fc-evidence").first.inner_text()  # the most relevant first
    assert page.locator(".fc-context mark").count() == 1
    page.click("button[value=start_review]")
    page.wait_for_selector("text=Review started.")

    # Drafts the verdict and marks it ready.
    page.check("input[name=rating] >> nth=0")  # True, the top of the scale
    page.fill("textarea[name=explanation]", "KCNA announced on 13 July 2022 that the DPRK recognised the DPR.")
    page.get_by_label("KCNA: DPRK recognizes independence of Donetsk People's Republic").check()
    page.screenshot(path=str(artifacts_dir / "admin-claim-page.png"), full_page=True)
    page.click("button[value=mark_ready]")
    page.wait_for_selector("text=The verdict is ready for an editor to publish.")
    assert page.locator("button[value=publish]").count() == 0  # a reviewer cannot publish

    # The article the claim came from, with its claims marked in the text.
    page.click(".fc-mention header a >> nth=0")
    page.wait_for_selector(".fc-article-text")
    assert page.locator(".fc-article-text .fc-mark").count() == 1
    page.screenshot(path=str(artifacts_dir / "admin-article-page.png"), full_page=True)
    log_out(page, live_server)

    # The editor publishes it, through the confirmation page.
    log_in(page, live_server, editor.username)
    page.goto(live_server.url + reverse("admin:claims_claim_change", args=[claim.pk]))
    page.screenshot(path=str(artifacts_dir / "admin-claim-ready-for-editor.png"), full_page=True)
    page.click("button[value=publish]")
    page.wait_for_selector("text=This is what readers will see")
    page.screenshot(path=str(artifacts_dir / "admin-publish-confirm.png"), full_page=True)
    page.click("input[value='Yes, publish this verdict']")
    page.wait_for_selector("text=Published 1 verdict(s).")

    verdict = Verdict.objects.get(claim=claim)
    assert verdict.published_at is not None and verdict.rating.name == "True"
    assert list(verdict.sources.values_list("title", flat=True)) == [
        "KCNA: DPRK recognizes independence of Donetsk People's Republic"
    ]

    # The public API, anonymously, now lists it.
    api = context.request.get(live_server.url + "/api/v1/verdicts/", headers={"Accept": "application/json"})
    anonymous = browser.new_context().request.get(live_server.url + "/api/v1/verdicts/")
    for response in (api, anonymous):
        assert response.status == 200
    body = anonymous.json()
    results = body["results"] if isinstance(body, dict) and "results" in body else body
    assert any(SEED_CLAIM in str(item) for item in results), body
    context.close()
