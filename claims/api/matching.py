"""POST /api/v1/claims/match: "has this been checked?" for any piece of text.

A read expressed as POST (the text can be long and should not land in access logs), so it is open
to anonymous callers like every other read; they see published claims only, and everyone sees
published verdicts only. It writes nothing.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors
from claims.links import public_claim_url
from factcheck.api_throttling import AnonOrUserRateThrottle, ClaimMatchRateThrottle

from .serializers import VerdictSummarySerializer

MAX_TEXT_LENGTH = 2000
MAX_RESULTS = 50


class MatchRequestSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_TEXT_LENGTH, trim_whitespace=True, allow_blank=False)
    limit = serializers.IntegerField(min_value=1, max_value=MAX_RESULTS, default=10)


class MatchResultSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="claim.pk")
    text = serializers.CharField(source="claim.text")
    status = serializers.CharField()
    score = serializers.FloatField()
    match = serializers.CharField(source="kind", help_text="same: the same claim; possible: maybe; related: close only")
    verdict = VerdictSummarySerializer(allow_null=True, help_text="The published verdict, if any")
    public_url = serializers.SerializerMethodField()

    def get_public_url(self, match) -> str | None:
        return public_claim_url(match.claim.pk) if match.verdict is not None else None


class MatchResponseSerializer(serializers.Serializer):
    results = MatchResultSerializer(many=True)
    checked = serializers.BooleanField(help_text="Whether a claim matched as the same carries a published verdict")


class ClaimMatchView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [AnonOrUserRateThrottle, ClaimMatchRateThrottle]

    @extend_schema(
        summary="Has this been checked? The stored claims closest in meaning to a text",
        request=MatchRequestSerializer,
        responses={
            200: MatchResponseSerializer,
            400: OpenApiResponse(description="Invalid input (the one error shape)"),
        },
    )
    def post(self, request):
        query = MatchRequestSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        matches = selectors.claim_match_text(
            text=query.validated_data["text"], user=request.user, limit=query.validated_data["limit"]
        )
        results = MatchResultSerializer(matches, many=True).data
        checked = any(r["match"] == "same" and r["verdict"] is not None for r in results)
        return Response({"results": results, "checked": checked})
