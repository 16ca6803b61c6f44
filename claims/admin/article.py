"""The article page: its text with every claim's sentence marked, extraction status, re-extraction."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from factcheck.exceptions import DomainError

from .. import selectors, services
from ..models import (
    Article,
    Claim,
    ClaimMention,
)
from . import editing as editing_pages
from .queue import QueuePaginator

Status = Claim.Status


class ExtractionStatusFilter(admin.SimpleListFilter):
    title = "extraction"
    parameter_name = "extraction"

    def lookups(self, request, model_admin):
        return Article.ExtractionStatus.choices

    def queryset(self, request, queryset):
        return queryset.filter(extraction_status=self.value()) if self.value() else queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title_column", "outlet", "published_at", "extraction_column", "claims_column", "ingested_at")
    list_filter = (ExtractionStatusFilter, "outlet", ("published_at", admin.DateFieldListFilter))
    search_fields = ("title", "url")
    list_select_related = ("outlet",)
    show_full_result_count = False
    paginator = QueuePaginator
    list_per_page = 50
    readonly_fields = (
        "title", "url", "outlet", "published_at", "byline", "language", "extraction_status", "extraction_error",
        "ingested_at", "text_sha256",
    )  # fmt: skip
    fieldsets = (
        (None, {"fields": (("title",), ("outlet", "published_at", "language"), ("url",), ("byline",))}),
        ("Extraction", {"fields": (("extraction_status", "ingested_at"), "extraction_error")}),
        ("Stored text", {"fields": ("text_sha256",), "classes": ("collapse",)}),
    )
    actions = ["reextract"]

    class Media:
        css = {"all": ["claims/admin.css"]}
        js = ["claims/claim_editing.js"]

    def get_queryset(self, request):
        from django.db.models import OuterRef

        return (
            super()
            .get_queryset(request)
            .annotate(
                claim_count=selectors.count_of(ClaimMention.objects.filter(article_id=OuterRef("pk")), "article_id")
            )
        )

    def has_add_permission(self, request):
        return False  # articles arrive through ingestion (API or load_seeds)

    @admin.display(description="Title", ordering="title")
    def title_column(self, article):
        return str(article)[:120]

    @admin.display(description="Extraction", ordering="extraction_status")
    def extraction_column(self, article):
        return format_html(
            '<span class="fc-status fc-extraction-{}">{}</span>',
            article.extraction_status, article.get_extraction_status_display(),
        )  # fmt: skip

    @admin.display(description="Claims")
    def claims_column(self, article):
        return article.claim_count

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("<int:object_id>/reextract/", self.admin_site.admin_view(self.reextract_view),
                 name="%s_%s_reextract" % info),
            path("<int:object_id>/add-claim/", self.admin_site.admin_view(
                lambda request, object_id: editing_pages.article_add_claim_view(self, request, object_id)),
                 name="%s_%s_add_claim" % info),
        ] + super().get_urls()  # fmt: skip

    def _reextract(self, request, article) -> None:
        services.article_request_extraction(article=article, actor=request.user)

    def reextract_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))
        try:
            self._reextract(request, article)
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
        else:
            self.message_user(
                request, "Extraction started again; the claims update when it finishes.", messages.SUCCESS
            )
        return HttpResponseRedirect(reverse("admin:claims_article_change", args=[article.pk]))

    @admin.action(description="Extract claims again", permissions=["change"])
    def reextract(self, request, queryset):
        done, problems = 0, []
        for article in queryset.order_by():
            try:
                self._reextract(request, article)
                done += 1
            except DomainError as exc:
                problems.append(exc.message)
        if done:
            self.message_user(request, f"Extraction started again for {done} article(s).", messages.SUCCESS)
        for problem in sorted(set(problems)):
            self.message_user(request, problem, messages.ERROR)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if article is not None:
            extra_context.update(
                title=f"Article #{article.pk}: {str(article)[:120]}",
                subtitle=None,
                article=article,
                highlighted_text=highlight_claims(article),
                article_mentions=selectors.article_mentions_with_claims(article=article),
                can_reextract=request.user.has_perm("claims.change_article"),
                can_add_claim=request.user.has_perm(services.REVIEW_PERMISSION),
            )
        return super().change_view(request, object_id, form_url, extra_context)


def highlight_claims(article: Article):
    """The cleaned text, HTML-escaped, with every claim's sentence marked and linked to the claim.

    One sentence often makes several atomic claims: the sentence is marked once, linked to its
    first claim, and followed by a small numbered link to each other one. A span that partly
    overlaps an earlier one is not marked again (its claims are still listed above the text).
    """
    text = article.cleaned_text
    spans: dict[tuple[int, int], list[ClaimMention]] = {}
    for mention in selectors.article_mentions_with_claims(article=article):
        spans.setdefault((mention.start, mention.end), []).append(mention)
    pieces, cursor = [], 0
    for (span_start, span_end), mentions in sorted(spans.items()):
        start, end = max(span_start, cursor), min(span_end, len(text))
        if end <= start:
            continue
        first, *others = mentions
        pieces.append(format_html("{}", text[cursor:start]))
        pieces.append(format_html(
            '<a class="fc-mark fc-mark-{}" href="{}" title="{} · {}">{}</a>',
            first.claim.status, reverse("admin:claims_claim_change", args=[first.claim_id]),
            first.claim.get_status_display(), first.claim.text[:200], text[start:end],
        ))  # fmt: skip
        pieces.extend(
            format_html(
                '<a class="fc-mark-more fc-status-{}" href="{}" title="{} · {}">{}</a>',
                other.claim.status,
                reverse("admin:claims_claim_change", args=[other.claim_id]),
                other.claim.get_status_display(),
                other.claim.text[:200],
                number,
            )  # fmt: skip
            for number, other in enumerate(others, start=2)
        )
        cursor = end
    pieces.append(format_html("{}", text[cursor:]))
    return format_html_join("", "{}", ((p,) for p in pieces))
