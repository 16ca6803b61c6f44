"""Webhook subscriptions in the admin: each editor sees and changes only their own; a secret is write-only.

The secret signs every delivery (X-Factcheck-Signature); whoever reads it can forge deliveries to that
receiver, so it is typed once and never rendered again. Saving with the field left empty keeps it.
Writes go through `claims.services.webhook_subscription_save`, which sets the owner and checks it.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied

from factcheck.exceptions import DomainError, NotAllowed

from .. import services
from ..models import WebhookDelivery, WebhookSubscription


class WebhookSubscriptionForm(forms.ModelForm):
    secret = forms.CharField(
        required=False, max_length=128, strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Shared with the receiver to check X-Factcheck-Signature. Never shown again; leave empty to keep it.",
    )  # fmt: skip

    class Meta:
        model = WebhookSubscription
        fields = ("url", "secret", "is_active")

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if not secret and self.instance.pk is None:
            raise forms.ValidationError("A new subscription needs a secret.")
        return secret


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    form = WebhookSubscriptionForm
    list_display = ("url", "is_active", "owner", "created_at")
    list_filter = ("is_active",)
    list_select_related = ("owner",)

    def get_queryset(self, request):
        subscriptions = super().get_queryset(request)
        return subscriptions if request.user.is_superuser else subscriptions.filter(owner=request.user)

    def save_model(self, request, obj, form, change):
        try:
            saved = services.webhook_subscription_save(
                subscription_id=obj.pk, actor=request.user, url=form.cleaned_data["url"],
                secret=form.cleaned_data["secret"], is_active=form.cleaned_data["is_active"],
            )  # fmt: skip
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from None
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        obj.pk, obj.owner_id = saved.pk, saved.owner_id


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ("subscription", "event", "status", "attempts", "response_status", "created_at", "delivered_at")
    list_filter = ("status", "event")
    list_select_related = ("subscription",)
    show_full_result_count = False

    def get_queryset(self, request):
        deliveries = super().get_queryset(request)
        return deliveries if request.user.is_superuser else deliveries.filter(subscription__owner=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
