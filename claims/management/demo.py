"""Commands for local demos (a demo editor with a printed password, the seed articles) refuse production settings."""

from django.conf import settings
from django.core.management.base import CommandError


def refuse_outside_demos(command: str) -> None:
    if not settings.FACTCHECK_DEMO_COMMANDS:
        raise CommandError(
            f"{command} is for local demos and refuses to run under production settings (FACTCHECK_DEMO_COMMANDS is off)."
        )
