from django.urls import path
from rest_framework.routers import DefaultRouter

from . import editing, matching, views

router = DefaultRouter()
router.trailing_slash = "/?"  # /api/v1/verdicts/1/claimreview and .../claimreview/ both answer
router.register("articles", views.ArticleViewSet, basename="article")
router.register("article-fetches", views.ArticleFetchViewSet, basename="article-fetch")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("claims", editing.ClaimWorkViewSet, basename="claim-work")  # workflow steps: claims.api.editing
router.register("verdicts", views.VerdictViewSet, basename="verdict")

urlpatterns = [
    path("claims/match", matching.ClaimMatchView.as_view(), name="claim-match"),
    path("claimreviews/", views.ClaimReviewFeedView.as_view(), name="claimreview-feed"),
    *router.urls,
]
