"""Google Fact Check Tools: with GOOGLE_FACTCHECK_CREDENTIALS_FILE set, every publication, unpublication and
correction queues a sync of the verdict's ClaimReview markup page (claims.google_factcheck). The task brings
Google's page to the verdict's state at the time it runs, so a late or redelivered task never undoes a later
change, and publishing never waits for (or fails because of) Google."""

from __future__ import annotations

import hashlib
import json
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from factcheck import enqueue

from ..google_factcheck import GoogleFactCheckError, PagesClient, markup_page
from ..links import public_claim_url
from ..models import GoogleFactCheckPage, Verdict
from ..selectors import claimreviews_for_verdicts, verdict_list_published


def google_factcheck_enabled() -> bool:

    return bool(settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE)


def verdict_google_sync_queue(*, verdict: Verdict):
    """Mark the verdict's Google page as pending and queue its sync after commit; None when the feature
    is off, or when an unpublished verdict has never been sent to Google (nothing to delete)."""

    if not google_factcheck_enabled():
        return None
    if verdict.published_at is None and not GoogleFactCheckPage.objects.filter(verdict=verdict).exists():
        return None
    page, created = GoogleFactCheckPage.objects.get_or_create(verdict=verdict)
    if not created:
        GoogleFactCheckPage.objects.filter(pk=page.pk).update(
            status=GoogleFactCheckPage.Status.PENDING, attempts=0, last_error=""
        )
    enqueue.google_factcheck_sync(verdict.pk)
    return page


def verdict_google_sync(*, verdict_id: int, final_attempt: bool = False):
    """Make Google's markup page match the verdict now: created or fully updated while it is published,
    deleted otherwise. Quiet (returns None) when there is no sync row for the verdict.

    Idempotent: a page whose body is unchanged since the last sync is not sent again, and a verdict
    with no page name yet first asks Google for a page at its URL (an earlier attempt may have created
    it and lost the answer), so a redelivered task never makes a second page. The row is locked while
    Google is called, so two syncs of one verdict do not interleave. Raises GoogleFactCheckError when
    the attempt failed and a retry may help; a final failure is recorded (status failed) and logged.
    """

    Sync = GoogleFactCheckPage.Status
    credentials_file = settings.GOOGLE_FACTCHECK_CREDENTIALS_FILE
    if not google_factcheck_enabled() or credentials_file is None:  # enabled means a credentials file is set
        return None
    client = PagesClient(settings.GOOGLE_FACTCHECK_API_URL, credentials_file)
    error = None
    with transaction.atomic():
        page = GoogleFactCheckPage.objects.select_for_update().filter(verdict_id=verdict_id).first()
        if page is None:
            return None
        published = verdict_list_published().filter(pk=verdict_id).first()
        changes: dict = {}
        try:
            if published is not None:
                body = markup_page(claimreviews_for_verdicts([published])[0])
                digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
                if page.status == Sync.SYNCED and page.name and page.body_sha256 == digest:
                    return page
                name, version_id = page.name, page.version_id
                if not name:
                    found = client.find(body["pageUrl"])
                    if found is not None:
                        name, version_id = found["name"], found.get("versionId", "")
                result = client.update(name, version_id, body) if name else None
                if result is None:  # never created, or deleted at Google since
                    result = client.create(body)
                changes = {"name": result["name"], "version_id": result.get("versionId", ""), "body_sha256": digest,
                           "status": Sync.SYNCED}  # fmt: skip
            else:
                name = page.name
                if not name:
                    found = client.find(public_claim_url(page.verdict.claim_id))
                    name = found["name"] if found else ""
                if name:
                    client.delete(name)
                changes = {"name": "", "version_id": "", "body_sha256": "", "status": Sync.DELETED}
            changes |= {"last_error": "", "synced_at": timezone.now()}
        except GoogleFactCheckError as exc:
            error = exc
            failed = final_attempt or not exc.retryable
            changes = {"last_error": exc.message[:2000], "status": Sync.FAILED if failed else Sync.PENDING}
        GoogleFactCheckPage.objects.filter(pk=page.pk).update(attempts=F("attempts") + 1, **changes)
    page.refresh_from_db()
    if error is not None:
        if page.status == Sync.FAILED:
            logging.getLogger(__name__).error(
                "Google Fact Check sync of verdict %s failed for good: %s", verdict_id, error.message
            )
            return page
        raise error
    return page
