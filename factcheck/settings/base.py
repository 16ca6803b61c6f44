"""Settings shared by every environment, read from the environment with embedded defaults.

With no variable set the service runs on a bare machine: an SQLite file under
var/, and Celery on a filesystem broker (no broker server; `bin/serve` starts a
worker beside the web server). DATABASE_URL switches to PostgreSQL, REDIS_URL
to Redis as broker and result backend. Every variable is listed in README.md.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from factcheck.env import env_bool, env_float, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("FACTCHECK_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-local-only-key-never-used-in-production")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "simple_history",
    "claims",
    "sources",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "factcheck" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database(url: str | None) -> dict:
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        # WAL and immediate transactions let the web process and the worker's threads write side by side.
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"},
        }
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0))
    except ValueError as exc:  # unknown scheme, malformed URL
        raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {exc}") from None
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database(env_str("DATABASE_URL", ""))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGIN_URL = "admin:login"

# --- Cache: Redis when REDIS_URL is set (rate limits shared across workers), local memory otherwise.
REDIS_URL = env_url("REDIS_URL", None, schemes=("redis", "rediss", "unix"))
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery. Tasks take ids, are idempotent, and are enqueued after commit.
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    # No broker server: messages are files under var/celery, read by `celery worker`.
    _queue_dir = VAR_DIR / "celery" / "queue"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_RESULT_BACKEND = None
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180, minimum=1)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "celery")
CELERY_BEAT_SCHEDULE: dict = {}
# Source fetching (issue 5): I/O-bound tasks on their own queue, for a thread-pool worker
# (`celery -A factcheck worker -Q fetch --pool threads --concurrency 64`).
CELERY_FETCH_QUEUE = env_str("CELERY_FETCH_QUEUE", "fetch")
CELERY_TASK_ROUTES = {"sources.tasks.*": {"queue": CELERY_FETCH_QUEUE}}
CELERY_BEAT_SCHEDULE |= {
    "sources-refetch-stale": {"task": "sources.tasks.sources_refetch_stale", "schedule": 6 * 3600.0},
    "sources-restart-stuck-fetches": {"task": "sources.tasks.claim_fetches_restart_stuck", "schedule": 300.0},
}

# --- REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": [
        "factcheck.api_rendering.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["factcheck.api_filtering.FilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "factcheck.api_errors.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["factcheck.api_throttling.AnonOrUserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "120/minute"),
        "user": env_str("API_THROTTLE_USER", "1200/minute"),
    },
    "DEFAULT_PAGINATION_CLASS": "factcheck.api_pagination.IdCursorPagination",
    "PAGE_SIZE": env_int("API_PAGE_SIZE", 50, minimum=1),
    "EXCEPTION_HANDLER": "factcheck.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "Claims extracted from news articles, the evidence gathered for them, and published verdicts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Claim.Status",
        "ExtractionStatusEnum": "claims.models.Article.ExtractionStatus",
        "FetchStatusEnum": "sources.models.ClaimFetch.Status",
    },
}

# --- factcheck itself
# Who publishes the verdicts (ClaimReview `author`), and where the public pages live.
FACTCHECK_ORGANIZATION_NAME = env_str("FACTCHECK_ORGANIZATION_NAME", "factcheck")
FACTCHECK_ORGANIZATION_URL = env_str("FACTCHECK_ORGANIZATION_URL", "http://127.0.0.1:8000/")
FACTCHECK_PUBLIC_BASE_URL = env_str("FACTCHECK_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
# Webhook deliveries retry with exponential backoff from this many seconds (8 retries).
FACTCHECK_WEBHOOK_RETRY_DELAY = env_float("FACTCHECK_WEBHOOK_RETRY_DELAY", 30.0, minimum=0.0)

# Extraction: spaCy model (None = official en_core_web_sm when installed, else its PyPI re-upload).
FACTCHECK_SPACY_MODEL = env_str("FACTCHECK_SPACY_MODEL", "") or None
# Only the first this-many characters of an article are extracted (bounds the CPU one article takes).
FACTCHECK_EXTRACTION_MAX_CHARS = env_int("FACTCHECK_EXTRACTION_MAX_CHARS", 300_000, minimum=1_000)
# Optional LLM backend (any OpenAI-compatible chat-completions endpoint). Off unless a base URL is set.
FACTCHECK_LLM_BASE_URL = env_url("FACTCHECK_LLM_BASE_URL", None, schemes=("http", "https"))
FACTCHECK_LLM_MODEL = env_str("FACTCHECK_LLM_MODEL", "gpt-4o-mini")
FACTCHECK_LLM_API_KEY = env_str("FACTCHECK_LLM_API_KEY", "")
FACTCHECK_LLM_TIMEOUT = env_float("FACTCHECK_LLM_TIMEOUT", 60.0, minimum=1.0)

# Claim matching: cosine similarity thresholds for "same claim" and "possibly the same claim".
FACTCHECK_EMBEDDING_MODEL = env_str("FACTCHECK_EMBEDDING_MODEL", "") or None
FACTCHECK_MATCH_SAME = env_float("FACTCHECK_MATCH_SAME", 0.85, minimum=0.0, maximum=1.0)
FACTCHECK_MATCH_SUGGEST = env_float("FACTCHECK_MATCH_SUGGEST", 0.65, minimum=0.0, maximum=1.0)
if FACTCHECK_MATCH_SUGGEST > FACTCHECK_MATCH_SAME:
    raise ImproperlyConfigured("FACTCHECK_MATCH_SUGGEST must not exceed FACTCHECK_MATCH_SAME.")

# The one safe HTTP client: limits on everything fetched.
FACTCHECK_HTTP_USER_AGENT = env_str(
    "FACTCHECK_HTTP_USER_AGENT", "factcheck/1.0 (+https://github.com/factcheck/factcheck; claim verification bot)"
)
FACTCHECK_HTTP_CONNECT_TIMEOUT = env_float("FACTCHECK_HTTP_CONNECT_TIMEOUT", 5.0, minimum=0.1)
FACTCHECK_HTTP_READ_TIMEOUT = env_float("FACTCHECK_HTTP_READ_TIMEOUT", 15.0, minimum=0.1)
FACTCHECK_HTTP_MAX_BYTES = env_int("FACTCHECK_HTTP_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
FACTCHECK_HTTP_MAX_REDIRECTS = env_int("FACTCHECK_HTTP_MAX_REDIRECTS", 5, minimum=0)
FACTCHECK_HTTP_DOMAIN_INTERVAL = env_float("FACTCHECK_HTTP_DOMAIN_INTERVAL", 1.0, minimum=0.0)
FACTCHECK_HTTP_RESPECT_ROBOTS = env_bool("FACTCHECK_HTTP_RESPECT_ROBOTS", True)
# Only tests turn this on: lets the client reach servers on 127.0.0.1.
FACTCHECK_HTTP_ALLOW_LOOPBACK = env_bool("FACTCHECK_HTTP_ALLOW_LOOPBACK", False)

# A name looked up when another cannot be: if it does not resolve either, the machine is offline and
# fetch errors say "no network" rather than "no such host".
FACTCHECK_HTTP_PROBE_HOST = env_str("FACTCHECK_HTTP_PROBE_HOST", "example.com")

FACTCHECK_GOOGLE_API_KEY = env_str("FACTCHECK_GOOGLE_API_KEY", "")
# Source fetchers run for every new claim, by name (see sources/fetchers/): our own corpus, cited outlets,
# and the providers that need no key; Google's earlier fact-checks when a key is set.
FACTCHECK_FETCHERS = env_list(
    "FACTCHECK_FETCHERS",
    ["internal", "cited", "wikipedia", "gdelt"] + (["google_factcheck"] if FACTCHECK_GOOGLE_API_KEY else []),
)
FACTCHECK_WIKIPEDIA_URL = env_url("FACTCHECK_WIKIPEDIA_URL", "https://en.wikipedia.org/w/api.php", schemes=("http", "https"))
FACTCHECK_GOOGLE_FACTCHECK_URL = env_url(
    "FACTCHECK_GOOGLE_FACTCHECK_URL", "https://factchecktools.googleapis.com/v1alpha1/claims:search", schemes=("http", "https")
)
FACTCHECK_GDELT_URL = env_url("FACTCHECK_GDELT_URL", "https://api.gdeltproject.org/api/v2/doc/doc", schemes=("http", "https"))

# Sync of published verdicts to Google's Fact Check Tools (ClaimReview read/write "Pages") API: on when
# a service-account JSON file is named (its account must be a user of the site in Search Console).
GOOGLE_FACTCHECK_CREDENTIALS_FILE = env_str("GOOGLE_FACTCHECK_CREDENTIALS_FILE", "") or None
GOOGLE_FACTCHECK_API_URL = env_url(
    "GOOGLE_FACTCHECK_API_URL", "https://factchecktools.googleapis.com", schemes=("http", "https")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
