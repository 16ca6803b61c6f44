"""Create (or reset) the demo editor login and print it. For local demos only."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from claims.management.demo import refuse_outside_demos
from claims.roles import EDITOR, roles_sync


class Command(BaseCommand):
    help = "Create or reset the demo editor account (Editor role) and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        refuse_outside_demos("demo_editor")
        if not username.strip():
            raise CommandError("--username must not be empty.")
        roles_sync()
        user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": f"{username}@localhost"})
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = True
        user.is_active = True
        user.save()
        user.groups.add(Group.objects.get(name=EDITOR))
        self.stdout.write(self.style.SUCCESS(f"Demo editor login: username {username!r}, password {password!r}"))
