"""Query-string filtering for every list in the API: django-filter, skipped when there is nothing to filter.

Building a FilterSet means deep-copying its filters, building a form class and validating a form:
about 1.5 ms per request, a quarter of the published-verdict list's own time (bench/api.py). A
request whose query string names none of the view's filters would get the queryset back unchanged
(django-filter skips empty values), so that work is not done for it. Any filter parameter, valid or
not, still goes through django-filter, and so still gets its 400 for a bad value.
"""

from django_filters.rest_framework import DjangoFilterBackend


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not _names_a_filter(request.query_params, filterset_class.base_filters):
            return queryset
        return super().filter_queryset(request, queryset, view)


def _names_a_filter(params, filters) -> bool:
    # A filter's widget may read suffixed keys (a range filter reads `name_min`/`name_max`), hence the prefix.
    return any(key == name or key.startswith(f"{name}_") for key in params for name in filters)
