"""In a real browser, the way an editor clicks: add a missed claim by selecting its words with the mouse on the
article page, rewrite and split it, leave a note, hand it to a colleague, cite a source while offline, write
the ClaimReview summary against its guide, and merge a suggested twin after seeing which speakers move.

Screenshots of each step are kept in test-artifacts/ (claim-editing-*.png).
"""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMatchSuggestion, ClaimNote, Verdict
from sources.models import Source
from tests.admin.conftest import SEED_CLAIM
from tests.admin.test_browser_review import log_in
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MISSED = "Talks with North Korea on the DPR’s recognition have been underway for a long time"


def drag_select(page, container: str, phrase: str) -> None:
    """Press the mouse before the phrase's first character and release it after its last, as a person would."""
    box = page.evaluate(
        """([selector, phrase]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(phrase);
                if (at < 0) continue;
                node.parentElement.scrollIntoView({block: "center"});
                const first = document.createRange(), last = document.createRange();
                first.setStart(node, at); first.setEnd(node, at + 1);
                last.setStart(node, at + phrase.length - 1); last.setEnd(node, at + phrase.length);
                const a = first.getClientRects()[0], b = last.getClientRects()[0];
                return {x1: a.left + 0.5, y1: a.top + a.height / 2, x2: b.right - 0.5, y2: b.top + b.height / 2};
            }
            return null;
        }""",
        [container, phrase],
    )
    assert box, f"{phrase!r} is not in one text run of {container}"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=5)
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def test_an_editor_repairs_claims_and_works_with_colleagues_in_the_browser(
    browser, live_server, seed_claim, reviewer, editor, artifacts_dir
):
    article = seed_claim.mentions.get().article
    assert article.cleaned_text.count(MISSED) == 1
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    # Tasks run eagerly in tests: adding a claim embeds it inside the request, and the first embedding loads
    # the model, which on a busy CI machine can take longer than Playwright's default 30 s.
    context.set_default_timeout(120_000)
    page = context.new_page()
    log_in(page, live_server, reviewer.username)

    # 1. The machine missed a claim: select it with the mouse on the article page and add it.
    page.goto(live_server.url + reverse("admin:claims_article_change", args=[article.pk]))
    drag_select(page, ".fc-article-text", MISSED)
    assert page.input_value("#fc-add-text") == MISSED
    assert page.locator("#fc-add-button").is_enabled()
    page.fill("#fc-add-speaker", "Natalya Nikonorova")
    page.screenshot(path=str(artifacts_dir / "claim-editing-1-selection.png"), full_page=True)
    page.click("#fc-add-button")
    page.wait_for_selector("text=added from the selected passage")
    added = Claim.objects.get(text=MISSED)
    mention = added.mentions.get()
    start = article.cleaned_text.index(MISSED)
    assert (mention.start, mention.end) == (start, start + len(MISSED))
    assert mention.speaker == "Natalya Nikonorova" and mention.added_by == reviewer

    # 2. Rewrite it; the extracted wording stays visible.
    page.click("text=Edit text…")
    page.fill("#fc-text", "North Korea and the DPR had long been negotiating recognition.")
    page.click("input[value='Save the new text']")
    page.wait_for_selector("text=Extracted as:")
    assert "North Korea and the DPR had long been negotiating recognition." in page.inner_text(".fc-claim")
    page.screenshot(path=str(artifacts_dir / "claim-editing-2-rewritten.png"), full_page=True)

    # 3. Split it in two; the new part takes the one mention (ticked by default).
    page.click("text=Split…")
    page.fill("#fc-part-1", "North Korea and the DPR had long been negotiating recognition.")
    page.fill("#fc-part-2", "The DPR's foreign minister announced the talks on July 12.")
    page.screenshot(path=str(artifacts_dir / "claim-editing-3-split.png"), full_page=True)
    page.click("input[value='Split the claim']")
    page.wait_for_selector("text=Split into 2 claims")
    assert (
        Claim.objects.get(text__startswith="The DPR's foreign minister").mentions.get().speaker == "Natalya Nikonorova"
    )

    # 4. A note for colleagues, and the claim handed to the editor, both in plain sight.
    page.fill("#fc-note", "Check the date against the ministry's own channel.")
    page.click("button:has-text('Add note')")
    page.wait_for_selector("text=Note added")
    page.select_option("#fc-assignee", str(editor.pk))
    page.click("button:has-text('Assign')")
    page.wait_for_selector(f"text=Assigned to {editor.username}.")
    assert ClaimNote.objects.get().author == reviewer
    assert Claim.objects.get(pk=added.pk).assignee == editor

    # 5. A source cited by hand while its site cannot be reached: kept, "not fetched", a reason a person reads.
    page.fill("#fc-source-url", "https://dpr-foreign-ministry.invalid/news/talks")
    page.fill("#fc-source-title", "Foreign ministry: talks with the DPRK")
    page.fill("#fc-source-date", "2022-07-12")
    page.fill("#fc-source-archive", "https://web.archive.org/web/2022/https://dpr-foreign-ministry.invalid/news/talks")
    page.click("button:has-text('Add source')")
    page.wait_for_selector("text=It can be cited now.")
    cited = page.inner_text(".fc-cited")
    assert "Foreign ministry: talks with the DPRK" in cited and "not fetched" in cited
    assert "could not be looked up" in cited and "Errno" not in cited
    page.screenshot(path=str(artifacts_dir / "claim-editing-4-notes-assign-source.png"), full_page=True)

    # 6. The seed claim: its ClaimReview summary is written against the 75-character guide, never cut.
    page.goto(live_server.url + reverse("admin:claims_claim_change", args=[seed_claim.pk]))
    page.click("button[value=start_review]")
    page.wait_for_selector("text=Review started.")
    page.check("input[name=rating] >> nth=0")
    page.fill("textarea[name=explanation]", "KCNA announced the recognition on 13 July 2022.")
    summary = "North Korea became the second Russian ally to formally recognise the Donetsk People's Republic"
    page.fill("input[name=claim_reviewed]", summary)
    assert "longer than the guide" in page.inner_text(".fc-guide")
    page.screenshot(path=str(artifacts_dir / "claim-editing-5-summary-guide.png"), full_page=True)
    page.click("input[value='Save draft']")
    page.wait_for_selector(".fc-claim")
    assert Verdict.objects.get(claim=seed_claim).claim_reviewed == summary

    # 7. A suggested twin from another outlet, unattributed, naming the LPR: merged only after the confirmation,
    #    which shows that its mention moves without a speaker; the editor keeps the wording that names the LPR.
    twin = ClaimFactory(text="North Korea recognised the DPR and the LPR as the second Russian ally to do so.")
    other = ArticleFactory(title="Pyongyang recognises two republics", url="https://agency.example/two-republics")
    ClaimMentionFactory(claim=twin, article=other, speaker="", cited_source="")
    low, high = sorted([seed_claim.pk, twin.pk])
    suggestion = ClaimMatchSuggestion.objects.create(claim_id=low, candidate_id=high, score=0.88)
    page.goto(live_server.url + reverse("admin:claims_claim_change", args=[seed_claim.pk]))
    page.click(f"button[value='{suggestion.pk}:confirmed']")
    page.wait_for_selector("text=Merge these two claims?")
    assert "— (unattributed)" in page.inner_text(".fc-merge-mentions")
    assert "Denis Pushilin" not in page.inner_text(".fc-merge-mentions")  # his mention is not the one that moves
    assert "LPR" in page.inner_text(".fc-lost-names")  # the editor is told what the kept wording lacks
    page.screenshot(path=str(artifacts_dir / "claim-editing-6-merge-confirm.png"), full_page=True)
    page.click("input[value='Yes, merge them']")
    page.wait_for_selector("text=Merged:")
    kept = Claim.objects.get(pk=seed_claim.pk)  # it has a draft verdict: it stays, with its own wording
    assert not Claim.objects.filter(pk=twin.pk).exists()
    assert kept.mentions.get(article=other).speaker == ""
    assert kept.mentions.get(article=article).speaker == "Denis Pushilin"
    assert SEED_CLAIM == kept.text
    assert Source.objects.filter(title="Foreign ministry: talks with the DPRK").exists()
    context.close()
