"""Webhooks: when a verdict is published or a correction republished, every active subscription receives an
HMAC-SHA256-signed POST, delivered by Celery with retries through the safe HTTP client."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from factcheck import enqueue
from factcheck.exceptions import InvalidInput, NotAllowed
from sources import http as safe_http

from ..models import Verdict, WebhookDelivery, WebhookSubscription
from ..selectors import claimreviews_for_verdicts, verdict_list_published
from .permissions import require

WEBHOOK_SIGNATURE_HEADER = "X-Factcheck-Signature"
WEBHOOK_TIMEOUT_SECONDS = 10.0
WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024


def webhook_subscription_save(
    *, subscription_id: int | None, actor, url: str, secret: str, is_active: bool
) -> "WebhookSubscription":
    """Create a subscription owned by `actor`, or change one `actor` owns (a superuser may change any).
    An empty `secret` keeps the stored one; a new subscription needs one."""

    require(actor, "claims.add_webhooksubscription" if subscription_id is None else "claims.change_webhooksubscription")
    if subscription_id is None:
        if not secret:
            raise InvalidInput("A new subscription needs a secret.")
        return WebhookSubscription.objects.create(url=url, secret=secret, is_active=is_active, owner=actor)
    with transaction.atomic():
        subscription = WebhookSubscription.objects.select_for_update().filter(pk=subscription_id).first()
        if subscription is None or (subscription.owner_id != actor.pk and not actor.is_superuser):
            raise NotAllowed("This webhook subscription belongs to someone else.")
        subscription.url, subscription.is_active = url, is_active
        if secret:
            subscription.secret = secret
        subscription.save()
    return subscription


class WebhookDeliveryError(Exception):
    """One delivery attempt failed; `retryable` says whether a later attempt may succeed."""

    def __init__(self, message: str, *, retryable: bool, status: int | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.status = status


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it and rejects
    stale timestamps, so a captured request cannot be replayed later."""

    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def webhook_signature_valid(
    *, secret: str, header: str, body: bytes, tolerance: int = 300, now: int | None = None
) -> bool:
    """The receiver's side of `webhook_signature` (documented for subscribers; used by the tests)."""

    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else int(time.time())) - timestamp) > tolerance:
        return False
    expected = webhook_signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, header)


def _webhook_event(verdict: Verdict) -> str:
    return (
        "verdict.corrected"
        if verdict.corrected_at and verdict.corrected_at == verdict.published_at
        else "verdict.published"
    )


def verdict_announce(*, verdict: Verdict) -> list:
    """Record one delivery per active subscription for this publication and queue them after commit.

    Called by `verdict_publish`. Idempotent: the event id is the verdict and the moment it was
    published, and (subscription, event id) is unique, so announcing twice queues nothing new.
    """

    subscriptions = list(WebhookSubscription.objects.filter(is_active=True))
    if not subscriptions or verdict.published_at is None:
        return []
    event = _webhook_event(verdict)
    event_id = f"{event}:{verdict.pk}:{int(verdict.published_at.timestamp() * 1_000_000)}"
    published = verdict_list_published().filter(pk=verdict.pk).first()
    claimreview = claimreviews_for_verdicts([published])[0] if published else None
    payload = {
        "event": event,
        "event_id": event_id,
        "verdict": {
            "id": verdict.pk,
            "claim_id": verdict.claim_id,
            "rating": verdict.rating.name,
            "published_at": verdict.published_at.isoformat(),
            "first_published_at": verdict.first_published_at.isoformat() if verdict.first_published_at else None,
            "corrected_at": verdict.corrected_at.isoformat() if verdict.corrected_at else None,
            "correction_reason": verdict.correction_reason if event == "verdict.corrected" else "",
        },
        "claimreview": claimreview,
    }
    deliveries = []
    for subscription in subscriptions:
        delivery, created = WebhookDelivery.objects.get_or_create(
            subscription=subscription,
            event_id=event_id,
            defaults={"verdict": verdict, "event": event, "payload": payload},
        )
        if created:
            deliveries.append(delivery)
            enqueue.webhook_deliver(delivery.pk)
    return deliveries


def _webhook_post(url: str, *, body: bytes, headers: dict) -> int:
    """POST through the one safe HTTP client (vetted address, no redirects, bounded time and response).
    Returns the status; raises WebhookDeliveryError."""

    try:
        return safe_http.post(
            url,
            body=body,
            headers={"Content-Type": "application/json", **headers},
            timeout=WEBHOOK_TIMEOUT_SECONDS,
            max_response_bytes=WEBHOOK_MAX_RESPONSE_BYTES,
        )
    except safe_http.HTTPStatusError as exc:
        retryable = exc.status >= 500 or exc.status in (408, 429)
        raise WebhookDeliveryError(exc.message, retryable=retryable, status=exc.status) from None
    except safe_http.FetchError as exc:  # blocked or invalid URL: final; timeout, DNS or connection: retry
        raise WebhookDeliveryError(exc.message, retryable=exc.retryable) from None


def webhook_deliver(*, delivery_id: int, final_attempt: bool = False):
    """Make one delivery attempt; quiet when the delivery is gone or already delivered.

    Raises WebhookDeliveryError when the attempt fails and a retry may help (the task retries);
    a failure that cannot be helped, or the final attempt, marks the delivery failed.
    """

    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status == WebhookDelivery.Status.DELIVERED:
        return delivery
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode("utf-8")
    headers = {
        WEBHOOK_SIGNATURE_HEADER: webhook_signature(
            secret=delivery.subscription.secret, timestamp=int(time.time()), body=body
        ),
        "X-Factcheck-Event": delivery.event,
        "X-Factcheck-Delivery": delivery.event_id,
    }
    WebhookDelivery.objects.filter(pk=delivery.pk).update(attempts=F("attempts") + 1)
    try:
        status = _webhook_post(delivery.subscription.url, body=body, headers=headers)
    except WebhookDeliveryError as exc:
        failed = final_attempt or not exc.retryable
        WebhookDelivery.objects.filter(pk=delivery.pk).exclude(status=WebhookDelivery.Status.DELIVERED).update(
            last_error=str(exc)[:2000],
            response_status=exc.status,
            status=WebhookDelivery.Status.FAILED if failed else WebhookDelivery.Status.PENDING,
        )
        if not failed:
            raise
        delivery.refresh_from_db()
        return delivery
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.DELIVERED, response_status=status, delivered_at=timezone.now(), last_error=""
    )
    delivery.refresh_from_db()
    return delivery
