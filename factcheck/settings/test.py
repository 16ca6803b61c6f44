"""Settings for the test suite: tasks run eagerly, the HTTP client may reach 127.0.0.1.

Integration tests (marked `integration`) override this and run a real worker, started with
CELERY_TASK_ALWAYS_EAGER=false: a worker that ran eagerly the tasks it sends would run a fetch inside the
extraction that queued it, which no deployed worker does (and a deadlock there then failed the extraction).
"""

import os
import re
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F401,F403

CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)  # noqa: F405
CELERY_TASK_EAGER_PROPAGATES = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
FACTCHECK_HTTP_ALLOW_LOOPBACK = True
FACTCHECK_HTTP_DOMAIN_INTERVAL = 0.0
FACTCHECK_HTTP_RESPECT_ROBOTS = False
# Tests never reach the internet: real providers are off by default and their URLs point at a closed
# local port; a test that exercises one points it at its own pytest-httpserver.
FACTCHECK_FETCHERS = ["internal", "cited"]
FACTCHECK_WIKIPEDIA_URL = "http://127.0.0.1:9/w/api.php"
FACTCHECK_GDELT_URL = "http://127.0.0.1:9/api/v2/doc/doc"
FACTCHECK_GOOGLE_FACTCHECK_URL = "http://127.0.0.1:9/v1alpha1/claims:search"
FACTCHECK_GOOGLE_API_KEY = ""
FACTCHECK_HTTP_PROBE_HOST = "localhost"  # resolves from /etc/hosts: no lookup leaves the machine
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "anon": "100000/minute",
        "user": "100000/minute",
        "match_anon": "100000/minute",
        "match_user": "100000/minute",
    },
}
# Tests build published rows with factories, outside the publishing services that invalidate the public cache;
# the tests of the cache itself (tests/api/test_public_cache.py) turn it on.
FACTCHECK_PUBLIC_CACHE = env_bool("FACTCHECK_PUBLIC_CACHE", False)  # noqa: F405

# pytest-xdist (bin/test runs the fast tests in several processes): pytest-django gives each process its own test
# database; this gives each its own Redis db, so one process's cache.clear() does not empty another's cache, nor
# its rate-limit counters reach another's requests. Worker gwN uses the db N + 1 above REDIS_URL's.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and re.fullmatch(r"gw\d+", _xdist_worker):  # noqa: F405
    _redis = urlsplit(REDIS_URL)  # noqa: F405
    _db = int(_redis.path.strip("/") or 0) + 1 + int(_xdist_worker[2:])
    REDIS_URL = urlunsplit(_redis._replace(path=f"/{_db}"))
    CACHES = {"default": {**CACHES["default"], "LOCATION": REDIS_URL}}  # noqa: F405
    CELERY_BROKER_URL = CELERY_RESULT_BACKEND = REDIS_URL

# With no PostgreSQL, the run locks (factcheck.runlock) are files under VAR_DIR: each test process keeps its own, or one
# process's article 1 (every process's database numbers its rows from 1) would be "running" in another.
if re.fullmatch(r"gw\d+", _xdist_worker):
    VAR_DIR = VAR_DIR / "xdist" / _xdist_worker  # noqa: F405
