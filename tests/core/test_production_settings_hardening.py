"""Production settings refuse a guessable secret key, believe X-Forwarded-Proto only when told a TLS proxy is in
front, and never print a password from a mistyped URL."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k7#Vq2!pZ9@xL4$mN8^rT1&wY6*bH3(jF5)dS0_gC-eA+uI=oP?K"


def _production(**environment) -> subprocess.CompletedProcess:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.SECURE_PROXY_SSL_HEADER]))"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "DJANGO_SETTINGS_MODULE": "factcheck.settings.production",
           "DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "factcheck.example", **environment}  # fmt: skip
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_a_long_key_of_one_repeated_character_is_refused():
    result = _production(DJANGO_SECRET_KEY="a" * 50)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr and "random" in result.stderr


def test_a_long_key_with_little_variety_is_refused():
    result = _production(DJANGO_SECRET_KEY="ab" * 40)

    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_a_random_key_is_accepted():
    from django.core.management.utils import get_random_secret_key

    assert _production(DJANGO_SECRET_KEY=get_random_secret_key()).returncode == 0


def test_x_forwarded_proto_is_ignored_unless_a_tls_proxy_is_declared():
    direct, proxied = _production(), _production(DJANGO_BEHIND_TLS_PROXY="true")

    assert direct.returncode == 0 and json.loads(direct.stdout) == [None]
    assert json.loads(proxied.stdout) == [["HTTP_X_FORWARDED_PROTO", "https"]]


def test_a_mistyped_redis_url_is_reported_without_its_password():
    result = _production(REDIS_URL="rediss//:hunter2-secret@cache:6379/0")

    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr
    assert "hunter2-secret" not in result.stderr


def test_a_mistyped_database_url_is_reported_without_its_password():
    result = _production(DATABASE_URL="postgress://app:hunter2-secret@db:5432/factcheck")

    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "hunter2-secret" not in result.stderr
