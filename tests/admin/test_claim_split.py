"""An editor splits a compound claim: it keeps its id and becomes the first part; each further part is a new
claim with a copy of the mentions the editor ticked, each keeping its own speaker and cited source."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMention
from claims.services import editing
from factcheck.exceptions import InvalidInput
from sources.models import Evidence
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, EvidenceFactory

pytestmark = pytest.mark.django_db

COMPOUND = "The mayor opened two bridges in May and the city cut bus fares by half."


@pytest.fixture
def compound():
    claim = ClaimFactory(text=COMPOUND, status=Claim.Status.IN_REVIEW)
    said = ClaimMentionFactory(claim=claim, speaker="Mayor Jane Doe", cited_source="")
    reported = ClaimMentionFactory(claim=claim, article=ArticleFactory(), speaker="", cited_source="City Gazette")
    EvidenceFactory(claim=claim)
    return claim, said, reported


def test_each_part_gets_only_the_mentions_ticked_for_it(compound, reviewer):
    claim, said, reported = compound

    first, fares = editing.claim_split(
        claim=claim, first_text="The mayor opened two bridges in May.",
        parts=[editing.SplitPart("The city cut bus fares by half.", (reported.pk,))], actor=reviewer,
    )  # fmt: skip

    assert first.pk == claim.pk and first.text == "The mayor opened two bridges in May."
    assert first.extracted_text == COMPOUND
    assert first.mentions.count() == 2  # the original keeps where it was said
    assert Evidence.objects.filter(claim=first).count() == 1
    (copied,) = fares.mentions.all()
    assert (copied.article_id, copied.start, copied.end) == (reported.article_id, reported.start, reported.end)
    assert copied.speaker == "" and copied.cited_source == "City Gazette"
    assert fares.status == Claim.Status.IN_REVIEW


def test_a_part_without_a_mention_is_refused_and_nothing_changes(compound, reviewer):
    claim, *_ = compound

    with pytest.raises(InvalidInput, match="Part 2 needs at least one mention"):
        editing.claim_split(claim=claim, first_text="The mayor opened two bridges in May.",
                            parts=[editing.SplitPart("The city cut bus fares by half.", ())], actor=reviewer)  # fmt: skip

    claim.refresh_from_db()
    assert claim.text == COMPOUND and Claim.objects.count() == 1


def test_a_mention_of_another_claim_cannot_be_given_to_a_part(compound, reviewer):
    claim, *_ = compound
    stranger = ClaimMentionFactory()

    with pytest.raises(InvalidInput, match="not this claim's"):
        editing.claim_split(claim=claim, first_text="The mayor opened two bridges.",
                            parts=[editing.SplitPart("Fares were cut.", (stranger.pk,))], actor=reviewer)  # fmt: skip
    assert ClaimMention.objects.filter(claim__text="Fares were cut.").count() == 0


def test_the_split_page_posts_what_the_form_shows(compound, reviewer_client):
    claim, said, reported = compound
    url = reverse("admin:claims_claim_split", args=[claim.pk])
    page = reviewer_client.get(url).content.decode()
    assert f'name="part-2-mentions" value="{said.pk}"' in page and "City Gazette" in page

    response = reviewer_client.post(url, {
        "first": "The mayor opened two bridges in May.", "part-2": "The city cut bus fares by half.",
        "part-2-mentions": [str(said.pk), str(reported.pk)], "part-3": "", "part-4": "",
    }, follow=True)  # fmt: skip

    assert response.status_code == 200
    assert any("Split into 2 claims" in str(m) for m in response.context["messages"])
    fares = Claim.objects.get(text="The city cut bus fares by half.")
    assert sorted(fares.mentions.values_list("speaker", flat=True)) == ["", "Mayor Jane Doe"]
