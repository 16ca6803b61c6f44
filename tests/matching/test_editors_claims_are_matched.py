"""A claim an editor splits off, adds from an article or rewrites is matched against the stored claims after it is
embedded (claims.tasks.claim_embed_task): a twin is suggested to editors, never merged behind their backs."""

import pytest

from claims import services
from claims.models import Claim, ClaimMatchSuggestion
from claims.tasks import claim_embed_task
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

# Made-up sentences: the stored claim and a part that says the same thing in other words (similarity ~0.98).
STORED = "The city council approved a budget of 40 million euros for new tram lines."
SAME_MEANING = "The city council has approved a budget of 40 million euros for new tram lines."
UNRELATED = "The regional airport will close its second terminal in March."


@pytest.fixture(autouse=True)
def thresholds(settings):
    settings.FACTCHECK_MATCH_SAME = 0.88
    settings.FACTCHECK_MATCH_SUGGEST = 0.70


@pytest.fixture
def stored_claim(db):
    """A claim extraction stored and matched earlier, in another article."""
    claim = ClaimFactory(text=STORED, normalized_text=STORED.lower().rstrip("."))
    ClaimMentionFactory(claim=claim, article=ArticleFactory(), sentence=STORED)
    services.claim_match(claim_id=claim.pk)
    return claim


def pair_of(one: Claim, other: Claim):
    low, high = sorted([one.pk, other.pk])
    return ClaimMatchSuggestion.objects.filter(claim_id=low, candidate_id=high).first()


def test_a_split_part_that_means_what_a_stored_claim_says_is_suggested_as_its_twin(
    django_capture_on_commit_callbacks, stored_claim, reviewer
):
    sentence = f"{UNRELATED} {SAME_MEANING}"
    claim = ClaimFactory(text=sentence, normalized_text=sentence.lower())
    ClaimMentionFactory(claim=claim, article=ArticleFactory(), sentence=sentence)

    with django_capture_on_commit_callbacks(execute=True):
        kept, part = services.claim_split(
            claim=claim, first_text=UNRELATED,
            parts=[services.SplitPart(SAME_MEANING, tuple(claim.mentions.values_list("pk", flat=True)))],
            actor=reviewer,
        )  # fmt: skip

    suggestion = pair_of(part, stored_claim)
    assert suggestion is not None and suggestion.decision == ClaimMatchSuggestion.Decision.PENDING
    assert suggestion.score >= 0.88  # high enough to join, yet only suggested: the part is an editor's work
    assert Claim.objects.filter(pk__in=[part.pk, stored_claim.pk]).count() == 2
    assert pair_of(kept, stored_claim) is None  # the part that says something else is not suggested


def test_a_claim_added_from_the_article_page_is_suggested_as_the_twin_of_a_stored_claim(
    django_capture_on_commit_callbacks, stored_claim, reviewer
):
    article = ArticleFactory(cleaned_text=f"Intro. {SAME_MEANING} Outro.")
    start = article.cleaned_text.index(SAME_MEANING)

    with django_capture_on_commit_callbacks(execute=True):
        added = services.claim_add_from_article(
            article=article, start=start, end=start + len(SAME_MEANING), actor=reviewer
        )

    assert Claim.objects.filter(pk=added.pk).exists()  # not absorbed: the editor lands on the claim they added
    assert pair_of(added, stored_claim) is not None


def test_a_rewritten_claim_is_matched_on_its_new_wording(django_capture_on_commit_callbacks, stored_claim, reviewer):
    claim = ClaimFactory(text=UNRELATED, normalized_text=UNRELATED.lower())
    ClaimMentionFactory(claim=claim, article=ArticleFactory(), sentence=UNRELATED)
    services.claim_match(claim_id=claim.pk)
    assert pair_of(claim, stored_claim) is None

    with django_capture_on_commit_callbacks(execute=True):
        services.claim_edit_text(claim=claim, text=SAME_MEANING, actor=reviewer)

    assert pair_of(claim, stored_claim) is not None


def test_running_the_task_again_adds_no_second_suggestion_and_a_gone_claim_is_quiet(stored_claim, reviewer):
    claim = ClaimFactory(text=SAME_MEANING, normalized_text=SAME_MEANING.lower(), extracted_text="x")
    ClaimMentionFactory(claim=claim, article=ArticleFactory(), sentence=SAME_MEANING)

    assert claim_embed_task.apply(args=[claim.pk]).get() is True
    assert claim_embed_task.apply(args=[claim.pk]).get() is True

    assert ClaimMatchSuggestion.objects.filter(candidate_id=claim.pk).count() == 1
    gone = claim.pk
    claim.delete()
    assert claim_embed_task.apply(args=[gone]).get() is False
