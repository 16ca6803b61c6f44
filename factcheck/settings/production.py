"""Production: secrets have no default, every transport is secure. `manage.py check --deploy` is clean."""

import math
from collections import Counter

from factcheck.env import env_bool, env_int, env_list, env_str

from .base import *  # noqa: F401,F403

SECRET_KEY = env_str("DJANGO_SECRET_KEY")


def _entropy_bits(key: str) -> float:
    """Shannon entropy of the key's own character frequencies, times its length: 0 for 50 × "a", about 280
    for Django's get_random_secret_key(). A heuristic floor, not a proof of randomness."""
    counts = Counter(key)
    return -sum(n * math.log2(n / len(key)) for n in counts.values())


if (
    len(SECRET_KEY) < 50
    or SECRET_KEY.startswith(("django-insecure", "insecure", "change-me"))
    or len(set(SECRET_KEY)) < 12
    or _entropy_bits(SECRET_KEY) < 150
):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be a random string of at least 50 characters, not the example "
        "(make one with: python -c 'from django.core.management.utils import get_random_secret_key as k; print(k())')."
    )
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the host names the service answers on.")
# The container health check asks http://127.0.0.1:8000/healthz from inside the container.
ALLOWED_HOSTS += ["127.0.0.1", "localhost"]

# X-Forwarded-Proto is believed only when a TLS-terminating proxy of ours sets it: with gunicorn published
# directly (docker-compose), any client could send "https" and pass for a secure request.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
FACTCHECK_DEMO_COMMANDS = False  # demo_editor would reset a real account's password
