"""Settings for the test suite: tasks run eagerly, the HTTP client may reach 127.0.0.1.

Integration tests (marked `integration`) override this and run a real worker.
"""

from .base import *  # noqa: F401,F403

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
FACTCHECK_HTTP_ALLOW_LOOPBACK = True
FACTCHECK_HTTP_DOMAIN_INTERVAL = 0.0
FACTCHECK_HTTP_RESPECT_ROBOTS = False
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"}}  # noqa: F405
# Tests build published rows with factories, outside the publishing services that invalidate the public cache;
# the tests of the cache itself (tests/api/test_public_cache.py) turn it on.
FACTCHECK_PUBLIC_CACHE = env_bool("FACTCHECK_PUBLIC_CACHE", False)  # noqa: F405
