"""Atom feed of published verdicts; a correction moves its verdict back to the top with a new `updated`."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import selectors
from .links import public_claim_url
from .models import Verdict

FEED_LENGTH = 50


class TextSummaryAtomFeed(Atom1Feed):
    """Atom whose entry summaries are `type="text"`: Django always writes `type="html"`, which makes feed readers
    render an explanation's markup as live HTML. An explanation is plain text, so it is sent as text."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class PublishedVerdictsFeed(Feed):
    feed_type = TextSummaryAtomFeed
    link = "/"

    def title(self):
        return f"{settings.FACTCHECK_ORGANIZATION_NAME}: published fact checks"

    def subtitle(self):
        return "Verdicts on claims made in the news, newest first; corrections are republished with their reason."

    def feed_url(self):
        return reverse("verdict-feed")

    def items(self):
        return (
            selectors.verdict_list_published()
            .annotate(last_change=Coalesce("corrected_at", "first_published_at", "published_at"))
            .order_by("-last_change", "-id")[:FEED_LENGTH]
        )

    def item_title(self, verdict: Verdict):
        prefix = "Corrected: " if verdict.corrected_at else ""
        return f"{prefix}{verdict.rating.name}: {verdict.claim.text[:200]}"

    def item_description(self, verdict: Verdict):
        text = verdict.explanation
        if verdict.corrected_at and verdict.correction_reason:
            text = f"Correction: {verdict.correction_reason}\n\n{text}"
        return text

    def item_link(self, verdict: Verdict):
        return public_claim_url(verdict.claim_id)

    item_guid_is_permalink = True

    def item_pubdate(self, verdict: Verdict):
        return verdict.first_published_at or verdict.published_at

    def item_updateddate(self, verdict: Verdict):
        return verdict.corrected_at or verdict.first_published_at or verdict.published_at

    def item_author_name(self, verdict: Verdict):
        return settings.FACTCHECK_ORGANIZATION_NAME

    def item_categories(self, verdict: Verdict):
        return [verdict.rating.name]
