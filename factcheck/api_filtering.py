"""Query-string filtering for every list in the API: django-filter, skipped when there is nothing to filter, and the
field types every app's filters share.

Building a FilterSet means deep-copying its filters, building a form class and validating a form:
about 1.5 ms per request, a quarter of the published-verdict list's own time (bench/api.py). A
request whose query string names none of the view's filters would get the queryset back unchanged
(django-filter skips empty values), so that work is not done for it. Any filter parameter, valid or
not, still goes through django-filter, and so still gets its 400 for a bad value.
"""

import datetime as dt

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend

from factcheck.api_pagination import MAX_ID


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not _names_a_filter(request.query_params, filterset_class.base_filters):
            return queryset
        return super().filter_queryset(request, queryset, view)


def _names_a_filter(params, filters) -> bool:
    # A filter's widget may read suffixed keys (a range filter reads `name_min`/`name_max`), hence the prefix.
    return any(key == name or key.startswith(f"{name}_") for key in params for name in filters)


class IdField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class IdFilter(django_filters.NumberFilter):
    """A primary key in a query string: an integer in the range a bigint holds, or a 400."""

    field_class = IdField


class BoundedIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """ISO 8601 date-times the database can store: offsets within ±14:00, convertible to UTC."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return value
        offset = value.utcoffset()
        if offset is not None and abs(offset) > dt.timedelta(hours=14):
            raise forms.ValidationError("The time zone offset must be between -14:00 and +14:00.")
        try:
            value.astimezone(dt.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError("The date is out of range.") from None
        return value


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = BoundedIsoDateTimeField


class ScoreField(forms.FloatField):
    """A score between 0 and 1 (check-worthiness, relevance)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0.0)
        kwargs.setdefault("max_value", 1.0)
        super().__init__(*args, **kwargs)


class ScoreFilter(django_filters.NumberFilter):
    field_class = ScoreField
