"""Small tables: outlets, the rating scale, verdicts (read-mostly) and match suggestions."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from ..models import (
    Claim,
    ClaimMatchSuggestion,
    Outlet,
    Rating,
    Verdict,
    VerdictPublication,
)
from .history import FullChangesHistoryAdmin

Status = Claim.Status


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "domain")
    search_fields = ("name", "domain")


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("name", "value", "is_active", "description")
    list_editable = ("is_active",)

    def has_delete_permission(self, request, obj=None):
        return False  # retire a rating instead: published verdicts keep theirs


@admin.register(Verdict)
class VerdictAdmin(FullChangesHistoryAdmin):
    """Read-only list of verdicts; they are written on the claim page, through the workflow."""

    list_display = ("claim", "rating", "published_at", "corrected_at", "reviewer")
    list_filter = ("rating", ("published_at", admin.EmptyFieldListFilter))
    list_select_related = ("claim", "rating", "reviewer")
    search_fields = ("claim__text", "explanation")
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    object_history_template = "admin/claims/verdict/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        # The model history's diffs cut long texts short; the publications hold each published version whole.
        publications = VerdictPublication.objects.filter(verdict_id=object_id if str(object_id).isdigit() else None)
        extra_context = {
            **(extra_context or {}),
            "publications": publications.select_related("published_by", "drafted_by"),
        }
        return super().history_view(request, object_id, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        verdict = self.get_object(request, object_id)
        if verdict is not None:
            return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[verdict.claim_id]))
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ClaimMatchSuggestion)
class ClaimMatchSuggestionAdmin(admin.ModelAdmin):
    list_display = ("claim", "candidate", "score", "decision", "decided_by", "decided_at")
    list_filter = ("decision",)
    list_select_related = ("claim", "candidate", "decided_by")
    raw_id_fields = ("claim", "candidate")
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # decided on the claim page, through claim_match_decide


admin.site.site_header = "factcheck · editors' desk"
admin.site.enable_nav_sidebar = False  # the queue needs the width; the breadcrumbs and home page navigate
admin.site.site_title = "factcheck"
admin.site.index_title = "Review queue and verdicts"
