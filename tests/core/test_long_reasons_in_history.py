"""A reason an editor writes (unpublishing, correcting, sending back) is kept whole in the claim's history, however
long the form allowed it to be: never cut, never a database error."""

import pytest

from claims import services
from tests.factories import ClaimFactory, rating

pytestmark = pytest.mark.django_db

LONG_REASON = (
    "The harbour authority's annual report, which the verdict relied on, was withdrawn on Monday and replaced by a "
    "revised edition that counts the cranes at the northern quay separately; the verdict must be checked against it "
    "before it is shown to readers again."
)


def test_an_unpublication_reason_of_several_hundred_characters_is_kept_whole(reviewer, editor):
    assert len(LONG_REASON) > 250
    claim = services.claim_start_review(claim=ClaimFactory(), actor=reviewer)
    services.verdict_save(claim=claim, rating=rating("False"), explanation="The report says 41.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    services.verdict_publish(claim=claim, actor=editor)

    services.verdict_unpublish(claim=claim, actor=editor, reason=LONG_REASON)

    reasons = list(claim.history.values_list("history_change_reason", flat=True))
    assert f"Unpublished: {LONG_REASON}" in reasons
    assert claim.verdict.history.filter(history_change_reason__contains=LONG_REASON).exists()
