"""Everything under /api/v1/: each app contributes its own routes."""

from django.urls import include, path, re_path
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.exceptions import NotFound


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@authentication_classes([])
@permission_classes([])
@throttle_classes([])
def api_not_found(request, *args, **kwargs):
    """Unknown paths under /api/v1/ answer in the one error shape, not Django's HTML 404 page."""
    raise NotFound("There is no API endpoint at this address.")


urlpatterns = [
    path("", include("claims.api.urls")),
    path("", include("sources.api.urls")),
    re_path(r"^.*$", api_not_found),
]
