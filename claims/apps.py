from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and verdicts"

    def ready(self):
        from .roles import _on_post_migrate

        # After the last app so that every permission exists; idempotent.
        post_migrate.connect(_on_post_migrate, dispatch_uid="claims.roles_sync")
