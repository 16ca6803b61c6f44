from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.trailing_slash = "/?"
router.register("evidence", views.EvidenceViewSet, basename="evidence")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [*router.urls]
