"""An editor adds a claim the machine missed from a passage of the article: its mention records the span."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMention
from claims.services import editing
from factcheck.exceptions import InvalidInput
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "The council met on Monday. Unemployment in the region fell to 4 percent in March, the governor said. Rain is due."
)
PASSAGE = "Unemployment in the region fell to 4 percent in March"


def test_the_claim_and_its_mention_record_the_selected_span(reviewer):
    article = ArticleFactory(cleaned_text=TEXT, raw_text=TEXT)
    start = TEXT.index(PASSAGE)

    claim = editing.claim_add_from_article(
        article=article, start=start, end=start + len(PASSAGE), speaker="the governor", actor=reviewer
    )

    assert claim.text == PASSAGE and claim.status == Claim.Status.NEW
    (mention,) = claim.mentions.all()
    assert (mention.start, mention.end, mention.sentence) == (start, start + len(PASSAGE), PASSAGE)
    assert mention.speaker == "the governor" and mention.extracted_by == "editor" and mention.added_by == reviewer


def test_the_editor_may_word_the_claim_while_the_span_stays_the_article_s(reviewer):
    article = ArticleFactory(cleaned_text=TEXT, raw_text=TEXT)
    start = TEXT.index(PASSAGE)

    claim = editing.claim_add_from_article(article=article, start=start, end=start + len(PASSAGE),
                                           text="Regional unemployment fell to 4% in March.", actor=reviewer)  # fmt: skip

    assert claim.text == "Regional unemployment fell to 4% in March."
    assert claim.mentions.get().sentence == PASSAGE


@pytest.mark.parametrize("start, end", [(-1, 5), (10, 5), (0, len(TEXT) + 1), (26, 27)])
def test_a_span_outside_the_text_or_blank_is_refused(reviewer, start, end):
    article = ArticleFactory(cleaned_text=TEXT, raw_text=TEXT)
    with pytest.raises(InvalidInput):
        editing.claim_add_from_article(article=article, start=start, end=end, actor=reviewer)
    assert ClaimMention.objects.filter(article=article).count() == 0


def test_the_article_page_offers_the_form_and_the_post_adds_the_claim(reviewer_client):
    article = ArticleFactory(cleaned_text=TEXT, raw_text=TEXT)
    page = reviewer_client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    assert 'id="fc-add-claim"' in page and "data-fc-select" in page
    start = TEXT.index(PASSAGE)

    response = reviewer_client.post(
        reverse("admin:claims_article_add_claim", args=[article.pk]),
        {"start": start, "end": start + len(PASSAGE), "text": PASSAGE, "speaker": "", "cited_source": ""},
        follow=True,
    )

    claim = Claim.objects.get(text=PASSAGE)
    assert response.redirect_chain[-1][0] == reverse("admin:claims_claim_change", args=[claim.pk])


def test_a_forged_offset_is_a_message_not_a_500(reviewer_client):
    article = ArticleFactory(cleaned_text=TEXT, raw_text=TEXT)
    response = reviewer_client.post(reverse("admin:claims_article_add_claim", args=[article.pk]),
                                    {"start": "x", "end": "9"}, follow=True)  # fmt: skip
    assert response.status_code == 200
    assert any("Select the claim's words" in str(m) for m in response.context["messages"])
    assert not Claim.objects.exists()
