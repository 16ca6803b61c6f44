"""Query-string filters. They narrow a queryset the selectors already limited to what the reader may see."""

import django_filters
from django.db.models import Exists, OuterRef

from claims import bands, selectors
from claims.models import Article, Claim, ClaimMention, Verdict
from claims.selectors import PUBLISHED_CLAIM
from factcheck.api_filtering import DateTimeFilter, IdFilter, ScoreFilter


class ClaimFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Claim.Status.choices, method="filter_status")
    claim_type = django_filters.MultipleChoiceFilter(choices=Claim.Type.choices)
    outlet = IdFilter(method="filter_outlet", label="Outlet id: claims appearing in its articles")
    article = IdFilter(method="filter_article", label="Article id: claims it makes")
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt")
    checkworthiness_min = ScoreFilter(field_name="checkworthiness", lookup_expr="gte")
    checkworthiness_max = ScoreFilter(field_name="checkworthiness", lookup_expr="lte")
    checkworthiness_band = django_filters.ChoiceFilter(
        choices=[(band.key, band.label) for band in bands.BANDS],
        method="filter_checkworthiness_band",
        label="Check-worthiness band (claims/bands.py)",
    )
    has_published_verdict = django_filters.BooleanFilter(method="filter_has_published_verdict")
    q = django_filters.CharFilter(method="filter_text", label="Words the claim text contains")

    class Meta:
        model = Claim
        fields: list = []

    def filter_status(self, queryset, name, value):
        # By the status this reader sees (selectors.claim_status_for): a correction in progress stays private.
        user = getattr(self.request, "user", None)
        if selectors.user_sees_unpublished(user):
            return queryset.filter(status__in=value)
        return queryset if Claim.Status.PUBLISHED in value else queryset.none()

    def filter_checkworthiness_band(self, queryset, name, value):
        return selectors.claim_filter_checkworthiness_band(queryset, value)

    def _with_mention(self, queryset, **lookup):
        # EXISTS rather than a join: a claim made by many articles must appear once.
        return queryset.filter(Exists(ClaimMention.objects.filter(claim_id=OuterRef("pk"), **lookup)))

    def filter_outlet(self, queryset, name, value):
        return self._with_mention(queryset, article__outlet_id=value)

    def filter_article(self, queryset, name, value):
        return self._with_mention(queryset, article_id=value)

    def filter_has_published_verdict(self, queryset, name, value):
        return queryset.filter(PUBLISHED_CLAIM) if value else queryset.exclude(PUBLISHED_CLAIM)

    def filter_text(self, queryset, name, value):
        words = value.split()[:10]
        for word in words:
            queryset = queryset.filter(text__icontains=word)
        return queryset


class VerdictFilter(django_filters.FilterSet):
    claim = IdFilter(field_name="claim_id")
    rating = django_filters.CharFilter(field_name="rating__name", lookup_expr="iexact")
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")
    corrected = django_filters.BooleanFilter(field_name="corrected_at", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Verdict
        fields: list = []


class ArticleFilter(django_filters.FilterSet):
    outlet = IdFilter(field_name="outlet_id")
    extraction_status = django_filters.MultipleChoiceFilter(choices=Article.ExtractionStatus.choices)
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains")

    class Meta:
        model = Article
        fields: list = []
