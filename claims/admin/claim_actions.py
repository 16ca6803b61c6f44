"""The claim page's workflow buttons and the queue's bulk actions: each calls one service; publishing always
passes through a confirmation page that shows the verdict exactly as readers will get it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator

from factcheck.exceptions import DomainError, InvalidInput, InvalidTransition, NotAllowed
from sources.services import claims_fetch_sources, source_add_url

from .. import services
from ..models import (
    Claim,
    ClaimMatchSuggestion,
    Verdict,
)

Status = Claim.Status


# Button labels, in the order the claim page shows them. Which apply to a claim now, and who may press them, is
# the workflow's rule (services.STEPS, services.claim_steps_open); "assign_me" is the "assign" step.
OPERATIONS = {
    "assign_me": "Assign to me",
    "start_review": "Start review",
    "fetch_sources": "Fetch sources again",
    "mark_ready": "Mark verdict ready",
    "send_back": "Send back to review",
    "publish": "Publish…",
    "dismiss": "Dismiss: not check-worthy",
    "restore": "Restore to the queue",
    "unpublish": "Unpublish",
    "correct": "Correct",
    "add_source": "Add source",
}
STEP_OF = {"assign_me": "assign"}
NEEDS_REASON = {"unpublish", "correct"}
NOT_IN_BUTTON_ROW = NEEDS_REASON | {"add_source"}  # these have their own inputs on the page


def _fetch_sources(claim: Claim) -> None:
    claims_fetch_sources(claim_ids=[claim.pk], force=True)


class ClaimWorkflowActions:
    """ClaimAdmin's workflow operations (buttons, bulk actions, the publish confirmation)."""

    actions = [
        "assign_to_me", "start_review", "fetch_sources_again", "mark_verdict_ready", "publish_verdicts", "dismiss",
    ]  # fmt: skip

    def operations_for(self, request, claim: Claim) -> list[tuple[str, str]]:
        """The buttons this person may press on this claim now."""
        if not self.has_change_permission(request, claim):
            return []
        steps = set(services.claim_steps_open(claim=claim, actor=request.user))
        verdict = Verdict.objects.filter(claim=claim).first() if "publish" in steps else None
        if verdict is not None and services.verdict_four_eyes_blocks(verdict=verdict, actor=request.user):
            steps.discard("publish")  # another editor publishes what this one drafted
        return [
            (name, label)
            for name, label in OPERATIONS.items()
            if STEP_OF.get(name, name) in steps and not (name == "assign_me" and claim.assignee_id == request.user.pk)
        ]

    def run_operation(self, request, claim, op):
        if op not in dict(self.operations_for(request, claim)):
            label = OPERATIONS.get(op, "That action").rstrip("…")
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
        label = OPERATIONS.get(op, op)
        if STEP_OF.get(op, op) not in services.claim_steps_open(claim=claim):
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
            source = source_add_url(claim_id=claim.pk, url=reason, actor=user)
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
        else:
            try:
                outcome = services.claim_match_decide(suggestion=suggestion, decision=decision, actor=request.user)
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
            # On the claim's own page the message needs no name; in a batch it names each claim (shortened, with “…”).
            def about(claim):
                return "" if object_id else f"“{Truncator(claim.text).chars(60)}”: "

            versions = {k.removeprefix("version-"): v for k, v in request.POST.items() if k.startswith("version-")}
            published, problems = 0, []
            for claim in claims:
                if getattr(claim, "verdict", None) is None or not versions.get(str(claim.pk)):
                    problems.append(f"{about(claim)}The verdict changed after you reviewed it; review it again.")
                    continue
                try:
                    services.verdict_publish(claim=claim, actor=request.user, expected_version=versions[str(claim.pk)])
                    published += 1
                except DomainError as exc:
                    problems.append(f"{about(claim)}{exc.message}")
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
                problems.append(f"“{Truncator(claim.text).chars(60)}”: {exc.message}")
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
