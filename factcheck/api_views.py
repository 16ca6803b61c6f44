"""What every app's viewsets share."""

from rest_framework.exceptions import NotFound

from factcheck.api_pagination import MAX_ID


class BoundedIdLookupMixin:
    """Ids in the path are digits within the bigint range; anything else is a 404, never a database error."""

    lookup_value_regex = "[0-9]+"

    def get_object(self):
        if int(self.kwargs[self.lookup_url_kwarg or self.lookup_field]) > MAX_ID:
            raise NotFound()
        return super().get_object()
