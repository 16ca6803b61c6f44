"""The editors' workbench: the review queue, the claim page, the article page.

Every state change goes through `claims.services` (and the fetching, extraction and
matching services of the other apps); a DomainError they raise becomes an admin
error message, never a 500. Publishing always passes through a confirmation page
that shows the verdict exactly as readers will get it.
"""

from __future__ import annotations

import importlib
import json
import re
from functools import cached_property

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from factcheck.exceptions import DomainError, InvalidInput, InvalidTransition, NotAllowed
from sources.models import ClaimFetch, Evidence, Lead, Source, SourceRequest

from . import bands, editing_pages, selectors, services
from .claimreview import CLAIM_REVIEWED_GUIDE
from .collaboration import assignable_users, claim_notes
from .models import (
    Article,
    Claim,
    ClaimMatchSuggestion,
    ClaimMention,
    Outlet,
    Rating,
    Verdict,
    VerdictPublication,
)

Status = Claim.Status
OPEN_STATUSES = (Status.NEW, Status.IN_REVIEW, Status.VERDICT_READY)
CONTEXT_CHARS = 220  # article text shown either side of a mention's sentence
_BLANK_LINES = re.compile(r"\n\s*\n+")  # web text is full of them; one line break reads the same


def other_service(module: str, name: str):
    """A service another engineer owns, or None while it does not exist yet (the button then says so)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


# --- The queue -------------------------------------------------------------------------------------


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
        if claim.needs_context else "",
        format_html('<span class="fc-chip" title="No decomposition rule understood this sentence: check it states '
                    'one fact">not decomposed</span>') if not claim.decomposed else "",
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
            self.result_list = self.model_admin.get_paginator(
                request, self.queryset, max(self.list_max_show_all, self.list_per_page)
            ).page(1).object_list


# --- The claim page's form ------------------------------------------------------------------------


class ClaimReviewForm(forms.ModelForm):
    """The claim's editable fields plus its verdict draft; saved through services, never directly."""

    rating = forms.ModelChoiceField(
        queryset=Rating.objects.none(), required=False, widget=forms.RadioSelect, empty_label=None,
        help_text="The step of the scale readers will see.",
    )  # fmt: skip
    explanation = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 7, "placeholder": "What the evidence shows, for readers, in plain words."}),
    )
    claim_reviewed = forms.CharField(
        required=False, label="Claim reviewed (summary)",
        widget=forms.TextInput(attrs={"data-fc-guide": CLAIM_REVIEWED_GUIDE}),
        help_text=f"The claim as readers and search engines will see it rated (ClaimReview's claimReviewed). "
        f"Guide: under {CLAIM_REVIEWED_GUIDE} characters; it is never cut. Empty: the claim's full text.",
    )  # fmt: skip
    sources = forms.ModelMultipleChoiceField(
        queryset=Source.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        help_text="The sources the verdict relies on (from the evidence found for this claim).",
    )  # fmt: skip
    assignee = forms.ModelChoiceField(queryset=None, required=False)

    VERDICT_FIELDS = ("rating", "claim_reviewed", "explanation", "sources")
    # False when the page shows the verdict as a card (published, or the role cannot draft): the verdict's
    # fields are then not on the page, so they must not be on the form either, or their absence from the
    # POST would read as an edit of the verdict (ClaimAdmin.get_form sets it).
    verdict_on_page = True

    class Meta:
        model = Claim
        fields = ["claim_type", "about_date", "checkworthiness", "assignee"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        claim = self.instance
        if "assignee" in self.fields:
            self.fields["assignee"].queryset = assignable_users()
        self.verdict = Verdict.objects.filter(claim=claim).select_related("rating").first() if claim.pk else None
        if not self.verdict_on_page:
            for name in self.VERDICT_FIELDS:
                self.fields.pop(name, None)
        if "rating" not in self.fields:
            return
        # Under correction the form edits the correction's draft; the published verdict stays as it is.
        draft = getattr(self.verdict, "correction", None) if self.verdict else None
        draft = draft or self.verdict
        ratings = Rating.objects.filter(is_active=True)
        if draft:  # a retired rating still shows on the verdict that uses it
            ratings = Rating.objects.filter(pk=draft.rating_id) | ratings
        self.fields["rating"].queryset = ratings
        self.fields["rating"].label_from_instance = lambda r: format_html(
            '<strong>{}</strong> <span class="fc-muted">{}</span>', r.name, r.description
        )
        source_ids = set(Evidence.objects.filter(claim=claim).values_list("source_id", flat=True)) if claim.pk else set()
        if claim.pk:  # sources an editor cited by hand are citable even before (or without) a fetch
            source_ids |= set(SourceRequest.objects.filter(claim=claim).values_list("source_id", flat=True))
        if draft:
            source_ids |= set(draft.sources.values_list("pk", flat=True))
        self.fields["sources"].queryset = Source.objects.filter(pk__in=source_ids).order_by("title")
        self.fields["sources"].label_from_instance = lambda s: s.title or s.url
        if draft:
            self.initial.setdefault("rating", draft.rating_id)
            self.initial.setdefault("explanation", draft.explanation)
            self.initial.setdefault("claim_reviewed", draft.claim_reviewed)
            self.initial.setdefault("sources", list(draft.sources.values_list("pk", flat=True)))
        if "checkworthiness" in self.fields:
            self.fields["checkworthiness"].widget.attrs.update(min=0, max=1, step=0.01)

    def verdict_changed(self) -> bool:
        return "rating" in self.fields and any(name in self.changed_data for name in self.VERDICT_FIELDS)

    def clean(self):
        data = super().clean()
        if self.verdict_changed():
            if self.instance.status not in (Status.IN_REVIEW, Status.VERDICT_READY):
                raise forms.ValidationError(
                    f"Verdicts are drafted while a claim is in review; this one is "
                    f"{Status(self.instance.status).label.lower()}. Start the review first."
                )
            if not data.get("rating"):
                self.add_error("rating", "Choose a rating for the verdict.")
            if not (data.get("explanation") or "").strip():
                self.add_error("explanation", "A verdict needs an explanation for readers.")
        return data


# --- Claims ----------------------------------------------------------------------------------------

# name -> (button label, who may (None = reviewers), statuses it applies to (None = any)).
OPERATIONS = {
    "assign_me": ("Assign to me", None, None),
    "start_review": ("Start review", None, {Status.NEW}),
    "fetch_sources": ("Fetch sources again", None, {Status.NEW, Status.IN_REVIEW, Status.VERDICT_READY}),
    "mark_ready": ("Mark verdict ready", None, {Status.IN_REVIEW}),
    "send_back": ("Send back to review", None, {Status.VERDICT_READY}),
    "publish": ("Publish…", services.PUBLISH_PERMISSION, {Status.VERDICT_READY}),
    "dismiss": ("Dismiss: not check-worthy", None, {Status.NEW, Status.IN_REVIEW}),
    "restore": ("Restore to the queue", None, {Status.DISMISSED}),
    # Also while a correction is drafted (the published version is still up): see operations_for.
    "unpublish": ("Unpublish", services.PUBLISH_PERMISSION, {Status.PUBLISHED, Status.IN_REVIEW, Status.VERDICT_READY}),
    "correct": ("Correct", services.PUBLISH_PERMISSION, {Status.PUBLISHED}),
    "add_source": ("Add source", None, {Status.NEW, Status.IN_REVIEW, Status.VERDICT_READY}),
}
NEEDS_REASON = {"unpublish", "correct"}
NOT_IN_BUTTON_ROW = NEEDS_REASON | {"add_source"}  # these have their own inputs on the page


def _fetch_sources(claim: Claim) -> None:
    fetch = other_service("sources.services", "claims_fetch_sources")
    if fetch is None:
        raise InvalidInput("Source fetching is not installed yet (sources.services.claims_fetch_sources).")
    fetch(claim_ids=[claim.pk], force=True)


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    form = ClaimReviewForm
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
    readonly_fields = ("status", "normalized_text")
    fieldsets = (
        ("Verdict", {"fields": ("rating", "claim_reviewed", "explanation", "sources"), "classes": ("fc-verdict",)}),
        ("Claim details", {"fields": (("claim_type", "about_date"), ("checkworthiness",)), "classes": ("collapse",)}),
    )  # the assignee has its own form at the top of the claim page
    actions = [
        "assign_to_me", "start_review", "fetch_sources_again", "mark_verdict_ready", "publish_verdicts", "dismiss",
    ]  # fmt: skip
    history_list_display = ("status", "assignee")

    class Media:
        css = {"all": ["claims/admin.css"]}
        js = ["claims/claim_editing.js"]

    # Queue ----------------------------------------------------------------------------------------

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
            '<span class="fc-worth fc-worth-{}" title="Check-worthiness {}"><span style="width:{}%"></span></span>'
            '<span class="fc-worth-number">{}</span>',
            band, f"{claim.checkworthiness:.2f}", round(claim.checkworthiness * 100), f"{claim.checkworthiness:.2f}",
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
        return format_html('<span class="fc-age" title="found {}">{}</span>', claim.created_at, compact_age(claim.created_at))

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

    def has_add_permission(self, request):
        return False  # claims come from articles, through extraction

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm(services.PUBLISH_PERMISSION)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.status in (Status.PUBLISHED, Status.VERDICT_READY):
            readonly += ["claim_type", "about_date", "checkworthiness"]
        return readonly

    def verdict_editable(self, request, claim) -> bool:
        return (
            claim is not None
            and claim.status in (Status.IN_REVIEW, Status.VERDICT_READY)
            and self.has_change_permission(request, claim)
            and request.user.has_perms(["claims.add_verdict", "claims.change_verdict"])
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self.verdict_editable(request, obj):
            form = type(form.__name__, (form,), {"verdict_on_page": False})
        return form

    def get_fieldsets(self, request, obj=None):
        # Without the verdict form the page shows the verdict as a card (see the change_form template).
        if self.verdict_editable(request, obj):
            return self.fieldsets
        return self.fieldsets[1:]

    # The claim page ------------------------------------------------------------------------------

    def operations_for(self, request, claim: Claim) -> list[tuple[str, str]]:
        """The buttons this person may press on this claim now."""
        if not self.has_change_permission(request, claim):
            return []
        ops = []
        published = Verdict.objects.filter(claim=claim, published_at__isnull=False).exists()
        for name, (label, permission, statuses) in OPERATIONS.items():
            if statuses is not None and claim.status not in statuses:
                continue
            if permission and not request.user.has_perm(permission):
                continue
            if name == "assign_me" and claim.assignee_id == request.user.pk:
                continue
            if (name == "unpublish" and not published) or (name == "dismiss" and published):
                continue  # under correction the published version is up: unpublish, not dismiss
            ops.append((name, label))
        return ops

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if claim is not None:
            extra_context.update(title=f"Claim #{claim.pk}", subtitle=None)
            verdict = Verdict.objects.filter(claim=claim).select_related("rating", "reviewer").first()
            correction = getattr(verdict, "correction", None) if verdict else None
            extra_context.update(
                correction=correction,
                publications=list(verdict.publications.select_related("published_by", "drafted_by")) if verdict else [],
            )
            extra_context.update(
                claim=claim,
                verdict=verdict,
                operations=(operations := self.operations_for(request, claim)),
                operation_names={name for name, _ in operations},
                needs_reason=NOT_IN_BUTTON_ROW,
                mentions=mentions_in_context(claim),
                evidence=Evidence.objects.filter(claim=claim).select_related("source__outlet").order_by("-relevance"),
                fetches=ClaimFetch.objects.filter(claim=claim).order_by("fetcher"),
                similar=selectors.claim_similar(claim=claim),
                contradictions=selectors.claim_contradictions(claim=claim),
                leads=Lead.objects.filter(claim=claim).select_related("source__outlet").order_by("id"),
                can_decide_matches=request.user.has_perm("claims.change_claimmatchsuggestion"),
                status_steps=_status_steps(claim.status),
                verdict_editable=self.verdict_editable(request, claim),
                **self.editing_context(request, claim),
                worth_band=bands.band_of(claim.checkworthiness),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def editing_context(self, request, claim) -> dict:
        """What the claim page shows of the editors' own work: notes, assignment, sources cited by hand."""
        from sources.citing import source_fetch_state

        url_fetch = ClaimFetch.objects.filter(claim=claim, fetcher="url").first()
        cited = [
            {"source": r.source, "by": r.requested_by, "state": source_fetch_state(r.source, claim_fetch=url_fetch)}
            for r in SourceRequest.objects.filter(claim=claim).select_related("source", "requested_by")
        ]
        can_edit = request.user.has_perm(services.REVIEW_PERMISSION)
        return {
            "notes": list(claim_notes(claim=claim)),
            "cited_sources": cited,
            "assignable": list(assignable_users()) if can_edit else [],
            "can_fix_claim": can_edit and claim.status in editing_pages.editing.EDITABLE_STATUSES,
            "can_work_on_claim": can_edit,
        }

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as exc:  # raised by a service while saving: nothing was saved
            self.message_user(request, exc.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        claim_changes = {
            name: form.cleaned_data[name]
            for name in services.CLAIM_EDITABLE_FIELDS
            if name in form.changed_data and name in form.cleaned_data
        }
        fresh = Claim.objects.get(pk=obj.pk)
        if claim_changes:
            services.claim_edit(claim=fresh, actor=request.user, **claim_changes)
        if "assignee" in form.changed_data:
            services.claim_assign(claim=fresh, assignee=form.cleaned_data["assignee"], actor=request.user)
        if form.verdict_changed():
            services.verdict_save(
                claim=fresh,
                rating=form.cleaned_data["rating"],
                explanation=form.cleaned_data["explanation"],
                sources=form.cleaned_data["sources"],
                claim_reviewed=form.cleaned_data.get("claim_reviewed", ""),
                actor=request.user,
            )
        request._fc_saved = bool(claim_changes or "assignee" in form.changed_data or form.verdict_changed())

    def save_related(self, request, form, formsets, change):
        pass  # the verdict's sources were saved by verdict_save; the claim has no editable relations

    def response_change(self, request, obj):
        op = request.POST.get("_fc_op")
        match = request.POST.get("_fc_match")
        if op or match:
            if getattr(request, "_fc_saved", False):
                self.message_user(request, "Your changes were saved.", messages.SUCCESS)
            if match:
                return self.decide_match(request, obj, match)
            return self.run_operation(request, obj, op)
        return super().response_change(request, obj)

    def _claim_url(self, claim):
        return reverse("admin:claims_claim_change", args=[claim.pk])

    def run_operation(self, request, claim, op):
        if op not in dict(self.operations_for(request, claim)):
            label = OPERATIONS.get(op, ("That action",))[0].rstrip("…")
            self.message_user(
                request,
                f"“{label}” is not possible for this claim now (it is {claim.get_status_display().lower()}), "
                "or your role does not allow it.",
                messages.ERROR,
            )
            return HttpResponseRedirect(self._claim_url(claim))
        if op == "publish":
            return HttpResponseRedirect(reverse("admin:claims_claim_publish", args=[claim.pk]))
        reason = (request.POST.get("_fc_reason") or "").strip()
        if op == "add_source":
            reason = (request.POST.get("_fc_source_url") or "").strip()
        try:
            message = self.perform(request, claim, op, reason)
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)
        else:
            self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(self._claim_url(claim))

    def perform(self, request, claim, op, reason="") -> str:
        """Run one operation through its service; returns what to tell the editor."""
        user = request.user
        label, _, statuses = OPERATIONS.get(op, (op, None, None))
        if statuses is not None and claim.status not in statuses:
            # e.g. "start review" on a published claim would reopen it without a correction reason
            raise InvalidTransition(
                f"“{label.rstrip('…')}” does not apply to a claim that is {claim.get_status_display().lower()}."
            )
        if op == "assign_me":
            services.claim_assign(claim=claim, assignee=user, actor=user)
            return "The claim is assigned to you."
        if op == "start_review":
            services.claim_start_review(claim=claim, actor=user)
            return "Review started."
        if op == "fetch_sources":
            if not user.has_perm("sources.change_claimfetch"):
                raise NotAllowed("Your role cannot start source fetching.")
            _fetch_sources(claim)
            return "Fetching sources again; the evidence appears here as each fetcher finishes."
        if op == "add_source":
            add = other_service("sources.services", "source_add_url")
            if add is None:
                raise InvalidInput("Adding sources is not installed yet (sources.services.source_add_url).")
            source = add(claim_id=claim.pk, url=reason, actor=user)
            return f"Added {source.url}; it is being fetched and its passages will appear under Evidence."
        if op == "mark_ready":
            services.claim_mark_verdict_ready(claim=claim, actor=user)
            return "The verdict is ready for an editor to publish."
        if op == "send_back":
            services.claim_send_back(claim=claim, actor=user, reason=reason)
            return "Sent back to review."
        if op == "dismiss":
            services.claim_dismiss(claim=claim, actor=user, reason=reason)
            return "Dismissed as not check-worthy."
        if op == "restore":
            services.claim_restore(claim=claim, actor=user)
            return "Restored to the queue."
        if op == "unpublish":
            services.verdict_unpublish(claim=claim, actor=user, reason=reason)
            return "Unpublished: the verdict is no longer public. The reason is kept in its history."
        if op == "correct":
            services.claim_reopen_for_correction(claim=claim, actor=user, reason=reason)
            return "Correction opened: readers keep seeing the published verdict until you publish the correction."
        raise InvalidInput(f"Unknown action {op!r}.")

    def decide_match(self, request, claim, value):
        decide = other_service("claims.services", "claim_match_decide")
        suggestion_id, _, decision = value.partition(":")
        suggestion = ClaimMatchSuggestion.objects.filter(pk=suggestion_id if suggestion_id.isdigit() else None).first()
        if suggestion is None or claim.pk not in (suggestion.claim_id, suggestion.candidate_id):
            self.message_user(request, "That match suggestion no longer exists.", messages.ERROR)
        elif decision not in (ClaimMatchSuggestion.Decision.CONFIRMED, ClaimMatchSuggestion.Decision.REJECTED):
            self.message_user(request, "Choose “same claim” or “different claims”.", messages.ERROR)
        elif not request.user.has_perm("claims.change_claimmatchsuggestion"):
            self.message_user(request, "Your role cannot decide match suggestions.", messages.ERROR)
        elif decision == ClaimMatchSuggestion.Decision.CONFIRMED:  # merged only after the confirmation page
            return HttpResponseRedirect(reverse("admin:claims_claim_merge", args=[claim.pk, suggestion.pk]))
        elif decide is None:
            self.message_user(request, "Claim matching is not installed yet (claims.services.claim_match_decide).",
                              messages.ERROR)  # fmt: skip
        else:
            try:
                outcome = decide(suggestion=suggestion, decision=decision, actor=request.user)
            except DomainError as exc:
                self.message_user(request, exc.message, messages.ERROR)
            else:
                if decision == ClaimMatchSuggestion.Decision.CONFIRMED:
                    self.message_user(request, "Same claim: the two are merged into this one.", messages.SUCCESS)
                    # The merge keeps one of the two claims; go to the one that still exists.
                    return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[outcome.claim_id]))
                self.message_user(request, "Different claims: this pair will not be suggested again.", messages.SUCCESS)
        return HttpResponseRedirect(self._claim_url(claim))

    # Publishing, always confirmed -------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("<int:object_id>/publish/", self.admin_site.admin_view(self.publish_view), name="%s_%s_publish" % info),
            path("publish-selected/", self.admin_site.admin_view(self.publish_view), name="%s_%s_publish_many" % info),
            *self.editing_urls(),
        ] + super().get_urls()

    def editing_urls(self) -> list:
        info = self.opts.app_label, self.opts.model_name
        pages = editing_pages
        return [
            path(route, self.admin_site.admin_view(lambda request, *args, _view=view, **kwargs: _view(self, request, *args, **kwargs)),
                 name="%s_%s_%s" % (*info, name))
            for route, view, name in (
                ("<int:object_id>/edit-text/", pages.claim_edit_text_view, "edit_text"),
                ("<int:object_id>/split/", pages.claim_split_view, "split"),
                ("<int:object_id>/merge/<int:suggestion_id>/", pages.claim_merge_view, "merge"),
                ("<int:object_id>/note/", pages.claim_note_view, "note"),
                ("<int:object_id>/assign/", pages.claim_assign_view, "assign"),
                ("<int:object_id>/cite-source/", pages.source_cite_view, "cite_source"),
            )
        ]  # fmt: skip

    def publish_view(self, request, object_id=None):
        """Show what readers will get; publish only on an explicit, fresh confirmation."""
        if not self.has_publish_permission(request):
            raise PermissionDenied
        ids = [object_id] if object_id else [i for i in request.POST.getlist("ids") or request.GET.getlist("ids")]
        claims = list(
            Claim.objects.filter(pk__in=[i for i in map(str, ids) if i.isdigit()])
            .select_related("verdict__rating", "verdict__reviewer")
            .order_by("-checkworthiness")
        )
        if object_id and not claims:
            raise PermissionDenied
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            versions = {k.removeprefix("version-"): v for k, v in request.POST.items() if k.startswith("version-")}
            published, problems = 0, []
            for claim in claims:
                if getattr(claim, "verdict", None) is None or not versions.get(str(claim.pk)):
                    problems.append(f"“{claim.text[:60]}”: the verdict changed after you reviewed it; review it again.")
                    continue
                try:
                    services.verdict_publish(claim=claim, actor=request.user, expected_version=versions[str(claim.pk)])
                    published += 1
                except DomainError as exc:
                    problems.append(f"“{claim.text[:60]}”: {exc.message}")
            if published:
                self.message_user(request, f"Published {published} verdict(s).", messages.SUCCESS)
            for problem in problems:
                self.message_user(request, problem, messages.ERROR)
            if object_id:
                return HttpResponseRedirect(self._claim_url(claims[0]))
            return HttpResponseRedirect(reverse("admin:claims_claim_changelist"))
        ready = [c for c in claims if c.status == Status.VERDICT_READY and getattr(c, "verdict", None)]
        not_ready = [c for c in claims if c not in ready]
        for claim in ready:  # what publishing would publish: a correction's draft, else the verdict itself
            claim.to_publish = getattr(claim.verdict, "correction", None) or claim.verdict
            claim.version = services.verdict_version(verdict=claim.verdict)
            claim.drafted_by = services.verdict_drafted_by(verdict=claim.verdict)
            claim.is_correction = claim.to_publish is not claim.verdict
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Publish this verdict?" if object_id else "Publish these verdicts?",
            "ready": ready,
            "not_ready": not_ready,
            "single": bool(object_id),
            "four_eyes": settings.FACTCHECK_FOUR_EYES,
            "cancel_url": self._claim_url(claims[0]) if object_id else reverse("admin:claims_claim_changelist"),
        }
        return TemplateResponse(request, "admin/claims/claim/publish_confirm.html", context)

    # Bulk actions ---------------------------------------------------------------------------------

    def _bulk(self, request, queryset, op, done_label):
        done, problems = 0, []
        for claim in queryset.order_by():
            try:
                self.perform(request, claim, op)
                done += 1
            except DomainError as exc:
                problems.append(f"“{claim.text[:60]}”: {exc.message}")
        if done:
            self.message_user(request, f"{done} claim(s) {done_label}.", messages.SUCCESS)
        if problems:
            shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more." if len(problems) > 5 else "")
            self.message_user(request, f"{len(problems)} claim(s) skipped. {shown}", messages.WARNING)

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request, queryset):
        self._bulk(request, queryset, "assign_me", "assigned to you")

    @admin.action(description="Start review", permissions=["change"])
    def start_review(self, request, queryset):
        self._bulk(request, queryset, "start_review", "taken into review")

    @admin.action(description="Fetch sources again", permissions=["change"])
    def fetch_sources_again(self, request, queryset):
        self._bulk(request, queryset, "fetch_sources", "sent to the source fetchers")

    @admin.action(description="Mark verdict ready", permissions=["change"])
    def mark_verdict_ready(self, request, queryset):
        self._bulk(request, queryset, "mark_ready", "marked verdict ready")

    @admin.action(description="Dismiss as not check-worthy", permissions=["change"])
    def dismiss(self, request, queryset):
        self._bulk(request, queryset, "dismiss", "dismissed")

    @admin.action(description="Publish verdicts… (asks to confirm)", permissions=["publish"])
    def publish_verdicts(self, request, queryset):
        ids = "&".join(f"ids={pk}" for pk in queryset.values_list("pk", flat=True)[:200])
        return HttpResponseRedirect(reverse("admin:claims_claim_publish_many") + "?" + ids)


def compact_age(moment) -> str:
    """'just now', '5 min', '3 h', '4 d', '6 wk': the queue's age column at a glance."""
    seconds = max(0, (timezone.now() - moment).total_seconds())
    for unit, size in (("wk", 604800), ("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{int(seconds // size)} {unit}"
    return "just now"


def _status_steps(status: str) -> list[dict]:
    order = [Status.NEW, Status.IN_REVIEW, Status.VERDICT_READY, Status.PUBLISHED]
    if status == Status.DISMISSED:
        return [{"label": "Dismissed", "state": "current"}]
    position = order.index(status)
    return [
        {"label": Status(s).label, "state": "done" if i < position else "current" if i == position else "todo"}
        for i, s in enumerate(order)
    ]


def mentions_in_context(claim: Claim) -> list[dict]:
    """Each mention with the article text around its sentence, for highlighting."""
    rows = []
    for mention in claim.mentions.select_related("article__outlet").order_by("article__published_at", "start"):
        text = mention.article.cleaned_text
        start, end = min(mention.start, len(text)), min(mention.end, len(text))
        before_from = max(0, start - CONTEXT_CHARS)
        after_to = min(len(text), end + CONTEXT_CHARS)
        before = text[before_from:start]
        after = text[end:after_to]
        if before_from > 0 and " " in before:
            before = "…" + before[before.index(" ") + 1 :]
        if after_to < len(text) and " " in after:
            after = after[: after.rindex(" ")] + "…"
        rows.append({
            "mention": mention,
            "article": mention.article,
            "before": _BLANK_LINES.sub("\n", before),
            "sentence": text[start:end] or mention.sentence,
            "after": _BLANK_LINES.sub("\n", after),
        })
    return rows


# --- Articles --------------------------------------------------------------------------------------


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

        return super().get_queryset(request).annotate(
            claim_count=selectors._count_of(ClaimMention.objects.filter(article_id=OuterRef("pk")), "article_id")
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
            self.message_user(request, "Extraction started again; the claims update when it finishes.", messages.SUCCESS)
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
                other.claim.status, reverse("admin:claims_claim_change", args=[other.claim_id]),
                other.claim.get_status_display(), other.claim.text[:200], number,
            )  # fmt: skip
            for number, other in enumerate(others, start=2)
        )
        cursor = end
    pieces.append(format_html("{}", text[cursor:]))
    return format_html_join("", "{}", ((p,) for p in pieces))


# --- Small tables ----------------------------------------------------------------------------------


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
class VerdictAdmin(SimpleHistoryAdmin):
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
        extra_context = {**(extra_context or {}), "publications": publications.select_related("published_by", "drafted_by")}
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

from . import admin_accounts, admin_webhooks  # noqa: E402,F401  (accounts: replacing Django's and DRF's admin)
