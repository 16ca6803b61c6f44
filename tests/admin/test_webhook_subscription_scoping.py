"""A webhook subscription belongs to the editor who created it: others neither see nor re-point it, and its secret is
write-only (typed once, never shown again, kept when the form is saved with the field left empty)."""

import pytest
from django.urls import reverse

from claims.models import WebhookDelivery, WebhookSubscription
from claims.roles import EDITOR
from tests.admin.conftest import logged_in
from tests.factories import UserFactory, VerdictFactory

pytestmark = pytest.mark.django_db
SECRET = "s3cret-shared-with-the-receiver-only"


@pytest.fixture
def other_editor(db):
    return UserFactory(username="olga-other-editor", roles=[EDITOR])


def _add(client, url="https://hooks.example/receive", secret=SECRET):
    return client.post(
        reverse("admin:claims_webhooksubscription_add"), {"url": url, "secret": secret, "is_active": "on"}
    )


def test_the_creator_becomes_the_owner_whatever_the_form_says(editor, other_editor):
    response = logged_in(editor).post(
        reverse("admin:claims_webhooksubscription_add"),
        {"url": "https://hooks.example/receive", "secret": SECRET, "is_active": "on", "owner": other_editor.pk},
    )

    assert response.status_code == 302
    subscription = WebhookSubscription.objects.get()
    assert subscription.owner == editor and subscription.secret == SECRET


def test_another_editor_neither_lists_nor_opens_nor_re_points_a_subscription(editor, other_editor):
    _add(logged_in(editor))
    subscription = WebhookSubscription.objects.get()
    other = logged_in(other_editor)

    listing = other.get(reverse("admin:claims_webhooksubscription_changelist")).content.decode()
    change_url = reverse("admin:claims_webhooksubscription_change", args=[subscription.pk])
    opened = other.get(change_url)
    other.post(change_url, {"url": "https://attacker.example/steal", "secret": "x", "is_active": "on"})

    assert "hooks.example" not in listing
    assert opened.status_code == 302  # Django's "does not exist" redirect to the admin index
    subscription.refresh_from_db()
    assert subscription.url == "https://hooks.example/receive" and subscription.secret == SECRET


def test_the_owner_never_reads_the_secret_back(editor):
    client = logged_in(editor)
    _add(client)
    subscription = WebhookSubscription.objects.get()

    page = client.get(reverse("admin:claims_webhooksubscription_change", args=[subscription.pk])).content.decode()

    assert page.count("hooks.example/receive") >= 1  # the owner sees their subscription
    assert SECRET not in page


def test_saving_with_the_secret_left_empty_keeps_it_and_a_new_one_replaces_it(editor):
    client = logged_in(editor)
    _add(client)
    subscription = WebhookSubscription.objects.get()
    change_url = reverse("admin:claims_webhooksubscription_change", args=[subscription.pk])

    client.post(change_url, {"url": "https://hooks.example/v2", "secret": "", "is_active": "on"})
    subscription.refresh_from_db()
    assert (subscription.url, subscription.secret) == ("https://hooks.example/v2", SECRET)

    client.post(change_url, {"url": "https://hooks.example/v2", "secret": "rotated-secret-value", "is_active": "on"})
    subscription.refresh_from_db()
    assert subscription.secret == "rotated-secret-value"


def test_a_new_subscription_needs_a_secret(editor):
    response = _add(logged_in(editor), secret="")

    assert response.status_code == 200 and not WebhookSubscription.objects.exists()


def test_deliveries_are_listed_to_the_owner_of_their_subscription_only(editor, other_editor):
    _add(logged_in(editor))
    subscription = WebhookSubscription.objects.get()
    WebhookDelivery.objects.create(
        subscription=subscription, verdict=VerdictFactory(), event="verdict.published", event_id="e-1", payload={}
    )
    url = reverse("admin:claims_webhookdelivery_changelist")

    assert "hooks.example" in logged_in(editor).get(url).content.decode()
    assert "hooks.example" not in logged_in(other_editor).get(url).content.decode()
