"""An editor's whole day in one real browser walk, clicking only what the pages show and posting only what they send:
the queue, a claim repaired (rewritten, split, one added from the article), a source cited by hand while offline, a
verdict drafted and marked ready, published under the four-eyes rule by a second editor, corrected while readers keep
the published version, republished with the rule off, and unpublished with a reason.

A screenshot of each step is kept in test-artifacts/editor-day/NN-step.png for people to look at.
"""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMention, Verdict
from sources.models import Source
from tests.admin.conftest import SEED_CLAIM
from tests.admin.test_browser_claim_editing import MISSED, drag_select
from tests.admin.test_browser_review import log_in
from tests.factories import ClaimFactory, ClaimMentionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REWRITTEN = "North Korea became the second ally of Russia to formally recognise the Donetsk People's Republic."
PART_ONE = "North Korea formally recognised the Donetsk People's Republic."
PART_TWO = "North Korea was the second ally of Russia to recognise the Donetsk People's Republic."
SOURCE_TITLE = "Foreign ministry statement on recognition"
SOURCE_URL = "https://foreign-ministry.invalid/statements/recognition"
ARCHIVE_URL = "https://web.archive.org/web/2022/https://foreign-ministry.invalid/statements/recognition"
EXPLANATION = "The foreign ministry announced the recognition on 13 July 2022: https://agency.example/recognition"
CORRECTED = "The foreign ministry announced the recognition on 13 July 2022; Russia and Syria had recognised it first."
CORRECTION_REASON = "The first version did not say which states had recognised the republic before."
UNPUBLISH_REASON = "The ministry withdrew its statement."


@pytest.fixture
def shots(artifacts_dir):
    folder = artifacts_dir / "editor-day"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    count = iter(range(1, 100))

    def shoot(page, step: str) -> None:
        body = page.inner_text("body")
        assert "{#" not in body and "{%" not in body, f"template syntax shows at {step}"
        page.screenshot(path=str(folder / f"{next(count):02d}-{step}.png"), full_page=True)

    return shoot


@pytest.fixture
def morning_queue(seed_claim):
    """The seed claim among two less check-worthy ones (made-up sentences)."""
    for text, worth in (
        ("The city council approved 40 million euros for new tram lines.", 0.55),
        ("The regional airport will close its second terminal in March.", 0.32),
    ):
        ClaimMentionFactory(claim=ClaimFactory(text=text, checkworthiness=worth), speaker="A spokesperson")
    return seed_claim


def test_an_editors_whole_day_from_the_queue_to_unpublishing(
    browser, live_server, morning_queue, editor, settings, shots
):
    settings.FACTCHECK_FOUR_EYES = True
    from claims.roles import EDITOR

    second_editor = UserFactory(username="pat-publisher", roles=[EDITOR])
    claim = morning_queue
    article = claim.mentions.get().article
    public_url = live_server.url + reverse("claim-public", args=[claim.pk])
    contexts = []
    refused = []  # what the Content-Security-Policy refused on any page of the day (it allows no inline style)

    def new_page(username=None):
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        context.set_default_timeout(120_000)  # the first embedding loads the model inside a request
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: refused.append(f"{page.url}: {m.text}") if "Security Policy" in m.text else None)
        if username:
            log_in(page, live_server, username)
        return page

    page = new_page(editor.username)
    reader = new_page()
    try:
        # The queue, most check-worthy first; the editor opens the claim and takes it into review.
        page.goto(live_server.url + reverse("admin:claims_claim_changelist"))
        assert SEED_CLAIM in page.locator("#result_list tbody tr").first.inner_text()
        shots(page, "queue")
        page.click(f"text={SEED_CLAIM}")
        page.wait_for_selector(".fc-claim")
        page.click("button[value=start_review]")
        page.wait_for_selector("text=Review started.")
        shots(page, "claim-in-review")

        # Rewrite the claim; the extracted wording stays visible.
        page.click("text=Edit text…")
        page.fill("#fc-text", REWRITTEN)
        shots(page, "edit-text")
        page.click("input[value='Save the new text']")
        page.wait_for_selector("text=Extracted as:")
        assert REWRITTEN in page.inner_text(".fc-claim") and SEED_CLAIM in page.inner_text(".fc-extracted")

        # Split it: this claim keeps the first part; the second becomes a new claim with the mention.
        page.click("text=Split…")
        page.fill("#fc-part-1", PART_ONE)
        page.fill("#fc-part-2", PART_TWO)
        shots(page, "split")
        page.click("input[value='Split the claim']")
        page.wait_for_selector("text=Split into 2 claims")
        assert PART_ONE in page.inner_text(".fc-claim")
        part_two = Claim.objects.get(text=PART_TWO)
        assert part_two.mentions.get().speaker == "Denis Pushilin"

        # On the article page, select a sentence the machine missed and add it as a claim.
        page.click(f'.fc-mention header a:has-text("{article.title}")')
        page.wait_for_selector(".fc-article-text")
        drag_select(page, ".fc-article-text", MISSED)
        page.fill("#fc-add-speaker", "Natalya Nikonorova")
        shots(page, "article-selection")
        page.click("#fc-add-button")
        page.wait_for_selector("text=added from the selected passage")
        added = ClaimMention.objects.get(article=article, sentence=MISSED)
        assert added.claim.text == MISSED and added.added_by == editor
        shots(page, "added-claim")

        # Back to the claim through the article it was said in; cite a source by hand while its site is unreachable.
        page.click(f'.fc-mention header a:has-text("{article.title}")')
        page.click(f'.fc-article-claims a:has-text("{PART_ONE}")')
        page.wait_for_selector(".fc-claim")
        page.fill("#fc-source-url", SOURCE_URL)
        page.fill("#fc-source-title", SOURCE_TITLE)
        page.fill("#fc-source-date", "2022-07-13")
        page.fill("#fc-source-archive", ARCHIVE_URL)
        page.click("button:has-text('Add source')")
        page.wait_for_selector("text=It can be cited now.")
        cited = page.inner_text(".fc-cited")
        assert SOURCE_TITLE in cited and "not fetched" in cited and "Errno" not in cited
        shots(page, "source-by-hand")

        # Draft the verdict relying on that source, save it, and mark it ready.
        page.locator("input[name=rating]").nth(0).check()
        page.fill("textarea[name=explanation]", EXPLANATION)
        page.get_by_label(SOURCE_TITLE).check()
        shots(page, "draft")
        page.click("input[value='Save draft']")
        page.wait_for_selector(".fc-claim")
        assert page.locator(".errornote").count() == 0
        page.click("button[value=mark_ready]")
        page.wait_for_selector("text=The verdict is ready for an editor to publish.")
        verdict = Verdict.objects.get(claim=claim)
        assert verdict.rating.name == "True" and verdict.explanation == EXPLANATION
        assert list(verdict.sources.values_list("title", flat=True)) == [SOURCE_TITLE]
        shots(page, "ready")

        # Four-eyes on: the drafter has no button to publish, and the page says who does.
        assert page.locator("button[value=publish]").count() == 0
        assert "another editor publishes it" in page.inner_text(".fc-four-eyes")
        shots(page, "no-publish-for-the-drafter")
        assert Verdict.objects.get(claim=claim).published_at is None
        assert reader.goto(public_url).status == 404

        # A second editor publishes it.
        colleague = new_page(second_editor.username)
        colleague.goto(live_server.url + reverse("admin:claims_claim_changelist"))
        colleague.click("text=Ready to publish")
        colleague.click(f'#result_list a:has-text("{PART_ONE}")')
        colleague.wait_for_selector(".fc-claim")
        colleague.click("button[value=publish]")
        colleague.wait_for_selector("text=This is what readers will see")
        colleague.click("input[value='Yes, publish this verdict']")
        colleague.wait_for_selector("text=Published 1 verdict(s).")
        shots(colleague, "published-by-colleague")

        # A reader finds it on the public index and opens it: the rating, the clickable link, the source.
        reader.goto(live_server.url + "/")
        shots(reader, "public-index")
        reader.click(f'a.claim:has-text("{PART_ONE}")')
        reader.wait_for_selector("text=Our rating")
        main = reader.inner_text("main")
        assert "True" in reader.inner_text(".rating") and "foreign ministry announced" in main
        assert reader.locator("main a[href='https://agency.example/recognition']").count() == 1
        assert reader.locator(f"ul.sources a[href='{SOURCE_URL}']").inner_text() == SOURCE_TITLE
        assert "/admin/" not in reader.content()
        shots(reader, "public-page")

        # Four-eyes off. The editor opens a correction; readers keep the published version meanwhile.
        settings.FACTCHECK_FOUR_EYES = False
        page.reload()
        page.click("summary:has-text('Unpublish or correct')")
        page.fill("#fc-reason", CORRECTION_REASON)
        page.click("button[value=correct]")
        page.wait_for_selector("text=Correction opened")
        assert "Readers still see the version published" in page.inner_text(".fc-correction-note")
        # Its public verdict reads the claim's text live: rewriting or splitting is not offered meanwhile.
        assert page.locator("button[value=mark_ready]").count() == 1
        assert page.locator("text=Edit text…").count() == 0 and page.locator("text=Split…").count() == 0
        shots(page, "correction-open")
        reader.reload()
        assert "foreign ministry announced" in reader.inner_text("main")
        assert reader.locator(".correction").count() == 0 and "True" in reader.inner_text(".rating")
        shots(reader, "public-during-correction")

        page.locator("input[name=rating]").nth(1).check()
        page.fill("textarea[name=explanation]", CORRECTED)
        shots(page, "correction-draft")
        page.click("button[value=mark_ready]")
        page.wait_for_selector("text=The verdict is ready for an editor to publish.")
        reader.reload()
        assert CORRECTED not in reader.inner_text("main")
        page.click("button[value=publish]")
        page.wait_for_selector("text=This is what readers will see")
        assert "another editor must publish it" not in page.inner_text(".fc-verdict-card")
        assert CORRECTED in page.inner_text(".fc-verdict-card")
        assert "replaces the version readers see now (True, published" in page.inner_text(".fc-verdict-card")
        shots(page, "confirm-correction")
        page.click("input[value='Yes, publish this verdict']")
        page.wait_for_selector("text=Published 1 verdict(s).")
        shots(page, "correction-published")

        reader.reload()
        assert "Mostly true" in reader.inner_text(".rating") and CORRECTED in reader.inner_text("main")
        assert f"Correction: {CORRECTION_REASON}" in reader.inner_text(".correction")
        shots(reader, "public-corrected")

        # Unpublish with a reason: the public page and the index entry are gone.
        page.click("summary:has-text('Unpublish or correct')")
        page.fill("#fc-reason", UNPUBLISH_REASON)
        page.click("button[value=unpublish]")
        page.wait_for_selector("text=Unpublished")
        assert page.locator(".errornote").count() == 0
        shots(page, "unpublished")
        page.click("text=Verdict history")  # the reason is where the page says it is kept
        page.wait_for_selector(f"text=Unpublished: {UNPUBLISH_REASON}")
        shots(page, "verdict-history")
        assert reader.goto(public_url).status == 404
        reader.goto(live_server.url + "/")
        index = reader.inner_text("main")
        assert PART_ONE not in index and "No fact check is published yet." in index
        shots(reader, "public-index-after-unpublish")

        claim.refresh_from_db()
        verdict = Verdict.objects.get(claim=claim)
        assert claim.status == Claim.Status.VERDICT_READY and verdict.published_at is None
        assert Source.objects.get(url=SOURCE_URL).archive_url == ARCHIVE_URL
        assert refused == []
    finally:
        for context in contexts:
            context.close()
