"""Webhooks: a signed POST per active subscription when a verdict is published or corrected,
delivered by Celery with retries, received by a real HTTP server on 127.0.0.1 that checks the signature."""

import json

import pytest
from werkzeug import Response

from claims import services
from claims.models import WebhookDelivery, WebhookSubscription
from claims.tasks import WEBHOOK_MAX_RETRIES

from .conftest import make_claim, publish

SECRET = "s3cret-shared-with-the-receiver"


class Receiver:
    """A webhook endpoint: verifies the signature like a subscriber would, records what it got."""

    def __init__(self, httpserver, *, statuses=(200,)):
        self.received: list[dict] = []
        self.statuses = list(statuses)
        httpserver.expect_request("/hook", method="POST").respond_with_handler(self.handle)
        self.url = httpserver.url_for("/hook")

    def handle(self, request):
        body = request.get_data()
        valid = services.webhook_signature_valid(
            secret=SECRET, header=request.headers.get("X-Factcheck-Signature", ""), body=body
        )
        self.received.append({"valid": valid, "headers": dict(request.headers), "json": json.loads(body)})
        if not valid:
            return Response("bad signature", status=401)
        status = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        return Response("ok", status=status)


@pytest.fixture(autouse=True)
def eager_retries():
    """Eager tasks that propagate errors raise Retry instead of running the retry; let Celery run it."""
    from factcheck.celery import app

    saved = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = saved


@pytest.fixture
def subscribe(db):
    def make(url, **kwargs):
        return WebhookSubscription.objects.create(url=url, secret=SECRET, **kwargs)

    return make


@pytest.mark.django_db
def test_publishing_sends_a_signed_post_with_the_claimreview(httpserver, subscribe, publish_now):
    receiver = Receiver(httpserver)
    subscribe(receiver.url)

    verdict = publish_now()

    (got,) = receiver.received
    assert got["valid"] is True
    assert got["headers"]["X-Factcheck-Event"] == "verdict.published"
    assert got["json"]["event"] == "verdict.published"
    assert got["json"]["verdict"]["id"] == verdict.pk
    assert got["json"]["claimreview"]["@type"] == "ClaimReview"
    assert got["headers"]["X-Factcheck-Delivery"] == got["json"]["event_id"]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 200)
    assert delivery.delivered_at is not None


@pytest.mark.django_db
def test_a_correction_is_announced_as_verdict_corrected(httpserver, subscribe, publish_now, reviewer, editor,
                                                         django_capture_on_commit_callbacks):  # fmt: skip
    receiver = Receiver(httpserver)
    subscribe(receiver.url)
    verdict = publish_now()
    claim = verdict.claim
    services.claim_reopen_for_correction(claim=claim, actor=editor, reason="The date was 13 July, not 14.")
    services.verdict_save(claim=claim, rating=verdict.rating, explanation="Corrected date.", actor=reviewer)
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        services.verdict_publish(claim=claim, actor=editor)

    first, second = receiver.received
    assert first["json"]["event"] == "verdict.published"
    assert second["json"]["event"] == "verdict.corrected"
    assert second["json"]["verdict"]["correction_reason"] == "The date was 13 July, not 14."
    assert second["json"]["claimreview"]["dateModified"]
    assert first["json"]["event_id"] != second["json"]["event_id"]


@pytest.mark.django_db
def test_a_failing_receiver_is_retried_until_it_accepts(httpserver, subscribe, publish_now):
    receiver = Receiver(httpserver, statuses=(503, 500, 200))
    subscribe(receiver.url)

    publish_now()

    assert [r["valid"] for r in receiver.received] == [True, True, True]
    assert len({r["json"]["event_id"] for r in receiver.received}) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("delivered", 3)


@pytest.mark.django_db
def test_a_receiver_that_never_recovers_ends_failed_after_the_last_retry(httpserver, subscribe, publish_now):
    receiver = Receiver(httpserver, statuses=(500,))
    subscribe(receiver.url)

    publish_now()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    assert delivery.attempts == WEBHOOK_MAX_RETRIES + 1 == len(receiver.received)
    assert delivery.response_status == 500 and "HTTP 500" in delivery.last_error


@pytest.mark.django_db
def test_a_4xx_answer_is_not_retried(httpserver, subscribe, publish_now):
    receiver = Receiver(httpserver, statuses=(410,))
    subscribe(receiver.url)

    publish_now()

    assert len(receiver.received) == 1
    assert WebhookDelivery.objects.get().status == "failed"


@pytest.mark.django_db
def test_a_subscription_pointing_at_cloud_metadata_is_refused_without_a_request(subscribe, publish_now):
    subscribe("http://169.254.169.254/latest/meta-data/")

    publish_now()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    assert "169.254.169.254" in delivery.last_error


@pytest.mark.django_db
def test_inactive_subscriptions_receive_nothing_and_announcing_twice_adds_nothing(httpserver, subscribe, publish_now):
    receiver = Receiver(httpserver)
    subscribe(receiver.url)
    subscribe(receiver.url.replace("/hook", "/old"), is_active=False)
    verdict = publish_now()

    assert services.verdict_announce(verdict=verdict) == []
    assert WebhookDelivery.objects.count() == 1 and len(receiver.received) == 1


def test_the_signature_rejects_a_changed_body_a_wrong_secret_and_a_stale_timestamp():
    body = b'{"event":"verdict.published"}'
    header = services.webhook_signature(secret=SECRET, timestamp=1_700_000_000, body=body)

    assert services.webhook_signature_valid(secret=SECRET, header=header, body=body, now=1_700_000_010)
    assert not services.webhook_signature_valid(secret=SECRET, header=header, body=body + b" ", now=1_700_000_010)
    assert not services.webhook_signature_valid(secret="other", header=header, body=body, now=1_700_000_010)
    assert not services.webhook_signature_valid(secret=SECRET, header=header, body=body, now=1_700_000_400)
    assert not services.webhook_signature_valid(secret=SECRET, header="garbage", body=body)


@pytest.mark.integration
def test_a_real_worker_delivers_the_signed_webhook_after_commit(live_celery, httpserver, reviewer, editor):
    from tests.conftest import wait_for

    receiver = Receiver(httpserver)
    WebhookSubscription.objects.create(url=receiver.url, secret=SECRET)

    verdict = publish(make_claim("Published with a real worker."), reviewer=reviewer, editor=editor)

    wait_for(lambda: receiver.received, timeout=60, message="the webhook to arrive")
    wait_for(
        lambda: WebhookDelivery.objects.filter(status="delivered").exists(), timeout=30, message="delivered status"
    )
    (got,) = receiver.received
    assert got["valid"] and got["json"]["verdict"]["id"] == verdict.pk
