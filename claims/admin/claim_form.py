"""The claim page's form: the verdict drafted beside the claim, only while the claim is under review."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html

from sources.models import Evidence, Source, SourceRequest

from ..claimreview import CLAIM_REVIEWED_GUIDE
from ..models import (
    Claim,
    Rating,
    Verdict,
)
from ..services.notes import assignable_users

Status = Claim.Status


class ClaimReviewForm(forms.ModelForm):
    """The claim's editable fields plus its verdict draft; saved through services, never directly."""

    rating = forms.ModelChoiceField(
        queryset=Rating.objects.none(), required=False, widget=forms.RadioSelect, empty_label=None,
        help_text="The step of the scale readers will see.",
    )  # fmt: skip
    explanation = forms.CharField(
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 7, "placeholder": "What the evidence shows, for readers, in plain words."}
        ),
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
        source_ids = (
            set(Evidence.objects.filter(claim=claim).values_list("source_id", flat=True)) if claim.pk else set()
        )
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
