"""Everything under /api/v1/: each app contributes its own routes."""

from django.urls import include, path

urlpatterns = [
    path("", include("claims.api.urls")),
    path("", include("sources.api.urls")),
]
