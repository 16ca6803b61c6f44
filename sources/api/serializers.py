from rest_framework import serializers

from claims.api.serializers import OutletSerializer, PublicSourceURLField
from sources.models import Evidence, Source


class SourceSerializer(serializers.ModelSerializer):
    url = PublicSourceURLField()
    outlet = OutletSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Source
        fields = ["id", "url", "title", "kind", "outlet", "published_at", "fetched_at"]


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)

    class Meta:
        model = Evidence
        fields = [
            "id", "claim", "source", "passage", "relevance", "stance", "stance_reason", "fetcher",
            "published_after_claim", "created_at",
        ]  # fmt: skip
