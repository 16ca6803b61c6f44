"""The editorial roles, as Django groups: Reviewer, Editor, Admin.

- Reviewer: reads everything, triages and reviews claims, drafts verdicts, adds sources.
- Editor: a reviewer who also approves, publishes, unpublishes and corrects verdicts.
- Admin: everything in factcheck, plus user accounts.

`roles_sync()` runs after every migrate (see ClaimsConfig.ready) and by
`manage.py setup_roles`; it is idempotent and adds missing permissions only.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

REVIEWER, EDITOR, ADMIN = "Reviewer", "Editor", "Admin"

_VIEW_APPS = ("claims", "sources")
_REVIEWER_EXTRA = [
    "claims.change_claim",
    "claims.add_verdict",
    "claims.change_verdict",
    "claims.change_article",
    "claims.change_claimmatchsuggestion",
    "sources.add_source",
    "sources.change_claimfetch",
]
_EDITOR_EXTRA = ["claims.publish_verdict", "claims.add_webhooksubscription", "claims.change_webhooksubscription"]


def _perms(codes):
    query = Q(pk__in=[])
    for code in codes:
        app_label, codename = code.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def role_permissions() -> dict[str, object]:
    views = Permission.objects.filter(content_type__app_label__in=_VIEW_APPS, codename__startswith="view_")
    reviewer = views | _perms(_REVIEWER_EXTRA)
    editor = reviewer | _perms(_EDITOR_EXTRA)
    admin = Permission.objects.filter(content_type__app_label__in=(*_VIEW_APPS, "auth", "authtoken"))
    return {REVIEWER: reviewer, EDITOR: editor, ADMIN: admin}


def roles_sync() -> None:
    for name, permissions in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions.distinct())


def _on_post_migrate(sender, **kwargs):
    roles_sync()
