"""The claim workflow over the API, as in the admin: start review, assign, dismiss and restore; rewrite, split,
add and merge claims; internal notes; sources cited by hand. Same services, same permissions.

A "same claim" merge is confirmed the way the admin's confirmation page does it: the caller reads the plan
(GET .../merges: which claim stays, which mentions and speakers move) and confirms naming what it saw.

Routes sit under /api/v1/claims/ beside the read endpoints (claims.api.views.ClaimViewSet). Every claim is
looked up through `claims.selectors.claim_list_visible`, so a caller who may not see a claim gets a 404
before any permission or body is judged; the services check the permission again.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied
from rest_framework.response import Response

from claims import selectors, services
from claims.models import Claim, ClaimMatchSuggestion, ClaimMention, ClaimNote
from claims.services import REVIEW_PERMISSION, editing, notes
from factcheck.api_pagination import MAX_ID
from factcheck.api_permissions import ActionPermission
from factcheck.exceptions import DomainError
from sources.models import ClaimFetch, Evidence, Source

from .serializers import ClaimSerializer, ReasonSerializer, SourceSummarySerializer

MATCH_PERMISSION = services.MATCH_PERMISSION

# --- Serializers ----------------------------------------------------------------------------------


class ClaimWorkSerializer(ClaimSerializer):
    """A claim as the people working on it see it: the public fields plus the extracted text and the assignee."""

    assignee = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "extracted_text", "assignee"]


class AssignSerializer(serializers.Serializer):
    assignee = serializers.IntegerField(allow_null=True, min_value=1, max_value=MAX_ID,
                                        help_text="The user id of a reviewer or editor; null to unassign.")  # fmt: skip


class ClaimTextSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=editing.MAX_CLAIM_CHARS, allow_blank=True)


class SplitPartSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=editing.MAX_CLAIM_CHARS, allow_blank=True)
    mention_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), max_length=500,
        help_text="The mentions of the claim that make this part (each is copied with its speaker and cited source).",
    )  # fmt: skip


class SplitSerializer(serializers.Serializer):
    first_text = serializers.CharField(max_length=editing.MAX_CLAIM_CHARS, allow_blank=True,
                                       help_text="The claim's own new text: it becomes the first part.")  # fmt: skip
    parts = SplitPartSerializer(many=True, help_text="The further parts, each a new claim.")

    def validate_parts(self, value):
        if len(value) > 20:
            raise serializers.ValidationError("Split into at most 20 further parts.")
        return value


class AddFromArticleSerializer(serializers.Serializer):
    article = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    start = serializers.IntegerField(min_value=0, max_value=10**9, help_text="Offset in the article's cleaned text.")
    end = serializers.IntegerField(min_value=1, max_value=10**9)
    text = serializers.CharField(max_length=editing.MAX_CLAIM_CHARS, required=False, allow_blank=True, default="",
                                 help_text="The claim's wording; empty: the selected passage.")  # fmt: skip
    speaker = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    cited_source = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class NoteSerializer(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = ClaimNote
        fields = ["id", "author", "text", "created_at"]
        read_only_fields = ["id", "author", "created_at"]
        extra_kwargs = {"text": {"max_length": notes.MAX_NOTE_CHARS, "allow_blank": True}}


class CiteSourceSerializer(serializers.Serializer):
    url = serializers.CharField(max_length=2000)
    title = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    published_at = serializers.DateField(required=False, allow_null=True, default=None)
    archive_url = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class CitedSourceSerializer(SourceSummarySerializer):
    fetch_status = serializers.CharField(help_text='"fetched" or "not fetched"')
    fetch_reason = serializers.CharField(help_text="Why it is not fetched, for a person; empty once fetched.")

    class Meta(SourceSummarySerializer.Meta):
        fields = [*SourceSummarySerializer.Meta.fields, "archive_url", "fetch_status", "fetch_reason"]


class MergeMentionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    article = serializers.IntegerField(source="article_id")
    article_title = serializers.CharField(source="article.title")
    sentence = serializers.CharField()
    speaker = serializers.CharField(help_text="The mention's own speaker: it moves with the mention.")
    cited_source = serializers.CharField()


class MergePlanSerializer(serializers.Serializer):
    suggestion = serializers.IntegerField(source="suggestion.pk")
    score = serializers.FloatField(source="suggestion.score")
    kept = serializers.IntegerField(source="kept.pk", help_text="The claim that stays.")
    kept_text = serializers.CharField(source="kept.text")
    absorbed = serializers.IntegerField(source="absorbed.pk", help_text="The claim folded in and deleted.")
    absorbed_text = serializers.CharField(source="absorbed.text")
    moving = MergeMentionSerializer(many=True, help_text="The absorbed claim's mentions that move to the kept claim.")
    dropped = MergeMentionSerializer(many=True, source="duplicates",
                                     help_text="Mentions of a passage the kept claim already has.")  # fmt: skip
    can_take_text = serializers.BooleanField(help_text="Whether the kept claim may take the absorbed claim's wording.")
    lost_names = serializers.ListField(child=serializers.CharField(),
                                       help_text="Names only the absorbed claim's wording carries.")  # fmt: skip


class MergeDecisionSerializer(serializers.Serializer):
    suggestion = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    decision = serializers.ChoiceField(choices=["confirmed", "rejected"])
    kept = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False,
                                    help_text="Confirmed: the kept claim as the plan showed it (GET .../merges).")  # fmt: skip
    absorbed = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    take_text = serializers.BooleanField(required=False, default=False,
                                         help_text="Confirmed: the kept claim takes the absorbed claim's wording.")  # fmt: skip

    def validate(self, attrs):
        if attrs["decision"] == "confirmed" and not ("kept" in attrs and "absorbed" in attrs):
            raise serializers.ValidationError("A confirmed merge names the kept and absorbed claims it was shown.")
        return attrs


# --- Views -----------------------------------------------------------------------------------------


class ClaimWorkViewSet(viewsets.GenericViewSet):
    """Workflow steps on one claim; the staff's view of a claim comes back after each."""

    permission_classes = [ActionPermission]
    serializer_class = ClaimWorkSerializer
    lookup_value_regex = "[0-9]+"
    pagination_class = None
    filterset_class = None
    action_permissions = {
        name: REVIEW_PERMISSION
        for name in (
            "start_review",
            "assign",
            "dismiss",
            "restore",
            "text",
            "split",
            "from_article",
            "notes",
            "sources",
        )
    } | {"merges": MATCH_PERMISSION}

    def get_queryset(self):
        mentions = ClaimMention.objects.select_related("article__outlet").order_by("article_id", "start")
        evidence = Evidence.objects.select_related("source").order_by("-relevance", "id")
        return (
            selectors.claim_list_visible(user=self.request.user)
            .select_related("verdict__rating", "assignee")
            .prefetch_related(Prefetch("mentions", queryset=mentions), Prefetch("evidence", queryset=evidence))
        )

    def get_object(self):
        if int(self.kwargs["pk"]) > MAX_ID:
            raise NotFound()
        return super().get_object()

    def _claim(self, claim: Claim, code=status.HTTP_200_OK) -> Response:
        return Response(ClaimWorkSerializer(self.get_queryset().get(pk=claim.pk), context={"request": self.request}).data,
                        status=code)  # fmt: skip

    @staticmethod
    def _body(serializer_class, request) -> dict:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @extend_schema(summary="Take a new claim into review (reviewers); the caller becomes its assignee if it has none",
                   request=None, responses={200: ClaimWorkSerializer})  # fmt: skip
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request, pk=None):
        return self._claim(services.claim_start_review(claim=self.get_object(), actor=request.user))

    @extend_schema(summary="Assign the claim to a reviewer or editor, or unassign it (reviewers)",
                   request=AssignSerializer, responses={200: ClaimWorkSerializer})  # fmt: skip
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        claim = self.get_object()
        user_id = self._body(AssignSerializer, request)["assignee"]
        assignee = None
        if user_id is not None:
            assignee = notes.assignable_users().filter(pk=user_id).first()
            if assignee is None:
                raise serializers.ValidationError({"assignee": ["No reviewer or editor has this id."]})
        return self._claim(services.claim_assign(claim=claim, assignee=assignee, actor=request.user))

    @extend_schema(summary="Dismiss the claim as not check-worthy (reviewers)", request=ReasonSerializer,
                   responses={200: ClaimWorkSerializer})  # fmt: skip
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        claim = self.get_object()
        reason = self._body(ReasonSerializer, request)["reason"]
        return self._claim(services.claim_dismiss(claim=claim, actor=request.user, reason=reason))

    @extend_schema(summary="Restore a dismissed claim to the queue (reviewers)", request=None,
                   responses={200: ClaimWorkSerializer})  # fmt: skip
    @action(detail=True, methods=["post"])
    def restore(self, request, pk=None):
        return self._claim(services.claim_restore(claim=self.get_object(), actor=request.user))

    @extend_schema(summary="Rewrite the claim's text; the extracted text stays on record (reviewers)",
                   request=ClaimTextSerializer, responses={200: ClaimWorkSerializer})  # fmt: skip
    @action(detail=True, methods=["post"])
    def text(self, request, pk=None):
        claim = self.get_object()
        text = self._body(ClaimTextSerializer, request)["text"]
        return self._claim(editing.claim_edit_text(claim=claim, text=text, actor=request.user))

    @extend_schema(summary="Split the claim: it keeps first_text, each part becomes a new claim with the mentions "
                   "chosen for it (reviewers)", request=SplitSerializer,
                   responses={201: ClaimWorkSerializer(many=True)})  # fmt: skip
    @action(detail=True, methods=["post"])
    def split(self, request, pk=None):
        claim = self.get_object()
        data = self._body(SplitSerializer, request)
        parts = [editing.SplitPart(part["text"], tuple(part["mention_ids"])) for part in data["parts"]]
        claims = editing.claim_split(claim=claim, first_text=data["first_text"], parts=parts, actor=request.user)
        rows = self.get_queryset().in_bulk([c.pk for c in claims])
        body = ClaimWorkSerializer([rows[c.pk] for c in claims], many=True, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Add a claim the machine missed, from a span of an article's text (reviewers)",
                   request=AddFromArticleSerializer, responses={201: ClaimWorkSerializer})  # fmt: skip
    @action(detail=False, methods=["post"], url_path="from-article")
    def from_article(self, request):
        data = self._body(AddFromArticleSerializer, request)
        article = selectors.article_list_visible(user=request.user).filter(pk=data.pop("article")).first()
        if article is None:
            raise serializers.ValidationError({"article": ["No article has this id."]})
        claim = editing.claim_add_from_article(article=article, actor=request.user, **data)
        return self._claim(claim, status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], summary="The claim's internal notes, oldest first (staff; never public)",
                   request=None, responses={200: NoteSerializer(many=True)})  # fmt: skip
    @extend_schema(methods=["POST"], summary="Add an internal note to the claim (reviewers)",
                   request=NoteSerializer, responses={201: NoteSerializer})  # fmt: skip
    @action(detail=True, methods=["get", "post"])
    def notes(self, request, pk=None):
        self._staff_only(request)
        claim = self.get_object()
        if request.method == "GET":
            return Response(NoteSerializer(notes.claim_notes(claim=claim), many=True).data)
        text = self._body(NoteSerializer, request)["text"]
        note = notes.claim_note_add(claim=claim, text=text, actor=request.user)
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], summary="Sources cited by hand for this claim, fetched or not and why (staff)",
                   request=None, responses={200: CitedSourceSerializer(many=True)})  # fmt: skip
    @extend_schema(methods=["POST"], summary="Cite a source by URL with title, date and archive link; kept and "
                   "citable even when it cannot be fetched (reviewers)", request=CiteSourceSerializer,
                   responses={201: CitedSourceSerializer})  # fmt: skip
    @action(detail=True, methods=["get", "post"])
    def sources(self, request, pk=None):
        from sources.citing import source_cite

        self._staff_only(request)
        claim = self.get_object()
        url_fetch = ClaimFetch.objects.filter(claim=claim, fetcher="url").first()
        if request.method == "POST":
            source = source_cite(claim=claim, actor=request.user, **self._body(CiteSourceSerializer, request))
            url_fetch = ClaimFetch.objects.filter(claim=claim, fetcher="url").first()
            return Response(self._cited(source, url_fetch), status=status.HTTP_201_CREATED)
        cited = Source.objects.filter(requests__claim=claim).order_by("requests__created_at", "pk")
        return Response([self._cited(source, url_fetch) for source in cited])

    @extend_schema(methods=["GET"], summary="The pending 'same claim?' suggestions of this claim, each with the merge "
                   "it would make: which claim stays, which mentions and speakers move (staff)", request=None,
                   responses={200: MergePlanSerializer(many=True)})  # fmt: skip
    @extend_schema(methods=["POST"], summary="Decide a suggestion: rejected, or confirmed as the plan showed it "
                   "(editors who decide matches)", request=MergeDecisionSerializer,
                   responses={200: ClaimWorkSerializer})  # fmt: skip
    @action(detail=True, methods=["get", "post"])
    def merges(self, request, pk=None):
        self._staff_only(request)
        claim = self.get_object()
        pending = ClaimMatchSuggestion.objects.filter(
            Q(claim=claim) | Q(candidate=claim), decision=ClaimMatchSuggestion.Decision.PENDING
        ).select_related("claim", "candidate")
        if request.method == "GET":
            plans = []
            for suggestion in pending.order_by("-score", "pk"):
                try:
                    plans.append(editing.claim_merge_plan(suggestion=suggestion))
                except DomainError:  # neither claim may be absorbed: only a rejection is possible
                    continue
            return Response(MergePlanSerializer(plans, many=True).data)
        data = self._body(MergeDecisionSerializer, request)
        suggestion = ClaimMatchSuggestion.objects.filter(
            Q(claim=claim) | Q(candidate=claim), pk=data["suggestion"]
        ).first()
        if suggestion is None:
            raise serializers.ValidationError({"suggestion": ["This claim has no suggestion with this id."]})
        if data["decision"] == "rejected":
            services.claim_match_decide(suggestion=suggestion, decision="rejected", actor=request.user)
            return self._claim(claim)
        kept = editing.claim_merge_confirm(suggestion=suggestion, actor=request.user, kept_id=data["kept"],
                                           absorbed_id=data["absorbed"], take_text=data["take_text"])  # fmt: skip
        return self._claim(kept)

    @staticmethod
    def _cited(source: Source, url_fetch) -> dict:
        from sources.citing import source_fetch_state

        state = source_fetch_state(source, claim_fetch=url_fetch)
        source.fetch_status, source.fetch_reason = state.label, state.reason
        return CitedSourceSerializer(source).data

    @staticmethod
    def _staff_only(request) -> None:
        if not selectors.user_sees_unpublished(request.user):
            raise NotAuthenticated() if not request.user.is_authenticated else PermissionDenied()


__all__ = ["ClaimWorkViewSet"]
