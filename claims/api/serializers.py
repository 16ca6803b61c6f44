"""Read serializers shape the answers; write serializers only parse input for a service.

Nothing here saves: the views hand validated data to `claims.services`.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import bands, selectors
from claims.links import path_template, public_claim_url, public_claim_url_template, public_source_url
from claims.models import Article, ArticleFetch, Claim, ClaimMention, Outlet, Rating, Verdict, VerdictCorrection
from sources.models import ClaimFetch, Evidence, Source

# --- Read ----------------------------------------------------------------------------------------


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain"]


class ArticleSerializer(serializers.ModelSerializer):
    outlet = OutletSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Article
        fields = [
            "id", "url", "title", "outlet", "published_at", "byline", "language",
            "ingested_at", "extraction_status",
        ]  # fmt: skip


class ArticleSummarySerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", default=None, allow_null=True, read_only=True)

    class Meta:
        model = Article
        fields = ["id", "url", "title", "outlet", "published_at"]


class MentionSerializer(serializers.ModelSerializer):
    article = ArticleSummarySerializer(read_only=True)

    class Meta:
        model = ClaimMention
        fields = ["id", "article", "sentence", "start", "end", "speaker", "cited_source", "is_direct_quote"]


@extend_schema_field(serializers.URLField(allow_null=True))
class PublicSourceURLField(serializers.ReadOnlyField):
    """A source's URL as the public may see it (claims.links.public_source_url): http(s), never an admin page."""

    def to_representation(self, value):
        return public_source_url(value)


class ReaderStatusField(serializers.ChoiceField):
    """A claim's status as the requesting reader may see it (selectors.claim_status_for): readers see a claim whose
    verdict is published as published, also while editors draft its correction."""

    def __init__(self, **kwargs):
        super().__init__(choices=Claim.Status.choices, read_only=True, **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        return selectors.claim_status_for(value, user=getattr(request, "user", None))


class SourceSummarySerializer(serializers.ModelSerializer):
    url = PublicSourceURLField()

    class Meta:
        model = Source
        fields = ["id", "url", "title", "kind", "published_at"]


class EvidenceSummarySerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True)

    class Meta:
        model = Evidence
        fields = ["id", "source", "passage", "relevance", "stance", "stance_reason", "fetcher", "published_after_claim"]


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["name", "value"]


class VerdictSummarySerializer(serializers.ModelSerializer):
    rating = RatingSerializer(read_only=True)

    class Meta:
        model = Verdict
        fields = ["id", "rating", "published_at", "corrected_at"]


class CheckworthinessSignalSerializer(serializers.Serializer):
    signal = serializers.CharField(help_text="A reason for the check-worthiness score, in words.")
    push = serializers.FloatField(help_text="Its push on the score's log-odds: above 0 raises it, below 0 lowers it.")


class ClaimSerializer(serializers.ModelSerializer):
    status = ReaderStatusField()
    mentions = MentionSerializer(many=True, read_only=True)
    checkworthiness = serializers.FloatField(
        read_only=True, help_text="Calibrated probability that a fact-checker would call the claim check-worthy, 0-1."
    )
    checkworthiness_band = serializers.SerializerMethodField()
    checkworthiness_signals = serializers.SerializerMethodField()
    evidence = EvidenceSummarySerializer(many=True, read_only=True)
    verdict = serializers.SerializerMethodField()
    public_url = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id", "text", "claim_type", "checkworthiness", "checkworthiness_band", "checkworthiness_signals", "status",
            "about_date", "created_at", "updated_at", "verdict", "public_url", "mentions", "evidence",
        ]  # fmt: skip

    @extend_schema_field(serializers.ChoiceField(choices=[band.key for band in bands.BANDS]))
    def get_checkworthiness_band(self, claim: Claim) -> str:
        return bands.band_of(claim.checkworthiness).key

    @extend_schema_field(CheckworthinessSignalSerializer(many=True))
    def get_checkworthiness_signals(self, claim: Claim) -> list[dict]:
        return [{"signal": words, "push": push} for words, push in claim.checkworthiness_signals]

    @extend_schema_field(VerdictSummarySerializer(allow_null=True))
    def get_verdict(self, claim: Claim):
        # The queryset already hides unpublished claims from the public; staff see drafts too.
        verdict = getattr(claim, "verdict", None) if hasattr(claim, "verdict") else None
        return VerdictSummarySerializer(verdict).data if verdict is not None else None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_public_url(self, claim: Claim):
        verdict = getattr(claim, "verdict", None) if hasattr(claim, "verdict") else None
        if verdict is not None and verdict.published_at:
            return public_claim_url(claim.pk)
        return None


class ClaimSummarySerializer(serializers.ModelSerializer):
    status = ReaderStatusField()

    class Meta:
        model = Claim
        fields = ["id", "text", "status"]


class VerdictSerializer(serializers.ModelSerializer):
    claim = ClaimSummarySerializer(read_only=True)
    rating = RatingSerializer(read_only=True)
    sources = SourceSummarySerializer(many=True, read_only=True)
    public_url = serializers.SerializerMethodField()
    claimreview_url = serializers.SerializerMethodField()

    class Meta:
        model = Verdict
        fields = [
            "id", "claim", "rating", "explanation", "claim_reviewed", "sources", "published_at", "first_published_at",
            "corrected_at", "correction_reason", "created_at", "updated_at", "public_url", "claimreview_url",
        ]  # fmt: skip

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_public_url(self, verdict: Verdict):
        return public_claim_url(verdict.claim_id) if verdict.published_at else None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_claimreview_url(self, verdict: Verdict):
        if not verdict.published_at:
            return None
        path = reverse("verdict-claimreview", args=[verdict.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class FastVerdictSerializer(VerdictSerializer):
    """The same output as VerdictSerializer, built directly from a flat row: the published-verdict
    list is the API's busiest read, and DRF's generic field machinery plus three model instances per
    row cost more than the database on a 50-row page. tests/api/test_verdict_serializer.py checks
    that both produce identical data."""

    def to_representation(self, verdict):
        if not isinstance(verdict, dict):
            verdict = selectors.verdict_row(verdict)
        if "sources" not in verdict:
            selectors.verdicts_attach_sources([verdict])
        return verdict_representation(verdict, self._context_constants())

    def _context_constants(self) -> dict:
        # Computed once per request, shared by every row: the URL templates and the time zone.
        context = self.context if isinstance(self.context, dict) else {}
        if "_verdict_constants" not in context:
            claimreview = path_template("verdict-claimreview")
            request = context.get("request")
            if request:
                claimreview = request.build_absolute_uri(claimreview.replace("{}", "0")).replace("/0/", "/{}/")
            tz = timezone.get_current_timezone()
            context["_verdict_constants"] = {
                "user": getattr(request, "user", None),
                "public": public_claim_url_template(),
                "claimreview": claimreview,
                "tz": tz,
                # Database values carry datetime.timezone.utc: with TIME_ZONE "UTC" they need no conversion.
                "same_tz": (tz, dt.UTC) if getattr(tz, "key", None) == "UTC" else (tz,),
            }
        return context["_verdict_constants"]


class VerdictCorrectionSerializer(serializers.ModelSerializer):
    """The correction being drafted for a published verdict (staff only; readers keep the published version)."""

    rating = RatingSerializer(read_only=True)
    sources = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    drafted_by = serializers.CharField(source="reviewer.username", default=None, allow_null=True, read_only=True)

    class Meta:
        model = VerdictCorrection
        fields = ["rating", "explanation", "sources", "reason", "drafted_by", "created_at", "updated_at"]


class VerdictDetailSerializer(VerdictSerializer):
    """One verdict as the single-verdict endpoints answer: `correction` is the draft of a correction in
    progress, shown to staff; always null for the public."""

    correction = VerdictCorrectionSerializer(read_only=True, allow_null=True)

    class Meta(VerdictSerializer.Meta):
        fields = [*VerdictSerializer.Meta.fields, "correction"]


def verdict_representation(row: dict, constants: dict) -> dict:
    tz, same_tz = constants["tz"], constants["same_tz"]

    def when(value):
        if value is None:
            return None
        if value.tzinfo not in same_tz:
            value = value.astimezone(tz)
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    published = row["published_at"] is not None
    return {
        "id": row["id"],
        "claim": {
            "id": row["claim_id"],
            "text": row["claim__text"],
            "status": selectors.claim_status_for(row["claim__status"], user=constants["user"]),
        },
        "rating": {"name": row["rating__name"], "value": row["rating__value"]},
        "explanation": row["explanation"],
        "claim_reviewed": row["claim_reviewed"],
        "sources": [
            {
                "id": s["id"],
                "url": public_source_url(s["url"]),
                "title": s["title"],
                "kind": s["kind"],
                "published_at": when(s["published_at"]),
            }
            for s in row["sources"]
        ],
        "published_at": when(row["published_at"]),
        "first_published_at": when(row["first_published_at"]),
        "corrected_at": when(row["corrected_at"]),
        "correction_reason": row["correction_reason"],
        "created_at": when(row["created_at"]),
        "updated_at": when(row["updated_at"]),
        "public_url": constants["public"].format(row["claim_id"]) if published else None,
        "claimreview_url": constants["claimreview"].format(row["id"]) if published else None,
    }


# --- Write ---------------------------------------------------------------------------------------


class VerdictWriteSerializer(serializers.Serializer):
    """A draft verdict: the claim (on create), a rating by name, the explanation and its sources."""

    claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all(), required=False)
    rating = serializers.SlugRelatedField(slug_field="name", queryset=Rating.objects.all(), required=False)
    explanation = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    sources = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), many=True, required=False)
    claim_reviewed = serializers.CharField(
        required=False, allow_blank=True, max_length=2000,
        help_text="ClaimReview's claimReviewed: a short statement of the claim (under 75 characters is "
        "Google's guide; never cut). Empty: the claim's text.",
    )  # fmt: skip

    def validate(self, attrs):
        if self.instance is None:
            missing = [name for name in ("claim", "rating", "explanation") if name not in attrs]
            if missing:
                raise serializers.ValidationError({name: ["This field is required."] for name in missing})
        elif "claim" in attrs and attrs["claim"].pk != self.instance.claim_id:
            raise serializers.ValidationError({"claim": ["A verdict stays with its claim."]})
        return attrs


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, allow_blank=True)


MAX_HTML_CHARS = 5_000_000  # fits DATA_UPLOAD_MAX_MEMORY_SIZE once written as JSON


class ArticleIngestSerializer(serializers.Serializer):
    """The article as text or as HTML (with its URL, optional, as its address), or only its URL to fetch."""

    text = serializers.CharField(required=False, allow_blank=False, max_length=2_000_000)
    html = serializers.CharField(required=False, allow_blank=False, max_length=MAX_HTML_CHARS)
    url = serializers.URLField(required=False, max_length=2000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    outlet_name = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    published_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16, default="")

    def validate(self, attrs):
        if attrs.get("text") and attrs.get("html"):
            raise serializers.ValidationError("Send the article as text or as HTML, not both.")
        if not (attrs.get("text") or attrs.get("html") or attrs.get("url")):
            raise serializers.ValidationError("Send the article's text, its HTML or its URL.")
        return attrs


class ArticleFetchSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArticleFetch
        fields = ["id", "url", "status", "error", "article", "created_at", "finished_at"]


class ArticleFetchResponseSerializer(serializers.Serializer):
    fetch = ArticleFetchSerializer()
    status_url = serializers.URLField()


class ArticleIngestResponseSerializer(serializers.Serializer):
    article = ArticleSerializer()
    created = serializers.BooleanField()
    status_url = serializers.URLField()


class FetchSourcesRequestSerializer(serializers.Serializer):
    fetchers = serializers.ListField(child=serializers.CharField(max_length=32), required=False, max_length=20,
                                     help_text="Fetcher names; all enabled fetchers when left out.")  # fmt: skip
    force = serializers.BooleanField(required=False, default=True, help_text="Run again those already done.")


class ClaimFetchSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClaimFetch
        fields = [
            "fetcher",
            "status",
            "error",
            "attempts",
            "sources_found",
            "requested_at",
            "started_at",
            "finished_at",
        ]


class FetchSourcesResponseSerializer(serializers.Serializer):
    claim = serializers.IntegerField()
    fetches = ClaimFetchSerializer(many=True)
    status_url = serializers.URLField()
