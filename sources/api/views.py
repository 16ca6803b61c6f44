"""Sources and evidence, read-only. The public sees only what backs a published claim or verdict."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from factcheck.api_filtering import IdFilter, ScoreFilter
from factcheck.api_permissions import ActionPermission
from factcheck.api_views import BoundedIdLookupMixin
from sources.models import Evidence, Source
from sources.selectors import evidence_list_visible, source_list_visible

from .serializers import EvidenceSerializer, SourceSerializer


class EvidenceFilter(django_filters.FilterSet):
    claim = IdFilter(field_name="claim_id")
    stance = django_filters.MultipleChoiceFilter(choices=Evidence.Stance.choices)
    fetcher = django_filters.CharFilter()
    relevance_min = ScoreFilter(field_name="relevance", lookup_expr="gte")

    class Meta:
        model = Evidence
        fields: list = []


class SourceFilter(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=Source.Kind.choices)
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains")

    class Meta:
        model = Source
        fields: list = []


@extend_schema_view(
    list=extend_schema(summary="Evidence passages ranked against claims; the public sees those of published claims"),
    retrieve=extend_schema(summary="One evidence passage"),
)
class EvidenceViewSet(BoundedIdLookupMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = EvidenceSerializer
    filterset_class = EvidenceFilter
    permission_classes = [ActionPermission]

    def get_queryset(self):
        return evidence_list_visible(user=self.request.user).select_related("source__outlet")


@extend_schema_view(
    list=extend_schema(summary="Sources; the public sees those behind published claims and verdicts"),
    retrieve=extend_schema(summary="One source"),
)
class SourceViewSet(BoundedIdLookupMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    permission_classes = [ActionPermission]

    def get_queryset(self):
        return source_list_visible(user=self.request.user).select_related("outlet")
