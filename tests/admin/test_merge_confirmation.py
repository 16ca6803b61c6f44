"""'Same claim' merges only after a confirmation page that shows which claim stays and which mentions and
speakers move; each moved mention keeps its own speaker and cited source."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMatchSuggestion
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def attributed_and_unattributed(reviewer):
    """One claim attributed to a named official in one article; a near-twin, unattributed, from another
    outlet that also names the region (which the first claim's wording lacks)."""
    said = ClaimFactory(text="The governor said the port handled a record 9 million tonnes.",
                        status=Claim.Status.IN_REVIEW, assignee=reviewer)  # fmt: skip
    ClaimMentionFactory(claim=said, speaker="Governor Ana Lima", cited_source="")
    plain = ClaimFactory(text="The Tarvia region's port handled a record 9 million tonnes.")
    moving = ClaimMentionFactory(
        claim=plain, article=ArticleFactory(title="Port report"), speaker="", cited_source="Harbour Weekly"
    )
    suggestion = ClaimMatchSuggestion.objects.create(claim=said, candidate=plain, score=0.9)
    return said, plain, moving, suggestion


def test_the_page_shows_what_stays_what_goes_and_each_moving_speaker(reviewer_client, attributed_and_unattributed):
    said, plain, moving, suggestion = attributed_and_unattributed

    html = reviewer_client.get(reverse("admin:claims_claim_merge", args=[said.pk, suggestion.pk])).content.decode()

    assert f"Stays: claim #{said.pk}" in html and f"Goes: claim #{plain.pk}" in html
    assert "Port report" in html and "— (unattributed)" in html and "Harbour Weekly" in html
    assert "Named only in the claim that goes: <strong>Tarvia</strong> — take its wording below" in html
    assert Claim.objects.filter(pk=plain.pk).exists()


def test_confirming_moves_mentions_with_their_own_speaker_and_can_keep_the_other_wording(
    reviewer_client, attributed_and_unattributed
):
    said, plain, moving, suggestion = attributed_and_unattributed
    url = reverse("admin:claims_claim_merge", args=[said.pk, suggestion.pk])

    response = reviewer_client.post(
        url, {"confirm": "yes", "kept": said.pk, "absorbed": plain.pk, "text": "absorbed"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("admin:claims_claim_change", args=[said.pk])
    assert not Claim.objects.filter(pk=plain.pk).exists()
    said.refresh_from_db()
    assert said.text == "The Tarvia region's port handled a record 9 million tonnes."  # the region is not lost
    assert said.extracted_text.startswith("The governor said")
    moved = said.mentions.get(article_id=moving.article_id)
    assert moved.speaker == "" and moved.cited_source == "Harbour Weekly"
    assert said.mentions.exclude(pk=moved.pk).get().speaker == "Governor Ana Lima"


def test_a_merge_that_changed_since_the_page_was_shown_is_refused(reviewer_client, attributed_and_unattributed):
    said, plain, _moving, suggestion = attributed_and_unattributed
    url = reverse("admin:claims_claim_merge", args=[said.pk, suggestion.pk])

    response = reviewer_client.post(url, {"confirm": "yes", "kept": plain.pk, "absorbed": said.pk}, follow=True)

    assert any("changed since you looked" in str(m) for m in response.context["messages"])
    assert Claim.objects.filter(pk__in=[said.pk, plain.pk]).count() == 2


def test_someone_who_cannot_decide_matches_cannot_open_the_page(client, attributed_and_unattributed):
    from tests.factories import UserFactory

    said, _plain, _moving, suggestion = attributed_and_unattributed
    client.force_login(UserFactory(username="viewer-only", is_staff=True))
    response = client.get(reverse("admin:claims_claim_merge", args=[said.pk, suggestion.pk]))
    assert response.status_code == 403


def test_names_only_the_absorbed_wording_carries_are_found():
    from claims.services.editing import names_only_in

    assert names_only_in(
        "Officials in Varnia and the EU agreed the tariff.", "Officials agreed the tariff with the EU."
    ) == ["Varnia"]
    assert names_only_in("The port grew.", "The harbour grew.") == []


def test_only_an_editor_joins_a_new_appearance_to_a_published_fact_check(reviewer, editor):
    from claims.services import editing
    from factcheck.exceptions import NotAllowed
    from tests.api.conftest import make_claim, publish

    published = make_claim("The port handled a record 9 million tonnes in 2023.")
    publish(published, reviewer=reviewer, editor=editor)
    twin = ClaimFactory(text="A record 9 million tonnes went through the port in 2023.")
    ClaimMentionFactory(claim=twin, article=ArticleFactory(title="Harbour figures"), speaker="")
    suggestion = ClaimMatchSuggestion.objects.create(claim=published, candidate=twin, score=0.9)

    with pytest.raises(NotAllowed):
        editing.claim_merge_confirm(suggestion=suggestion, actor=reviewer, kept_id=published.pk,
                                    absorbed_id=twin.pk, take_text=False)  # fmt: skip
    assert Claim.objects.filter(pk=twin.pk).exists()

    editing.claim_merge_confirm(suggestion=suggestion, actor=editor, kept_id=published.pk, absorbed_id=twin.pk,
                                take_text=False)  # fmt: skip
    assert not Claim.objects.filter(pk=twin.pk).exists()
    assert published.mentions.filter(article__title="Harbour figures").exists()
