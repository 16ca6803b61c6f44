"""Extracting an article again, and matching, keep what editors did to claims: a rewritten claim stays (no twin with the
machine's wording), and a claim added by hand from the article or split off stays with its mention."""

import pytest

from claims.models import Claim, ClaimMention
from claims.services import article_extract, article_ingest, editing

pytestmark = pytest.mark.django_db

TEXT = (
    "The regional council approved a new budget of 40 million euros on Tuesday, the council's spokesman said.\n\n"
    "Unemployment in the region fell to 4 percent in March, according to the statistics office."
)
MISSED = "the council's spokesman said"


@pytest.fixture(autouse=True)
def no_source_fetchers(settings):
    settings.FACTCHECK_FETCHERS = []


@pytest.fixture
def article(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article, _ = article_ingest(text=TEXT, title="Council report")
    assert article.mentions.exists(), "extraction found no claim in the made-up article"
    return article


def test_rewritten_and_hand_added_claims_survive_extracting_again(article, reviewer):
    machine = article.mentions.select_related("claim").order_by("start").first().claim
    machine_text = machine.text
    editing.claim_edit_text(
        claim=machine, text="The council passed a 40 million euro budget on Tuesday.", actor=reviewer
    )
    start = TEXT.index(MISSED)
    added = editing.claim_add_from_article(article=article, start=start, end=start + len(MISSED),
                                           text="A council spokesman announced the budget.", actor=reviewer)  # fmt: skip

    article_extract(article_id=article.pk)

    machine.refresh_from_db()
    assert machine.text == "The council passed a 40 million euro budget on Tuesday."
    assert machine.mentions.filter(article=article).exists()
    assert not Claim.objects.filter(text=machine_text).exists()  # no twin in the machine's wording
    assert Claim.objects.filter(pk=added.pk).exists()
    assert ClaimMention.objects.get(claim=added).added_by == reviewer


def test_matching_never_silently_absorbs_a_claim_an_editor_rewrote(reviewer):
    from claims.services import merge_order
    from tests.factories import ClaimFactory

    older = ClaimFactory(text="The council approved the budget on Tuesday.")
    rewritten = ClaimFactory(text="Council backs budget.")
    editing.claim_edit_text(claim=rewritten, text="The council approved a 40 million euro budget.", actor=reviewer)
    untouched = ClaimFactory(text="The council approved the budget this week.")
    rewritten.refresh_from_db()

    assert merge_order(older, rewritten) == (older, rewritten)  # the rewritten claim stays, though newer
    assert merge_order(older, untouched) == (untouched, older)  # between untouched claims the newer goes
