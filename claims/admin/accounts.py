"""Accounts in the admin: the Admin role manages people, not power.

Someone with the Admin role (not a superuser) gives people their roles and resets their passwords, but cannot
make anyone a superuser, hand out single permissions, change what a role may do, or edit a superuser's account
(which would let them set its password and become it). API tokens have no admin page: their keys are
credentials, issued and revoked with `manage.py drf_create_token [-r] USERNAME`, which prints the key once.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import TokenProxy

User = get_user_model()
_SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")

if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class AccountAdmin(UserAdmin):
    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if request.user.is_superuser else (*readonly, *_SUPERUSER_ONLY_FIELDS)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Group)
class RoleAdmin(GroupAdmin):
    """What each role may do is set by `manage.py setup_roles`; only a superuser changes it here."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
