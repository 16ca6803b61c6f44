"""`manage.py setup_roles` creates the roles, refreshes them, and gives a person a role."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from claims.roles import ADMIN, EDITOR, REVIEWER
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def codes(group_name):
    return {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=group_name).permissions.all()}


def test_it_recreates_deleted_groups_with_their_permissions():
    Group.objects.filter(name__in=[REVIEWER, EDITOR, ADMIN]).delete()
    call_command("setup_roles")
    assert "claims.publish_verdict" not in codes(REVIEWER) and "claims.change_verdict" in codes(REVIEWER)
    assert "claims.publish_verdict" in codes(EDITOR) and "claims.publish_verdict" in codes(ADMIN)
    assert "auth.change_user" in codes(ADMIN) and "auth.change_user" not in codes(EDITOR)


def test_reviewers_do_not_see_webhook_secrets():
    assert "claims.view_webhooksubscription" not in codes(REVIEWER)
    assert "claims.view_webhooksubscription" in codes(EDITOR)


def test_reset_drops_permissions_granted_by_hand_and_plain_sync_keeps_them():
    extra = Permission.objects.get(content_type__app_label="claims", codename="delete_claim")
    Group.objects.get(name=REVIEWER).permissions.add(extra)
    call_command("setup_roles")
    assert "claims.delete_claim" in codes(REVIEWER)
    call_command("setup_roles", "--reset")
    assert "claims.delete_claim" not in codes(REVIEWER)


def test_it_gives_a_person_a_role_and_admin_access():
    person = UserFactory(username="newcomer", is_staff=False)
    call_command("setup_roles", "--user", "newcomer", "--role", EDITOR)
    person.refresh_from_db()
    assert person.is_staff and list(person.groups.values_list("name", flat=True)) == [EDITOR]
    assert person.has_perm("claims.publish_verdict")


def test_an_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("setup_roles", "--user", "ghost", "--role", REVIEWER)


def test_user_without_role_is_a_clear_error():
    with pytest.raises(CommandError, match="--user and --role go together"):
        call_command("setup_roles", "--user", "someone")
