"""The editorial roles, as Django groups: Reviewer, Editor, Admin.

- Reviewer: reads everything, triages and reviews claims, drafts verdicts, adds sources.
- Editor: a reviewer who also approves, publishes, unpublishes and corrects verdicts.
- Admin: everything in factcheck, plus user accounts.

`roles_sync()` runs after every migrate (see ClaimsConfig.ready) and by
`manage.py setup_roles`; it is idempotent and adds missing permissions only, so
a permission an admin granted by hand survives. `roles_sync(exact=True)`
(`setup_roles --reset`) makes each group hold exactly its role's permissions.

Webhook subscriptions hold shared secrets: reviewers do not see them.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

REVIEWER, EDITOR, ADMIN = "Reviewer", "Editor", "Admin"

_VIEW_APPS = ("claims", "sources")
_EDITOR_ONLY_MODELS = ("webhooksubscription", "webhookdelivery")
_REVIEWER_EXTRA = [
    "claims.change_claim",
    "claims.add_verdict",
    "claims.change_verdict",
    "claims.change_article",
    "claims.change_claimmatchsuggestion",
    "sources.add_source",
    "sources.change_claimfetch",
]
_EDITOR_EXTRA = [
    "claims.publish_verdict",
    "claims.view_webhooksubscription",
    "claims.add_webhooksubscription",
    "claims.change_webhooksubscription",
    "claims.view_webhookdelivery",
]


def _perms(codes):
    query = Q(pk__in=[])
    for code in codes:
        app_label, codename = code.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def role_permissions() -> dict[str, object]:
    views = Permission.objects.filter(content_type__app_label__in=_VIEW_APPS, codename__startswith="view_").exclude(
        content_type__app_label="claims", content_type__model__in=_EDITOR_ONLY_MODELS
    )
    reviewer = views | _perms(_REVIEWER_EXTRA)
    editor = reviewer | _perms(_EDITOR_EXTRA)
    # Accounts, not power: no permission to edit groups or permissions (that would let an Admin grant itself
    # anything); claims.admin_accounts also keeps superuser flags and superusers' accounts out of its reach.
    accounts = Permission.objects.filter(content_type__app_label="auth", content_type__model="user") | _perms(
        ["auth.view_group", "auth.view_permission"]
    )
    admin = Permission.objects.filter(content_type__app_label__in=_VIEW_APPS) | accounts
    return {REVIEWER: reviewer, EDITOR: editor, ADMIN: admin}


# Never held by a role, even when granted by hand earlier: each lets its holder raise its own powers.
_ESCALATING = ["auth.add_group", "auth.change_group", "auth.delete_group", "auth.add_permission",
               "auth.change_permission", "auth.delete_permission"]  # fmt: skip


def roles_sync(*, exact: bool = False) -> dict[str, int]:
    """Create the role groups and give them their permissions; returns how many each holds."""
    counts = {}
    for name, permissions in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        if exact:
            group.permissions.set(permissions.distinct())
        else:
            group.permissions.add(*permissions.distinct())
            group.permissions.remove(*_perms(_ESCALATING))
        counts[name] = group.permissions.count()
    return counts


def user_set_roles(*, user, roles: list[str]) -> None:
    """Give a person exactly these roles (and admin access: every role works in the admin)."""
    unknown = set(roles) - {REVIEWER, EDITOR, ADMIN}
    if unknown:
        from factcheck.exceptions import InvalidInput

        raise InvalidInput(f"Unknown role: {', '.join(sorted(unknown))}. Roles: {REVIEWER}, {EDITOR}, {ADMIN}.")
    user.groups.remove(*Group.objects.filter(name__in=[REVIEWER, EDITOR, ADMIN]))
    user.groups.add(*Group.objects.filter(name__in=roles))
    if roles and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def _on_post_migrate(sender, **kwargs):
    roles_sync()
