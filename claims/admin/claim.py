"""The claim page: the claim, its mentions in context, evidence, verdict form and workflow buttons."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse

from factcheck.exceptions import DomainError
from sources.models import ClaimFetch, Evidence, Lead, SourceRequest

from .. import bands, selectors, services
from ..models import (
    Claim,
    Verdict,
)
from ..services.notes import assignable_users, claim_notes
from . import editing as editing_pages
from .claim_actions import NOT_IN_BUTTON_ROW, ClaimWorkflowActions
from .claim_form import ClaimReviewForm
from .history import FullChangesHistoryAdmin
from .queue import QueueColumns

Status = Claim.Status
CONTEXT_CHARS = 220  # article text shown either side of a mention's sentence
_BLANK_LINES = re.compile(r"\n\s*\n+")  # web text is full of them; one line break reads the same


@admin.register(Claim)
class ClaimAdmin(QueueColumns, ClaimWorkflowActions, FullChangesHistoryAdmin):
    form = ClaimReviewForm
    readonly_fields = ("status", "normalized_text")
    fieldsets = (
        ("Verdict", {"fields": ("rating", "claim_reviewed", "explanation", "sources"), "classes": ("fc-verdict",)}),
        ("Claim details", {"fields": (("claim_type", "about_date"), ("checkworthiness",)), "classes": ("collapse",)}),
    )  # the assignee has its own form at the top of the claim page
    history_list_display = ("status", "assignee")

    class Media:
        css = {"all": ["claims/admin.css"]}
        js = ["claims/claim_editing.js"]

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
                publish_by_another=bool(
                    verdict is not None
                    and claim.status == Claim.Status.VERDICT_READY
                    and services.verdict_four_eyes_blocks(verdict=verdict, actor=request.user)
                ),
                mentions=mentions_in_context(claim),
                evidence=Evidence.objects.filter(claim=claim).select_related("source__outlet").order_by("-relevance"),
                fetches=ClaimFetch.objects.filter(claim=claim).order_by("fetcher"),
                similar=selectors.claim_similar(claim=claim),
                contradictions=selectors.claim_contradictions(claim=claim),
                leads=Lead.objects.filter(claim=claim).select_related("source__outlet").order_by("id"),
                can_decide_matches=request.user.has_perm("claims.change_claimmatchsuggestion"),
                status_steps=_status_steps(claim.status),
                verdict_editable=self.verdict_editable(request, claim),
                **self.editing_context(request, claim, verdict_public=bool(verdict and verdict.is_published)),
                worth_band=bands.band_of(claim.checkworthiness),
                fetch_line=settings.FACTCHECK_FETCH_MIN_CHECKWORTHINESS,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def editing_context(self, request, claim, *, verdict_public: bool = False) -> dict:
        """What the claim page shows of the editors' own work: notes, assignment, sources cited by hand.

        While a correction is drafted its published verdict stays public and reads the claim's text live, so the
        rewrite and split links are not offered (the service refuses them; see services.editing)."""
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
            "can_fix_claim": can_edit
            and claim.status in editing_pages.editing.EDITABLE_STATUSES
            and not verdict_public,
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

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:object_id>/publish/", self.admin_site.admin_view(self.publish_view), name="%s_%s_publish" % info
            ),
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
        rows.append(
            {
                "mention": mention,
                "article": mention.article,
                "before": _BLANK_LINES.sub("\n", before),
                "sentence": text[start:end] or mention.sentence,
                "after": _BLANK_LINES.sub("\n", after),
            }
        )
    return rows
