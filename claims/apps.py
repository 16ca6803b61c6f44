from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and verdicts"

    def ready(self):
        from .roles import _on_post_migrate

        # After the last app so that every permission exists; idempotent.
        post_migrate.connect(_on_post_migrate, dispatch_uid="claims.roles_sync")
        post_migrate.connect(_ensure_rating_scale, sender=self, dispatch_uid="claims.rating_scale")


def _ensure_rating_scale(sender, using="default", **kwargs):
    from .services import rating_scale_ensure_default

    rating_scale_ensure_default()
