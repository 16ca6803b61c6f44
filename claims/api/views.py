"""Claims, articles and verdicts over HTTP. Views parse, call one service or selector, and answer.

Every queryset starts from a `claims.selectors` visibility function, so what a reader may see is
decided in one place; writes go through `claims.services`, whose domain errors the exception
handler renders in the one error shape (403 not allowed, 409 invalid transition, 400 invalid input).
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors, services
from claims.claimreview import data_feed
from claims.models import ArticleFetch, ClaimMention, Verdict, VerdictCorrection
from claims.services import PUBLISH_PERMISSION, REVIEW_PERMISSION
from factcheck.api_errors import ErrorSerializer
from factcheck.api_pagination import MAX_ID, IdCursorPagination
from factcheck.api_permissions import ActionPermission
from factcheck.api_rendering import BrowsableAPIRenderer, JSONRenderer
from factcheck.api_views import BoundedIdLookupMixin
from factcheck.exceptions import VersionRequired
from sources.selectors import evidence_list_visible

from .filters import ArticleFilter, ClaimFilter, VerdictFilter
from .serializers import (
    ArticleFetchResponseSerializer,
    ArticleFetchSerializer,
    ArticleIngestResponseSerializer,
    ArticleIngestSerializer,
    ArticleSerializer,
    ClaimFetchSerializer,
    ClaimSerializer,
    FastVerdictSerializer,
    FetchSourcesRequestSerializer,
    FetchSourcesResponseSerializer,
    ReasonSerializer,
    VerdictCorrectionSerializer,
    VerdictDetailSerializer,
    VerdictWriteSerializer,
)


class JSONLDRenderer(JSONRenderer):
    """ClaimReview and its feed are JSON-LD: served as application/ld+json unless the client asks for JSON."""

    media_type = "application/ld+json"
    format = "jsonld"


JSONLD_RENDERERS = [JSONLDRenderer, JSONRenderer, BrowsableAPIRenderer]

# Every error status is documented with the one error shape by factcheck.api_errors.AutoSchema.
ERROR_RESPONSES: dict = {}
ERROR_SHAPE = OpenApiResponse(ErrorSerializer, description="The one error shape.")


def if_match_version(header: str | None) -> str:
    """The verdict version an If-Match header names; VersionRequired (428) when there is none to compare."""
    value = (header or "").strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip().strip('"')
    if not value or value == "*" or "," in value:
        raise VersionRequired(
            "Publishing needs the version you reviewed: send the verdict's ETag (from GET /api/v1/verdicts/{id}/) "
            "as If-Match."
        )
    return value


@extend_schema_view(
    list=extend_schema(summary="Articles: the public sees those that make a published claim"),
    retrieve=extend_schema(summary="One article"),
)
class ArticleViewSet(BoundedIdLookupMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilter
    permission_classes = [ActionPermission]
    action_permissions = {"create": "claims.change_article"}

    def get_queryset(self):
        return selectors.article_list_visible(user=self.request.user).select_related("outlet")

    @extend_schema(
        summary="Ingest an article from text or HTML (extraction runs in the background), or from a URL alone "
        "(fetched in the background: the answer is a fetch to follow at its status URL)",
        request=ArticleIngestSerializer,
        responses={202: PolymorphicProxySerializer(
            component_name="ArticleIngestAccepted", resource_type_field_name=None,
            serializers=[ArticleIngestResponseSerializer, ArticleFetchResponseSerializer],
        ), **ERROR_RESPONSES},
    )  # fmt: skip
    def create(self, request, *args, **kwargs):
        serializer = ArticleIngestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {k: v for k, v in serializer.validated_data.items() if v is not None}
        if "text" not in data and "html" not in data:
            fetch = services.article_fetch_request(**data, actor=request.user)
            status_url = request.build_absolute_uri(reverse("article-fetch-detail", args=[fetch.pk]))
            body = {"fetch": ArticleFetchSerializer(fetch).data, "status_url": status_url}
            return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": status_url})
        article, created = services.article_ingest(**data)
        status_url = request.build_absolute_uri(reverse("article-detail", args=[article.pk]))
        body = {"article": ArticleSerializer(article).data, "created": created, "status_url": status_url}
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": status_url})


@extend_schema_view(
    retrieve=extend_schema(summary="Where the background fetch of an article asked for by URL stands (staff)")
)
class ArticleFetchViewSet(BoundedIdLookupMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ArticleFetchSerializer
    permission_classes = [ActionPermission]

    def get_queryset(self):
        if not selectors.user_sees_unpublished(self.request.user):
            return ArticleFetch.objects.none()  # a 404, as for anything else the reader may not see
        return ArticleFetch.objects.all()


@extend_schema_view(
    list=extend_schema(summary="Claims with their mentions, evidence and status; the public sees published ones"),
    retrieve=extend_schema(summary="One claim"),
)
class ClaimViewSet(BoundedIdLookupMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    permission_classes = [ActionPermission]
    action_permissions = {"fetch_sources": "sources.change_claimfetch"}

    def get_queryset(self):
        mentions = ClaimMention.objects.select_related("article__outlet").order_by("article_id", "start")
        evidence = evidence_list_visible(user=self.request.user).select_related("source").order_by("-relevance", "id")
        return (
            selectors.claim_list_visible(user=self.request.user)
            .select_related("verdict__rating")
            .prefetch_related(Prefetch("mentions", queryset=mentions), Prefetch("evidence", queryset=evidence))
        )

    @extend_schema(
        summary="Fetch sources for this claim in the background (reviewers)",
        request=FetchSourcesRequestSerializer,
        responses={202: FetchSourcesResponseSerializer, **ERROR_RESPONSES},
    )
    @action(detail=True, methods=["post"], url_path="fetch-sources")
    def fetch_sources(self, request, pk=None):
        from sources.services import claims_fetch_sources

        claim = self.get_object()
        options = FetchSourcesRequestSerializer(data=request.data)
        options.is_valid(raise_exception=True)
        claims_fetch_sources(claim_ids=[claim.pk], **options.validated_data)
        status_url = request.build_absolute_uri(reverse("claim-fetches", args=[claim.pk]))
        body = {"claim": claim.pk, "fetches": self._fetches(claim), "status_url": status_url}
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": status_url})

    @extend_schema(summary="Where each source fetcher stands for this claim (staff)",
                   responses={200: ClaimFetchSerializer(many=True), **ERROR_RESPONSES})  # fmt: skip
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def fetches(self, request, pk=None):
        if not selectors.user_sees_unpublished(request.user):
            raise (NotAuthenticated() if not request.user.is_authenticated else PermissionDenied())
        return Response(self._fetches(self.get_object()))

    @staticmethod
    def _fetches(claim) -> list:
        from sources.models import ClaimFetch

        return ClaimFetchSerializer(ClaimFetch.objects.filter(claim=claim).order_by("fetcher"), many=True).data


@extend_schema_view(
    list=extend_schema(summary="Verdicts; the public sees published ones"),
    retrieve=extend_schema(summary="One verdict"),
)
class VerdictViewSet(
    BoundedIdLookupMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = FastVerdictSerializer
    filterset_class = VerdictFilter
    permission_classes = [ActionPermission]
    action_permissions = {
        "create": REVIEW_PERMISSION,
        "update": REVIEW_PERMISSION,
        "partial_update": REVIEW_PERMISSION,
        "ready": REVIEW_PERMISSION,
        "publish": PUBLISH_PERMISSION,
        "unpublish": PUBLISH_PERMISSION,
        "correct": PUBLISH_PERMISSION,
    }

    def get_queryset(self):
        return selectors.verdict_list_visible(user=self.request.user).select_related("claim", "rating")

    def list(self, request, *args, **kwargs):
        rows = self.filter_queryset(selectors.verdict_rows_visible(user=request.user))
        page = selectors.verdict_rows_complete(self.paginate_queryset(rows), sources=True)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def _answer(self, verdict: Verdict, code=status.HTTP_200_OK) -> Response:
        """One verdict (VerdictDetailSerializer's shape). Staff also get the draft of a correction in progress
        and the verdict's version as a strong ETag, to send back as If-Match to publish; the public gets
        neither (the version moves with the draft, which is not theirs to see)."""
        verdict = self.get_queryset().get(pk=verdict.pk)
        data = {**self.get_serializer(verdict).data, "correction": None}
        staff = selectors.user_sees_unpublished(self.request.user)
        correction = (
            staff and VerdictCorrection.objects.filter(verdict=verdict).select_related("rating", "reviewer").first()
        )
        if correction:
            data["correction"] = VerdictCorrectionSerializer(correction).data
        response = Response(data, status=code)
        if staff:
            response["ETag"] = f'"{services.verdict_version(verdict=verdict)}"'
        return response

    @extend_schema(summary="One verdict (staff also get a correction's draft, and the version as ETag for If-Match)",
                   responses={200: VerdictDetailSerializer, **ERROR_RESPONSES})  # fmt: skip
    def retrieve(self, request, *args, **kwargs):
        return self._answer(self.get_object())

    @extend_schema(summary="Draft a verdict for a claim under review", request=VerdictWriteSerializer,
                   responses={201: VerdictDetailSerializer,
                              **ERROR_RESPONSES})  # fmt: skip
    def create(self, request, *args, **kwargs):
        serializer = VerdictWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        verdict = services.verdict_save(
            claim=data["claim"], rating=data["rating"], explanation=data["explanation"],
            sources=data.get("sources"), claim_reviewed=data.get("claim_reviewed"), actor=request.user,
        )  # fmt: skip
        return self._answer(verdict, status.HTTP_201_CREATED)

    @extend_schema(summary="Change a draft verdict", request=VerdictWriteSerializer,
                   responses={200: VerdictDetailSerializer,
                              **ERROR_RESPONSES})  # fmt: skip
    def update(self, request, *args, **kwargs):
        verdict = self.get_object()
        serializer = VerdictWriteSerializer(verdict, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        draft = getattr(verdict, "correction", None) or verdict  # under correction, fields left out keep the draft's
        verdict = services.verdict_save(
            claim=verdict.claim, rating=data.get("rating", draft.rating),
            explanation=data.get("explanation", draft.explanation), sources=data.get("sources"),
            claim_reviewed=data.get("claim_reviewed"), actor=request.user,
        )  # fmt: skip
        return self._answer(verdict)

    @extend_schema(summary="Mark the verdict ready for an editor", request=None,
                   responses={200: VerdictDetailSerializer,
                              **ERROR_RESPONSES})  # fmt: skip
    @action(detail=True, methods=["post"])
    def ready(self, request, pk=None):
        verdict = self.get_object()
        services.claim_mark_verdict_ready(claim=verdict.claim, actor=request.user)
        return self._answer(verdict)

    @extend_schema(
        summary="Publish the verdict (editors), as last read: send its ETag as If-Match",
        description="412 when the verdict (or its correction's draft) changed since the ETag was read; "
        "428 without If-Match.",
        request=None,
        parameters=[OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, required=True,
                                     description="The ETag of GET /verdicts/{id}/ (or of the last write's answer).")],
        responses={200: VerdictDetailSerializer, 412: ERROR_SHAPE, 428: ERROR_SHAPE, **ERROR_RESPONSES},
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        verdict = self.get_object()
        version = if_match_version(request.headers.get("If-Match"))
        services.verdict_publish(claim=verdict.claim, actor=request.user, expected_version=version)
        return self._answer(verdict)

    @extend_schema(summary="Withdraw a published verdict (editors)", request=ReasonSerializer,
                   responses={200: VerdictDetailSerializer,
                              **ERROR_RESPONSES})  # fmt: skip
    @action(detail=True, methods=["post"])
    def unpublish(self, request, pk=None):
        verdict = self.get_object()
        reason = ReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        services.verdict_unpublish(claim=verdict.claim, actor=request.user, reason=reason.validated_data["reason"])
        return self._answer(verdict)

    @extend_schema(summary="Reopen a published verdict for correction (editors)", request=ReasonSerializer,
                   responses={200: VerdictDetailSerializer,
                              **ERROR_RESPONSES})  # fmt: skip
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        verdict = self.get_object()
        reason = ReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        services.claim_reopen_for_correction(
            claim=verdict.claim, actor=request.user, reason=reason.validated_data["reason"]
        )
        return self._answer(verdict)

    @extend_schema(
        summary="schema.org ClaimReview (JSON-LD) of a published verdict",
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None,
            renderer_classes=JSONLD_RENDERERS)  # fmt: skip
    def claimreview(self, request, pk=None):
        verdict = selectors.verdict_list_published().filter(pk=pk).first() if int(pk) <= MAX_ID else None
        if verdict is None:
            raise NotFound("No published verdict with this id.")
        (review,) = selectors.claimreviews_for_verdicts([verdict])
        return Response(review)


class ClaimReviewFeedView(APIView):
    """Every published ClaimReview as a schema.org DataFeed, newest first, one cursor page at a time."""

    permission_classes = [ActionPermission]
    pagination_class = IdCursorPagination
    renderer_classes = JSONLD_RENDERERS

    @extend_schema(
        summary="DataFeed of all published ClaimReviews (JSON-LD), paginated by cursor",
        parameters=[
            OpenApiParameter("cursor", str, description="Opaque cursor from `next` / `previous`."),
            OpenApiParameter("page_size", int, description="Items per page (max 200)."),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        paginator = self.pagination_class()
        rows = selectors.claimreview_rows()
        page = selectors.verdict_rows_complete(paginator.paginate_queryset(rows, request, view=self), mentions=True)
        reviews = selectors.claimreviews_for_verdicts(page)
        newest = max((row["corrected_at"] or row["published_at"] for row in page), default=None)
        feed = data_feed(reviews, url=request.build_absolute_uri(), date_modified=newest)
        feed["next"], feed["previous"] = paginator.get_next_link(), paginator.get_previous_link()
        links = [f'<{url}>; rel="{rel}"' for rel, url in (("next", feed["next"]), ("prev", feed["previous"])) if url]
        headers = {"Link": ", ".join(links)} if links else {}
        return Response(feed, headers=headers)
