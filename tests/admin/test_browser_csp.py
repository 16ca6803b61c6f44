"""In chromium, with the Content-Security-Policy on: the admin, the claim page and the API docs render and work, the
browser reports no policy violation, and nothing is loaded from anywhere but our own server."""

import pytest
from django.urls import reverse

from tests.admin.test_browser_review import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def watched_page(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    problems, foreign = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((live_server.url, "data:")) else foreign.append(r.url))
    yield page, problems, foreign
    context.close()


def test_the_admin_renders_and_works_under_the_policy(watched_page, live_server, editor, seed_claim):
    page, problems, foreign = watched_page

    log_in(page, live_server, editor.username)
    page.goto(live_server.url + reverse("admin:claims_claim_change", args=[seed_claim.pk]))
    page.wait_for_selector("#claim_form")
    page.goto(live_server.url + reverse("admin:claims_claim_changelist"))
    page.wait_for_selector("#result_list")

    assert page.evaluate("getComputedStyle(document.querySelector('#header')).display") != "none"  # styles applied
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert foreign == []


def test_the_api_docs_render_swagger_ui_from_our_own_files(watched_page, live_server):
    page, problems, foreign = watched_page

    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)

    assert "factcheck API" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() > 5  # the operations from /api/schema/
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert foreign == []


def _refused(problems: list[str]) -> list[str]:
    return [p for p in problems if "Content Security Policy" in p or "Refused" in p]


def test_the_public_pages_render_styled_with_no_inline_style_allowed(watched_page, live_server, reviewer, editor):
    from tests.api.conftest import make_claim, publish

    claim = make_claim("The ferry between the two islands carried 812 passengers in March.")
    publish(claim, reviewer=reviewer, editor=editor)
    page, problems, foreign = watched_page

    page.goto(live_server.url + "/")
    page.wait_for_selector("ol.checks")
    index_width = page.evaluate("getComputedStyle(document.body).maxWidth")
    index_list = page.evaluate("getComputedStyle(document.querySelector('ol.checks')).listStyleType")
    page.goto(live_server.url + f"/claims/{claim.pk}/")
    page.wait_for_selector(".rating")
    claim_width = page.evaluate("getComputedStyle(document.body).maxWidth")
    rating = page.evaluate("getComputedStyle(document.querySelector('.rating')).backgroundColor")

    assert (index_width, index_list) == ("768px", "none")  # 48rem, from public.css
    assert (claim_width, rating) == ("704px", "rgb(29, 29, 31)")  # 44rem
    assert "'unsafe-inline'" not in page.evaluate(
        "fetch(location.href).then(r => r.headers.get('content-security-policy'))"
    )
    assert not _refused(problems), problems
    assert foreign == []


def test_the_admin_bars_are_drawn_under_the_policy(watched_page, live_server, editor, seed_claim):
    page, problems, foreign = watched_page

    log_in(page, live_server, editor.username)
    page.goto(live_server.url + reverse("admin:claims_claim_changelist"))
    page.wait_for_selector("#result_list .fc-worth")
    worth = page.evaluate("document.querySelector('#result_list .fc-worth > span').getBoundingClientRect().width")
    page.goto(live_server.url + reverse("admin:claims_claim_change", args=[seed_claim.pk]))
    page.wait_for_selector(".fc-relevance")
    relevance = page.evaluate(
        "[...document.querySelectorAll('.fc-relevance > span')].map(s => s.getBoundingClientRect().width)"
    )

    assert round(worth) == 40  # 90% of 44px: check-worthiness 0.91 in 5% steps
    assert sorted(round(w) for w in relevance) == [36, 57]  # 60% and 95% of 60px: relevance 0.61 and 0.93
    assert not _refused(problems), problems
    assert foreign == []
