"""Create or refresh the Reviewer, Editor and Admin groups; optionally give a person a role."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.roles import ADMIN, EDITOR, REVIEWER, roles_sync, user_set_roles
from factcheck.exceptions import DomainError


class Command(BaseCommand):
    help = "Create the editorial roles (groups and permissions). Idempotent; runs after every migrate too."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true",
            help="Make each group hold exactly its role's permissions (drops permissions granted by hand).",
        )  # fmt: skip
        parser.add_argument("--user", help="Username to give a role to.")
        parser.add_argument("--role", action="append", choices=[REVIEWER, EDITOR, ADMIN], help="Role for --user.")

    def handle(self, *args, reset=False, user=None, role=None, **options):
        if bool(user) != bool(role):
            raise CommandError("--user and --role go together.")
        counts = roles_sync(exact=reset)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} permissions")
        if user:
            person = get_user_model().objects.filter(username=user).first()
            if person is None:
                raise CommandError(f"No user named {user!r}; create it first (manage.py createsuperuser or the admin).")
            try:
                user_set_roles(user=person, roles=role)
            except DomainError as exc:
                raise CommandError(exc.message) from None
            self.stdout.write(f"{user} is now: {', '.join(role)}")
        self.stdout.write(self.style.SUCCESS("Roles are set up."))
