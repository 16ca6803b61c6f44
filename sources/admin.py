"""Sources, evidence passages and fetch bookkeeping, as read-mostly lists for reviewers.

Evidence is read on the claim page; these lists are for looking across claims
(which fetcher failed, which source is cited most). Rows are written by the fetchers.
"""

from django.contrib import admin
from django.utils.html import format_html

from .models import ClaimFetch, Evidence, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title_column", "kind", "outlet", "published_at", "fetched_at", "http_status")
    list_filter = ("kind", ("fetched_at", admin.DateFieldListFilter))
    search_fields = ("title", "url")
    list_select_related = ("outlet",)
    show_full_result_count = False
    readonly_fields = (
        "url", "title", "kind", "outlet", "published_at", "fetched_at", "http_status", "content_type", "text",
        "text_sha256", "fetch_error", "metadata", "created_at",
    )  # fmt: skip

    @admin.display(description="Source", ordering="title")
    def title_column(self, source):
        return format_html('{}<br><span class="fc-meta">{}</span>', source.title or "—", source.url[:100])

    def has_add_permission(self, request):
        return False  # added by URL on the claim page or found by the fetchers

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ("passage_column", "stance", "relevance", "fetcher", "claim", "source")
    list_filter = ("stance", "fetcher", "published_after_claim")
    list_select_related = ("claim", "source")
    search_fields = ("passage",)
    raw_id_fields = ("claim", "source")
    show_full_result_count = False

    @admin.display(description="Passage")
    def passage_column(self, evidence):
        return evidence.passage[:160]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ClaimFetch)
class ClaimFetchAdmin(admin.ModelAdmin):
    list_display = ("claim", "fetcher", "status", "attempts", "sources_found", "requested_at", "finished_at", "error")
    list_filter = ("status", "fetcher")
    list_select_related = ("claim",)
    raw_id_fields = ("claim",)
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
