"""Settings come from the environment; a value that cannot be parsed stops start-up with a clear message."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from factcheck import env

ROOT = Path(__file__).resolve().parents[2]


def test_booleans_accept_the_usual_spellings(monkeypatch):
    for raw, expected in [("true", True), ("1", True), ("YES", True), ("off", False), ("0", False)]:
        monkeypatch.setenv("X_FLAG", raw)
        assert env.env_bool("X_FLAG", not expected) is expected


def test_a_boolean_that_is_not_one_raises(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='maybe' is not a boolean"):
        env.env_bool("X_FLAG", False)


def test_an_integer_below_its_minimum_raises(monkeypatch):
    monkeypatch.setenv("X_INT", "-3")
    with pytest.raises(ImproperlyConfigured, match="below the minimum"):
        env.env_int("X_INT", 1, minimum=0)


def test_a_number_that_is_not_one_raises(monkeypatch):
    monkeypatch.setenv("X_FLOAT", "0,8")
    with pytest.raises(ImproperlyConfigured, match="is not a number"):
        env.env_float("X_FLOAT", 0.5)


def test_an_unset_variable_takes_the_embedded_default(monkeypatch):
    monkeypatch.delenv("X_INT", raising=False)
    assert env.env_int("X_INT", 7) == 7
    assert env.env_list("X_LIST", ["a"]) == ["a"]


def test_a_required_secret_without_default_raises(monkeypatch):
    monkeypatch.delenv("X_SECRET", raising=False)
    with pytest.raises(ImproperlyConfigured, match="Set the X_SECRET"):
        env.env_str("X_SECRET")


def test_a_url_with_the_wrong_scheme_raises(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "http://localhost:6379")
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env.env_url("REDIS_URL", None, schemes=("redis",))


def _load_settings(module: str, **environment) -> subprocess.CompletedProcess:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = %r; django.setup();"
        "from django.conf import settings as s; import json;"
        "print(json.dumps([s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL, s.DEBUG]))" % module
    )
    env_vars = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", **environment}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env_vars, capture_output=True, text=True)


def test_with_no_variables_the_service_uses_sqlite_and_a_filesystem_broker(tmp_path):
    result = _load_settings("factcheck.settings.local", FACTCHECK_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert '"django.db.backends.sqlite3", "filesystem://", true' in result.stdout


def test_database_and_redis_urls_switch_to_postgresql_and_redis(tmp_path):
    result = _load_settings(
        "factcheck.settings.local",
        DATABASE_URL="postgres://u@db:5432/factcheck",
        REDIS_URL="redis://cache:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert '"django.db.backends.postgresql", "redis://cache:6379/0"' in result.stdout


def test_an_unparseable_database_url_stops_start_up():
    result = _load_settings("factcheck.settings.local", DATABASE_URL="mongodb://x/y")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DATABASE_URL" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _load_settings("factcheck.settings.production", DJANGO_ALLOWED_HOSTS="factcheck.example")
    assert result.returncode != 0
    assert "Set the DJANGO_SECRET_KEY environment variable" in result.stderr


def test_production_passes_the_deploy_checklist():
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "-Xq8!vT2#pLr9@wZ4$eN7&hJ1*bC6^mG3",
        "DJANGO_ALLOWED_HOSTS": "factcheck.example",
        "DATABASE_URL": "postgres://u@db:5432/factcheck",
        "REDIS_URL": "redis://cache:6379/0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=environment, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_example_secret_key():
    example = next(
        line.split("=", 1)[1] for line in (ROOT / ".env.example").read_text().splitlines()
        if line.startswith("DJANGO_SECRET_KEY=")
    )  # fmt: skip
    result = _load_settings(
        "factcheck.settings.production", DJANGO_SECRET_KEY=example, DJANGO_ALLOWED_HOSTS="x.example"
    )
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_the_organisation_logo_and_same_as_must_be_absolute_web_urls(monkeypatch):
    from factcheck.env import env_web_urls

    monkeypatch.setenv(
        "FACTCHECK_ORGANIZATION_SAME_AS", "https://social.example/checks, https://www.wikidata.org/wiki/Q1"
    )
    assert env_web_urls("FACTCHECK_ORGANIZATION_SAME_AS", []) == [
        "https://social.example/checks", "https://www.wikidata.org/wiki/Q1"
    ]  # fmt: skip
    for bad in ("social.example/checks", "ftp://files.example/x", "https:///no-host"):
        monkeypatch.setenv("FACTCHECK_ORGANIZATION_SAME_AS", f"https://ok.example,{bad}")
        with pytest.raises(ImproperlyConfigured, match="not an absolute http"):
            env_web_urls("FACTCHECK_ORGANIZATION_SAME_AS", [])
