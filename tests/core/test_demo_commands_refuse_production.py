"""The demo commands (a demo editor with a printed password, the seed articles) refuse to run under production
settings: there they would reset a real account's password or put demo data in front of readers."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("command", ["demo_editor", "load_seeds"])
def test_a_demo_command_refuses_when_demo_commands_are_off(settings, command):
    settings.FACTCHECK_DEMO_COMMANDS = False

    with pytest.raises(CommandError, match="production"):
        call_command(command)


def test_demo_editor_does_not_touch_an_existing_account_under_production(settings, editor):
    settings.FACTCHECK_DEMO_COMMANDS = False

    with pytest.raises(CommandError):
        call_command("demo_editor", "--username", editor.username)

    assert get_user_model().objects.get(pk=editor.pk).check_password("correct horse battery staple")


def test_production_settings_turn_demo_commands_off():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factcheck.settings.production",
           "DJANGO_SECRET_KEY": "k7#Vq2!pZ9@xL4$mN8^rT1&wY6*bH3(jF5)dS0_gC-eA+uI=oP?K", "DJANGO_ALLOWED_HOSTS": "example.org"}  # fmt: skip
    code = "import django; django.setup(); from django.conf import settings; print(settings.FACTCHECK_DEMO_COMMANDS)"
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.stdout.strip() == "False", result.stderr[-2000:]


def test_demo_editor_still_works_locally(settings, capsys):
    settings.FACTCHECK_DEMO_COMMANDS = True

    call_command("demo_editor", "--username", "demo-ed")

    assert "Demo editor login: username 'demo-ed'" in capsys.readouterr().out
