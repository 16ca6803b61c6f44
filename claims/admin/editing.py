"""The admin pages where editors repair claims (claims.services.editing) and work on them together (claims.services.notes).

Each page parses the form, calls one service, and tells the editor what happened; a DomainError becomes
the page's error message, never a 500. ClaimAdmin and ArticleAdmin route to these (their get_urls).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from factcheck.exceptions import DomainError

from .. import services
from ..models import Article, Claim, ClaimMatchSuggestion, ClaimMention
from ..services import editing, notes

SPLIT_SLOTS = 3  # further parts offered on the split page


def _claim_url(claim_id: int) -> str:
    return reverse("admin:claims_claim_change", args=[claim_id])


def _context(model_admin, request, **extra) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": model_admin.opts, **extra}


def _reviewer_only(request) -> None:
    if not request.user.has_perm(services.REVIEW_PERMISSION):
        raise PermissionDenied


def claim_edit_text_view(model_admin, request, object_id):
    _reviewer_only(request)
    claim = get_object_or_404(Claim, pk=object_id)
    error = None
    if request.method == "POST":
        try:
            editing.claim_edit_text(claim=claim, text=request.POST.get("text", ""), actor=request.user)
        except DomainError as exc:
            error = exc.message
        else:
            model_admin.message_user(request, "The claim's text is changed; the extracted text stays on record.",
                                     messages.SUCCESS)  # fmt: skip
            return HttpResponseRedirect(_claim_url(claim.pk))
    context = _context(
        model_admin, request, title=f"Edit the text of claim #{claim.pk}", claim=claim, error=error,
        text=request.POST.get("text", claim.text), cancel_url=_claim_url(claim.pk),
    )  # fmt: skip
    return TemplateResponse(request, "admin/claims/claim/edit_text.html", context)


def claim_split_view(model_admin, request, object_id):
    _reviewer_only(request)
    claim = get_object_or_404(Claim, pk=object_id)
    mentions = list(ClaimMention.objects.filter(claim=claim).select_related("article").order_by("article_id", "start"))
    error = None
    slots = [
        {"number": n, "text": request.POST.get(f"part-{n}", ""),
         "chosen": set(request.POST.getlist(f"part-{n}-mentions")) if request.method == "POST" else None}
        for n in range(2, SPLIT_SLOTS + 2)
    ]  # fmt: skip
    if request.method == "POST":
        parts = [
            editing.SplitPart(slot["text"], tuple(int(i) for i in slot["chosen"] if i.isdigit()))
            for slot in slots
            if slot["text"].strip()
        ]
        try:
            claims = editing.claim_split(
                claim=claim, first_text=request.POST.get("first", ""), parts=parts, actor=request.user
            )
        except DomainError as exc:
            error = exc.message
        else:
            model_admin.message_user(
                request, f"Split into {len(claims)} claims: this one and #{', #'.join(str(c.pk) for c in claims[1:])}.",
                messages.SUCCESS,
            )  # fmt: skip
            return HttpResponseRedirect(_claim_url(claim.pk))
    context = _context(
        model_admin, request, title=f"Split claim #{claim.pk}", claim=claim, mentions=mentions, slots=slots,
        first=request.POST.get("first", claim.text), error=error, cancel_url=_claim_url(claim.pk),
    )  # fmt: skip
    return TemplateResponse(request, "admin/claims/claim/split.html", context)


def claim_merge_view(model_admin, request, object_id, suggestion_id):
    """The confirmation page of a "same claim" decision: which claim stays, which mentions and speakers move."""
    if not request.user.has_perm("claims.change_claimmatchsuggestion"):
        raise PermissionDenied
    suggestion = get_object_or_404(ClaimMatchSuggestion.objects.select_related("claim", "candidate"), pk=suggestion_id)
    if int(object_id) not in (suggestion.claim_id, suggestion.candidate_id):
        raise PermissionDenied
    try:
        plan = editing.claim_merge_plan(suggestion=suggestion)
    except DomainError as exc:
        model_admin.message_user(request, exc.message, messages.ERROR)
        return HttpResponseRedirect(_claim_url(object_id))
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            kept = editing.claim_merge_confirm(
                suggestion=suggestion, actor=request.user,
                kept_id=int(request.POST.get("kept", 0) or 0), absorbed_id=int(request.POST.get("absorbed", 0) or 0),
                take_text=request.POST.get("text") == "absorbed",
            )  # fmt: skip
        except (DomainError, ValueError) as exc:
            model_admin.message_user(request, getattr(exc, "message", "Review the merge again."), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        model_admin.message_user(
            request, f"Merged: claim #{plan.absorbed.pk} and its mentions are now part of this claim.", messages.SUCCESS
        )
        return HttpResponseRedirect(_claim_url(kept.pk))
    context = _context(
        model_admin, request, title="Merge these two claims?", plan=plan, cancel_url=_claim_url(object_id),
    )  # fmt: skip
    return TemplateResponse(request, "admin/claims/claim/merge_confirm.html", context)


def claim_note_view(model_admin, request, object_id):
    _reviewer_only(request)
    claim = get_object_or_404(Claim, pk=object_id)
    if request.method == "POST":
        try:
            notes.claim_note_add(claim=claim, text=request.POST.get("note", ""), actor=request.user)
        except DomainError as exc:
            model_admin.message_user(request, exc.message, messages.ERROR)
        else:
            model_admin.message_user(request, "Note added (visible to editors only).", messages.SUCCESS)
    return HttpResponseRedirect(_claim_url(claim.pk) + "#fc-notes-h")


def claim_assign_view(model_admin, request, object_id):
    _reviewer_only(request)
    claim = get_object_or_404(Claim, pk=object_id)
    if request.method == "POST":
        value = request.POST.get("assignee", "")
        assignee = notes.assignable_users().filter(pk=value).first() if value.isdigit() else None
        if value and assignee is None:
            model_admin.message_user(request, "Choose someone who can review claims.", messages.ERROR)
        else:
            try:
                services.claim_assign(claim=claim, assignee=assignee, actor=request.user)
            except DomainError as exc:
                model_admin.message_user(request, exc.message, messages.ERROR)
            else:
                model_admin.message_user(
                    request, f"Assigned to {assignee.get_username()}." if assignee else "Unassigned.", messages.SUCCESS
                )
    return HttpResponseRedirect(_claim_url(claim.pk))


def source_cite_view(model_admin, request, object_id):
    from sources.citing import source_cite

    _reviewer_only(request)
    claim = get_object_or_404(Claim, pk=object_id)
    if request.method == "POST":
        try:
            source = source_cite(
                claim=claim, url=request.POST.get("url", ""), title=request.POST.get("title", ""),
                published_at=_date_or_none(request.POST.get("published", "")),
                archive_url=request.POST.get("archive_url", ""), actor=request.user,
            )  # fmt: skip
        except DomainError as exc:
            model_admin.message_user(request, exc.message, messages.ERROR)
        else:
            model_admin.message_user(request, f"Source added: {source.title or source.url}. It can be cited now.",
                                     messages.SUCCESS)  # fmt: skip
    return HttpResponseRedirect(_claim_url(claim.pk) + "#fc-cited-h")


def _date_or_none(value: str):
    import datetime as dt

    from factcheck.exceptions import InvalidInput

    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("The source's date must be a date (YYYY-MM-DD).") from None


def article_add_claim_view(model_admin, request, object_id):
    """A claim the machine missed, from the passage an editor selected on the article page."""
    _reviewer_only(request)
    article = get_object_or_404(Article, pk=object_id)
    back = reverse("admin:claims_article_change", args=[article.pk])
    if request.method != "POST":
        return HttpResponseRedirect(back)
    try:
        start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
    except ValueError:
        model_admin.message_user(request, "Select the claim's words in the article text first.", messages.ERROR)
        return HttpResponseRedirect(back)
    try:
        claim = editing.claim_add_from_article(
            article=article, start=start, end=end, text=request.POST.get("text", ""),
            speaker=request.POST.get("speaker", ""), cited_source=request.POST.get("cited_source", ""),
            actor=request.user,
        )  # fmt: skip
    except DomainError as exc:
        model_admin.message_user(request, exc.message, messages.ERROR)
        return HttpResponseRedirect(back)
    model_admin.message_user(request, f"Claim #{claim.pk} added from the selected passage.", messages.SUCCESS)
    return HttpResponseRedirect(_claim_url(claim.pk))
