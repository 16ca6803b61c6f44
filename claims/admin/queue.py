"""The review queue: what an editor sees first, its filters, its columns and its fast paginator."""

from __future__ import annotations

import json
from functools import cached_property

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import bands, selectors
from ..models import (
    Claim,
    Outlet,
)

Status = Claim.Status
OPEN_STATUSES = (Status.NEW, Status.IN_REVIEW, Status.VERDICT_READY)


class QueuePaginator(Paginator):
    """Counts small result lists exactly and big ones from the planner's estimate.

    COUNT(*) over 100k+ claims reads every matching row on PostgreSQL on every page view; the
    planner's estimate (from the statistics autovacuum keeps) is exact enough for "about 100,000
    claims", and a precise count is only paid for when it is cheap (at most ESTIMATE_ABOVE rows).
    """

    ESTIMATE_ABOVE = 20_000
    is_estimate = False

    def __init__(self, *args, rows_for_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        # How to load the page's rows, annotated, from their ids; default: the list's own queryset.
        self.rows_for_ids = rows_for_ids or (lambda ids: self.object_list.order_by().filter(pk__in=ids))

    @cached_property
    def count(self):
        queryset = self.object_list
        if not hasattr(queryset, "query") or connections[queryset.db].vendor != "postgresql":
            return super().count
        # A bounded COUNT reads at most ESTIMATE_ABOVE + 1 rows: exact for every list an editor pages through,
        # and it keeps a bad planner guess (ILIKE '%...%') from announcing thousands of results for three.
        capped = queryset.order_by().values("pk")[: self.ESTIMATE_ABOVE + 1].count()
        if capped <= self.ESTIMATE_ABOVE:
            return capped
        self.is_estimate = True
        return max(capped, self.planner_estimate() or 0)

    def page(self, number):
        """Pick the page's ids on the bare, index-ordered query, then annotate just those rows.

        OFFSET still computes the rows it skips: page 200 would evaluate every per-row
        subquery of the queue for 10,000 claims before returning 50.
        """
        page = super().page(number)
        queryset = page.object_list
        if hasattr(queryset, "values_list") and queryset.query.is_sliced:
            ids = self._sparse_page_ids(page) if self.count <= self.SPARSE_BELOW else None
            if ids is None:
                ids = list(queryset.values_list("pk", flat=True))
            rows = {row.pk: row for row in self.rows_for_ids(ids)}
            page.object_list = [rows[pk] for pk in ids if pk in rows]
        return page

    SPARSE_BELOW = 5_000

    def _sparse_page_ids(self, page) -> list | None:
        """For a few matches (a search, a narrow filter): find them all, then order them here.

        Walking the check-worthiness index backwards to find 50 scattered matches can read the
        whole table at random; fetching the few matching (id, sort keys) rows is one cheap scan.
        """
        ordering = self.object_list.query.order_by
        if not ordering or not all(isinstance(o, str) for o in ordering):
            return None
        fields = [o.lstrip("-") for o in ordering]
        rows = list(self.object_list.order_by().values_list("pk", *fields))
        for position in reversed(range(1, len(fields) + 1)):  # stable sorts, last key first; NULLs as PostgreSQL
            rows.sort(key=lambda row: (row[position] is None, row[position]), reverse=ordering[position - 1][0] == "-")
        return [row[0] for row in rows[page.start_index() - 1 : page.end_index()]]

    def planner_estimate(self) -> int | None:
        """PostgreSQL's row estimate for the (filtered) list: EXPLAIN only plans, it reads no rows."""
        queryset = self.object_list
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        with connections[queryset.db].cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return int(plan[0]["Plan"]["Plan Rows"])


class DefaultedFilter(admin.SimpleListFilter):
    """A list filter that applies DEFAULT when the editor has not chosen (its lookups offer "all" instead)."""

    DEFAULT = ""

    def value(self):
        return super().value() or self.DEFAULT

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class StatusFilter(DefaultedFilter):
    """Status, defaulting to the work still open (new, in review, ready) so the queue starts where work is."""

    title = "status"
    parameter_name = "status"
    OPEN = DEFAULT = "open"

    def lookups(self, request, model_admin):
        return [(self.OPEN, "Open (new, in review, ready)"), *Status.choices, ("all", "All")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.OPEN:
            return queryset.filter(status__in=OPEN_STATUSES)
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


class CheckworthinessBandFilter(DefaultedFilter):
    """Check-worthiness band (claims/bands.py), defaulting to every band but "not check-worthy": those claims
    are stored, and shown when asked for."""

    title = "check-worthiness"
    parameter_name = "worth"
    DEFAULT = "worthy"

    def lookups(self, request, model_admin):
        return [(self.DEFAULT, f"Check-worthy (≥ {bands.NOT_CHECKWORTHY:g})"),
                *((band.key, band.label) for band in bands.BANDS), ("all", "All")]  # fmt: skip

    def queryset(self, request, queryset):
        if self.value() == self.DEFAULT:
            return selectors.claim_filter_checkworthy(queryset)
        if self.value() in bands.BY_KEY:
            return selectors.claim_filter_checkworthiness_band(queryset, self.value())
        return queryset


class HasEvidenceFilter(admin.SimpleListFilter):
    title = "evidence"
    parameter_name = "evidence"

    def lookups(self, request, model_admin):
        return [("yes", "Has evidence"), ("no", "No evidence yet")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return selectors.claim_filter_has_evidence(queryset, self.value() == "yes")
        return queryset


class NeedsContextFilter(admin.SimpleListFilter):
    title = "reads alone"
    parameter_name = "context"

    def lookups(self, request, model_admin):
        return [("needs", "Needs context"), ("alone", "Reads alone")]

    def queryset(self, request, queryset):
        if self.value() == "needs":
            return queryset.exclude(needs_context="")
        if self.value() == "alone":
            return queryset.filter(needs_context="")
        return queryset


def _context_flags(claim: Claim):
    """The extraction's warnings beside a claim: it does not read alone, or it is a whole sentence not decomposed."""
    return format_html(
        "{}{}",
        format_html('<span class="fc-chip fc-chip-warn" title="{}">needs context</span>', claim.needs_context)
        if claim.needs_context
        else "",
        format_html(
            '<span class="fc-chip" title="No decomposition rule understood this sentence: check it states '
            'one fact">not decomposed</span>'
        )
        if not claim.decomposed
        else "",
    )


class ContradictionFilter(admin.SimpleListFilter):
    title = "contradiction"
    parameter_name = "contradiction"

    def lookups(self, request, model_admin):
        return [("yes", "Possible contradiction"), ("no", "None found")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return selectors.claim_filter_contradiction(queryset, self.value() == "yes")
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = "assigned to"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Me"), ("nobody", "Nobody"), ("others", "Someone else")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "me":
            return queryset.filter(assignee=request.user)
        if value == "nobody":
            return queryset.filter(assignee__isnull=True)
        if value == "others":
            return queryset.filter(assignee__isnull=False).exclude(assignee=request.user)
        return queryset


class OutletFilter(admin.SimpleListFilter):
    title = "outlet"
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Outlet.objects.values_list("pk", "name")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return selectors.claim_filter_outlet(queryset, int(self.value()))
        return queryset


class FoundDateFilter(admin.DateFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "found"


class QueueChangeList(ChangeList):
    """Django's changelist, except that a list short enough for one page is also loaded through the paginator.

    (Stock Django evaluates the whole queryset then, ordered by the check-worthiness index: with three
    matches among 100k claims that walks the whole index.)
    """

    def get_results(self, request):
        super().get_results(request)
        if isinstance(self.result_list, QuerySet) and isinstance(self.paginator, QueuePaginator):
            self.result_list = (
                self.model_admin.get_paginator(request, self.queryset, max(self.list_max_show_all, self.list_per_page))
                .page(1)
                .object_list
            )


def bar_step(value: float) -> int:
    """A 0..1 value as the step of a bar in admin.css (fc-bar-0 … fc-bar-20, 5% each)."""
    return min(20, max(0, round(value * 20)))


def compact_age(moment) -> str:
    """'just now', '5 min', '3 h', '4 d', '6 wk': the queue's age column at a glance."""
    seconds = max(0, (timezone.now() - moment).total_seconds())
    for unit, size in (("wk", 604800), ("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{int(seconds // size)} {unit}"
    return "just now"


class QueueColumns:
    """ClaimAdmin's changelist: the queue's rows, columns, search and saved views."""

    list_display = (
        "claim_column", "status_column", "worth_column", "articles_column", "evidence_column",
        "assignee_column", "age_column",
    )  # fmt: skip
    list_display_links = ("claim_column",)
    list_filter = (
        StatusFilter, CheckworthinessBandFilter, NeedsContextFilter, AssigneeFilter, HasEvidenceFilter,
        ContradictionFilter, OutletFilter,
        ("created_at", FoundDateFilter),
    )  # fmt: skip
    search_fields = ("text",)  # the real search is get_search_results: text, speaker, article title
    search_help_text = "Search the claim text, the speaker, or the article title."
    ordering = ("-checkworthiness", "-created_at")
    list_select_related = ("assignee",)
    list_per_page = 50
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER  # per-filter counts would scan 100k claims on every page
    paginator = QueuePaginator

    def get_queryset(self, request):
        return selectors.claim_queue()

    def get_changelist(self, request, **kwargs):
        return QueueChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if issubclass(self.paginator, QueuePaginator):  # the page's rows without re-running filters and search
            return self.paginator(queryset, per_page, orphans, allow_empty_first_page,
                                  rows_for_ids=lambda ids: self.get_queryset(request).filter(pk__in=ids))  # fmt: skip
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        return selectors.claim_search(queryset, term), False

    @admin.display(description="Claim", ordering="text")
    def claim_column(self, claim):
        speaker = getattr(claim, "first_speaker", None)
        hint = ""
        if getattr(claim, "published_match_id", None):  # confirmed the same claim: its verdict applies
            url = reverse("admin:claims_claim_change", args=[claim.published_match_id])
            hint = format_html(
                '<a class="fc-hint" href="{}" title="Editors confirmed this is the same claim as one with a published '
                'verdict">≈ published: {}</a>',
                url, claim.published_match_rating or "verdict",
            )  # fmt: skip
        elif getattr(claim, "similar_checked_id", None):  # only similar: no rating, which could be wrong for this one
            url = reverse("admin:claims_claim_change", args=[claim.similar_checked_id])
            hint = format_html(
                '<a class="fc-hint fc-hint-similar" href="{}" title="A similar claim (not confirmed the same) has a '
                'published verdict">similar to a checked claim ({})</a>',
                url, f"{claim.similar_checked_score:.2f}",
            )  # fmt: skip
        return format_html(
            '<span class="fc-claim-text">{}</span>{}{}{}',
            claim.text,
            format_html('<span class="fc-speaker">— {}</span>', speaker) if speaker else "",
            _context_flags(claim),
            hint,
        )

    @admin.display(description="Status", ordering="status")
    def status_column(self, claim):
        return format_html('<span class="fc-status fc-status-{}">{}</span>', claim.status, claim.get_status_display())

    @admin.display(description="Worth", ordering="-checkworthiness")
    def worth_column(self, claim):
        band = bands.band_of(claim.checkworthiness).key
        return format_html(
            '<span class="fc-worth fc-worth-{} fc-bar-{}" title="Check-worthiness {}"><span></span></span>'
            '<span class="fc-worth-number">{}</span>',
            band, bar_step(claim.checkworthiness), f"{claim.checkworthiness:.2f}", f"{claim.checkworthiness:.2f}",
        )  # fmt: skip

    @admin.display(description="Article")
    def articles_column(self, claim):
        if not getattr(claim, "first_article_id", None):
            return "—"
        url = reverse("admin:claims_article_change", args=[claim.first_article_id])
        more = claim.article_count - 1
        return format_html(
            '<a href="{}">{}</a><span class="fc-meta">{}{}</span>',
            url,
            (claim.first_article_title or f"Article {claim.first_article_id}")[:90],
            claim.first_outlet_name or "",
            format_html(" · +{} more", more) if more > 0 else "",
        )

    @admin.display(description="Evidence")
    def evidence_column(self, claim):
        if not claim.evidence_count:
            return mark_safe('<span class="fc-muted">none yet</span>')
        return claim.evidence_count

    @admin.display(description="Assignee", ordering="assignee__username")
    def assignee_column(self, claim):
        return claim.assignee.get_username() if claim.assignee else mark_safe('<span class="fc-muted">—</span>')

    @admin.display(description="Age", ordering="-created_at")
    def age_column(self, claim):
        return format_html(
            '<span class="fc-age" title="found {}">{}</span>', claim.created_at, compact_age(claim.created_at)
        )

    QUICK_VIEWS = (
        # (label, query string, filter; count capped so that it never reads more than QUICK_COUNT_CAP rows)
        ("My open claims", "assigned=me", lambda user: {"status__in": OPEN_STATUSES, "assignee": user}),
        ("New, unassigned", "status=new&assigned=nobody", lambda user: {"status": Status.NEW, "assignee": None}),
        ("Ready to publish", "status=verdict_ready", lambda user: {"status": Status.VERDICT_READY}),
    )
    QUICK_COUNT_CAP = 999

    def quick_views(self, request) -> list[dict]:
        current = request.GET.urlencode()
        views = []
        for label, query, lookups in self.QUICK_VIEWS:
            count = Claim.objects.filter(**lookups(request.user))[: self.QUICK_COUNT_CAP + 1].count()
            views.append({
                "label": label, "query": query, "active": current == query,
                "count": f"{self.QUICK_COUNT_CAP}+" if count > self.QUICK_COUNT_CAP else count,
                "emphasis": query == "status=verdict_ready" and count and self.has_publish_permission(request),
            })  # fmt: skip
        return views

    def changelist_view(self, request, extra_context=None):
        context = {"title": "Review queue", "quick_views": self.quick_views(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    # Permissions ---------------------------------------------------------------------------------
