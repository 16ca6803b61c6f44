"""The Admin role manages accounts but cannot make anyone, itself included, a superuser, hand out permissions it
does not hold, edit a role's permissions, or take over a superuser's account; API tokens are never shown."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from rest_framework.authtoken.models import Token

from claims.roles import ADMIN, EDITOR, REVIEWER
from tests.admin.conftest import logged_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def account_admin(db):
    return UserFactory(username="adam-account-admin", roles=[ADMIN])


def _user_form(user, **changes):
    """The user change form as the page submits it."""
    data = {
        "username": user.username, "email": user.email, "first_name": "", "last_name": "", "is_active": "on",
        "is_staff": "on", "groups": [g.pk for g in user.groups.all()],
        "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00",
    }  # fmt: skip
    data.update(changes)
    return data


def test_an_account_admin_cannot_make_itself_superuser_or_grant_itself_permissions(account_admin):
    client = logged_in(account_admin)
    any_permission = Permission.objects.get(codename="delete_user")

    client.post(
        reverse("admin:auth_user_change", args=[account_admin.pk]),
        _user_form(account_admin, is_superuser="on", user_permissions=[any_permission.pk]),
    )

    account_admin.refresh_from_db()
    assert not account_admin.is_superuser
    assert not account_admin.user_permissions.exists()
    assert list(account_admin.groups.values_list("name", flat=True)) == [ADMIN]


def test_an_account_admin_still_gives_people_their_roles(account_admin, reviewer):
    client = logged_in(account_admin)
    editor_group = Group.objects.get(name=EDITOR)

    response = client.post(
        reverse("admin:auth_user_change", args=[reviewer.pk]), _user_form(reviewer, groups=[editor_group.pk])
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(reviewer.groups.values_list("name", flat=True)) == [EDITOR]


def test_an_account_admin_cannot_edit_what_a_role_may_do(account_admin):
    client = logged_in(account_admin)
    admin_group = Group.objects.get(name=ADMIN)
    before = set(admin_group.permissions.values_list("pk", flat=True))
    everything = list(Permission.objects.values_list("pk", flat=True))

    client.post(reverse("admin:auth_group_change", args=[admin_group.pk]), {"name": ADMIN, "permissions": everything})

    assert set(admin_group.permissions.values_list("pk", flat=True)) == before
    assert not account_admin.has_perm("auth.change_group")


def test_an_account_admin_cannot_reset_a_superusers_password(account_admin, admin_user):
    client = logged_in(account_admin)

    response = client.post(
        reverse("admin:auth_user_password_change", args=[admin_user.pk]),
        {"password1": "taken-over-9876", "password2": "taken-over-9876"},
    )

    assert response.status_code == 403
    admin_user.refresh_from_db()
    assert admin_user.check_password("correct horse battery staple")


def test_a_superuser_still_manages_superusers(admin_user, account_admin):
    client = logged_in(admin_user)

    client.post(
        reverse("admin:auth_user_change", args=[account_admin.pk]), _user_form(account_admin, is_superuser="on")
    )

    account_admin.refresh_from_db()
    assert account_admin.is_superuser


@pytest.mark.parametrize("who", ["account_admin", "admin_user"])
def test_api_tokens_are_not_readable_in_the_admin(request, who, reviewer):
    """Tokens are issued and revoked with `manage.py drf_create_token [-r] USERNAME`, which prints the key once."""
    token = Token.objects.create(user=reviewer)
    client = logged_in(request.getfixturevalue(who))

    index = client.get(reverse("admin:index")).content.decode()

    assert "Review queue and verdicts" in index  # the admin is there, without a token page
    assert token.key not in index and "/admin/authtoken/" not in index
    assert client.get(f"/admin/authtoken/tokenproxy/{reviewer.pk}/change/").status_code == 404


def test_the_admin_role_holds_no_permission_to_change_roles_or_permissions():
    from claims.roles import role_permissions

    codes = {p.codename for p in role_permissions()[ADMIN]}
    assert {"change_user", "add_user", "view_group"} <= codes
    assert not codes & {"add_group", "change_group", "delete_group", "add_permission", "change_permission"}
    assert REVIEWER  # the other roles are untouched by this
