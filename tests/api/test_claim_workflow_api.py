"""The API does what the admin does for a claim: start review, assign, dismiss and restore, rewrite, split, add
from an article, internal notes and sources cited by hand; errors come in the one error shape."""

import pytest

from claims.models import Claim, ClaimNote
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db


def test_a_reviewer_takes_a_claim_into_review_and_becomes_its_assignee(reviewer_client, reviewer, new_claim):
    response = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/start-review", format="json")

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_review" and response.json()["assignee"] == reviewer.username


def test_starting_review_twice_is_a_409_in_the_error_shape(reviewer_client, new_claim):
    reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/start-review")
    response = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/start-review")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_transition"


def test_assign_to_an_editor_and_back_to_nobody(reviewer_client, editor, new_claim):
    assigned = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/assign", {"assignee": editor.pk}, format="json")
    unassigned = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/assign", {"assignee": None}, format="json")

    assert assigned.json()["assignee"] == editor.username
    assert unassigned.status_code == 200 and unassigned.json()["assignee"] is None


def test_assigning_to_an_unknown_user_is_a_400_naming_the_field(reviewer_client, new_claim):
    response = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/assign", {"assignee": 987654}, format="json")

    assert response.status_code == 400 and "assignee" in response.json()["error"]["fields"]


def test_dismiss_then_restore(reviewer_client, new_claim):
    dismissed = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/dismiss", {"reason": "Opinion."}, format="json")
    restored = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/restore", format="json")

    assert dismissed.json()["status"] == "dismissed" and restored.json()["status"] == "new"


def test_rewriting_keeps_the_extracted_text(reviewer_client, new_claim):
    original = new_claim.text
    response = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/text",
                                    {"text": "A clearer wording of the claim."}, format="json")  # fmt: skip

    body = response.json()
    assert body["text"] == "A clearer wording of the claim." and body["extracted_text"] == original


def test_split_answers_201_with_every_part(reviewer_client):
    claim = ClaimFactory(text="The mayor opened a bridge and cut bus fares.")
    mention = ClaimMentionFactory(claim=claim, speaker="Mayor Jane Doe")

    response = reviewer_client.post(f"/api/v1/claims/{claim.pk}/split", {
        "first_text": "The mayor opened a bridge.",
        "parts": [{"text": "The mayor cut bus fares.", "mention_ids": [mention.pk]}],
    }, format="json")  # fmt: skip

    assert response.status_code == 201, response.content
    first, second = response.json()
    assert first["id"] == claim.pk and first["text"] == "The mayor opened a bridge."
    assert second["text"] == "The mayor cut bus fares." and second["mentions"][0]["speaker"] == "Mayor Jane Doe"


def test_a_claim_is_added_from_an_article_span(reviewer_client):
    text = "Officials met. Exports of grain rose 12 percent in June, the ministry said."
    article = ArticleFactory(cleaned_text=text, raw_text=text)
    start = text.index("Exports")

    response = reviewer_client.post("/api/v1/claims/from-article", {
        "article": article.pk, "start": start, "end": start + len("Exports of grain rose 12 percent in June"),
        "speaker": "the ministry",
    }, format="json")  # fmt: skip

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["text"] == "Exports of grain rose 12 percent in June"
    assert body["mentions"][0]["start"] == start and body["mentions"][0]["speaker"] == "the ministry"


def test_a_span_past_the_end_of_the_article_is_a_400(reviewer_client):
    article = ArticleFactory(cleaned_text="Short text.", raw_text="Short text.")
    response = reviewer_client.post("/api/v1/claims/from-article", {"article": article.pk, "start": 3, "end": 500},
                                    format="json")  # fmt: skip
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_input"
    assert not Claim.objects.filter(mentions__article=article).exists()


def test_notes_are_added_and_read_by_staff_only(reviewer_client, roleless_client, anon_client, new_claim, reviewer):
    created = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/notes", {"text": "Ask the agency."}, format="json")
    listed = reviewer_client.get(f"/api/v1/claims/{new_claim.pk}/notes")

    assert created.status_code == 201 and created.json()["author"] == reviewer.username
    assert [n["text"] for n in listed.json()] == ["Ask the agency."]
    assert roleless_client.get(f"/api/v1/claims/{new_claim.pk}/notes").status_code in (403, 404)
    assert anon_client.get(f"/api/v1/claims/{new_claim.pk}/notes").status_code in (401, 404)
    assert ClaimNote.objects.count() == 1


def test_a_source_cited_while_offline_is_kept_and_listed_as_not_fetched(reviewer_client, new_claim):
    response = reviewer_client.post(f"/api/v1/claims/{new_claim.pk}/sources", {
        "url": "https://statistics-office.invalid/table-7", "title": "Statistics table 7",
        "published_at": "2022-06-30", "archive_url": "https://web.archive.org/web/2022/statistics-office.invalid/table-7",
    }, format="json")  # fmt: skip

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["title"] == "Statistics table 7" and body["fetch_status"] == "not fetched"
    assert "could not be looked up" in body["fetch_reason"]
    assert reviewer_client.get(f"/api/v1/claims/{new_claim.pk}/sources").json()[0]["id"] == body["id"]


def test_the_public_cannot_act_on_or_see_an_unpublished_claim(anon_client, roleless_client, new_claim):
    assert anon_client.post(f"/api/v1/claims/{new_claim.pk}/start-review").status_code == 401
    response = roleless_client.post(f"/api/v1/claims/{new_claim.pk}/start-review")
    assert response.status_code == 403
    new_claim.refresh_from_db()
    assert new_claim.status == "new"


def test_the_published_record_is_not_rewritten_over_the_api(reviewer_client, published_verdict):
    response = reviewer_client.post(f"/api/v1/claims/{published_verdict.claim_id}/text", {"text": "Other words."},
                                    format="json")  # fmt: skip
    assert response.status_code == 409


def test_a_merge_is_read_as_a_plan_then_confirmed_naming_what_was_shown(reviewer_client, reviewer):
    from claims.models import ClaimMatchSuggestion

    kept = ClaimFactory(text="The governor said the port handled a record 9 million tonnes.", status="in_review",
                        assignee=reviewer)  # fmt: skip
    ClaimMentionFactory(claim=kept, speaker="Governor Ana Lima")
    other = ClaimFactory(text="The Tarvia region's port handled a record 9 million tonnes.")
    moving = ClaimMentionFactory(claim=other, article=ArticleFactory(), speaker="", cited_source="Harbour Weekly")
    suggestion = ClaimMatchSuggestion.objects.create(claim=kept, candidate=other, score=0.9)

    (plan,) = reviewer_client.get(f"/api/v1/claims/{kept.pk}/merges").json()
    assert (plan["kept"], plan["absorbed"], plan["lost_names"]) == (kept.pk, other.pk, ["Tarvia"])
    assert plan["moving"] == [{"id": moving.pk, "article": moving.article_id, "article_title": moving.article.title,
                               "sentence": moving.sentence, "speaker": "", "cited_source": "Harbour Weekly"}]  # fmt: skip

    stale = reviewer_client.post(f"/api/v1/claims/{kept.pk}/merges", {
        "suggestion": suggestion.pk, "decision": "confirmed", "kept": other.pk, "absorbed": kept.pk}, format="json")  # fmt: skip
    assert stale.status_code == 409 and Claim.objects.filter(pk=other.pk).exists()

    merged = reviewer_client.post(f"/api/v1/claims/{kept.pk}/merges", {
        "suggestion": suggestion.pk, "decision": "confirmed", "kept": kept.pk, "absorbed": other.pk, "take_text": True,
    }, format="json")  # fmt: skip
    assert merged.status_code == 200, merged.content
    body = merged.json()
    assert body["text"] == "The Tarvia region's port handled a record 9 million tonnes."
    assert sorted(m["speaker"] for m in body["mentions"]) == ["", "Governor Ana Lima"]
    assert not Claim.objects.filter(pk=other.pk).exists()


def test_a_rejected_pair_is_kept_apart(reviewer_client):
    from claims.models import ClaimMatchSuggestion

    one, two = ClaimMentionFactory().claim, ClaimMentionFactory().claim
    suggestion = ClaimMatchSuggestion.objects.create(claim=one, candidate=two, score=0.7)

    response = reviewer_client.post(f"/api/v1/claims/{two.pk}/merges", {"suggestion": suggestion.pk, "decision": "rejected"},
                                    format="json")  # fmt: skip

    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert suggestion.decision == "rejected" and Claim.objects.filter(pk__in=[one.pk, two.pk]).count() == 2
    assert reviewer_client.get(f"/api/v1/claims/{two.pk}/merges").json() == []
