"""The local settings (DEBUG, the public local secret key) answer only this machine, and the README's
commands for PostgreSQL, Redis and separate workers run the production settings."""

import re
from pathlib import Path

import pytest

from factcheck.settings import local

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def local_middleware(settings):
    settings.MIDDLEWARE = local.MIDDLEWARE


def test_the_local_settings_refuse_a_client_from_another_machine(local_middleware, client):
    response = client.get("/healthz", REMOTE_ADDR="192.0.2.7")

    assert response.status_code == 403
    assert "factcheck.settings.production" in response.content.decode()


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
def test_the_local_settings_answer_this_machine(local_middleware, client, address):
    response = client.get("/healthz", REMOTE_ADDR=address)

    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_the_local_settings_are_the_ones_with_debug_and_the_guard():
    assert local.DEBUG is True  # pytest does not set DJANGO_DEBUG
    assert local.MIDDLEWARE[0] == "factcheck.middleware.LoopbackOnlyMiddleware"


def test_the_readme_runs_postgresql_redis_and_workers_on_the_production_settings():
    section = README.read_text().split("## PostgreSQL, Redis and separate workers", 1)[1].split("\n## ", 1)[0]
    commands = re.search(r"```sh\n(.*?)```", section, re.S).group(1)

    assert "DJANGO_SETTINGS_MODULE=factcheck.settings.production" in commands
    assert "DJANGO_SECRET_KEY=" in commands and "DJANGO_ALLOWED_HOSTS=" in commands
    assert commands.index("DJANGO_SETTINGS_MODULE") < commands.index("gunicorn")
