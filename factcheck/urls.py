from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from claims.feeds import PublishedVerdictsFeed
from claims.views import claim_public_detail, public_index


def healthz(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file (/api/docs/?script): no inline script for the CSP.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("factcheck.api_urls")),
    path("api-auth/", include("rest_framework.urls")),
    path("healthz", healthz, name="healthz"),
    path("", public_index, name="public-index"),
    path("claims/<int:claim_id>/", claim_public_detail, name="claim-public"),
    path("feeds/verdicts.atom", PublishedVerdictsFeed(), name="verdict-feed"),
]
