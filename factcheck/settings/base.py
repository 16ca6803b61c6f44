"""Settings shared by every environment, read from the environment with embedded defaults.

With no variable set the service runs on a bare machine: an SQLite file under
var/, and Celery on a filesystem broker (no broker server; `bin/serve` starts a
worker beside the web server). DATABASE_URL switches to PostgreSQL, REDIS_URL
to Redis as broker and result backend. Every variable is listed in README.md.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from factcheck.env import env_bool, env_float, env_int, env_list, env_str, env_url, env_web_urls
from factcheck.redaction import redact

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
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "simple_history",
    "claims",
    "sources",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "factcheck.middleware.DatabaseBusyMiddleware",  # a page's write that waited out SQLite's lock: 503, not 500
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous reads of published verdicts: ETag/304 and a server-side cache keyed by the publication generation.
    # Early in the chain so a hit skips sessions, auth and the view; after security so redirects and HSTS still apply.
    # factcheck/wsgi.py answers most 304s and hits before this chain (claims/public_cache/fast_path.py), with the
    # headers of the middlewares above.
    "claims.public_cache.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
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
            # A write waits this long for another to finish, then the API answers 503 with Retry-After.
            "OPTIONS": {
                "timeout": env_int("SQLITE_BUSY_TIMEOUT", 10, minimum=1),
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL;",
            },
        }
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0))
    except ValueError as exc:  # unknown scheme, malformed URL
        raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {redact(str(exc))}") from None
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

# --- Content-Security-Policy on every response (django-csp): scripts only from our own origin, never inline (the
# admin has none; the API docs load Swagger UI and its start-up script from our static files and
# /api/docs/?script). Styles too: no 'unsafe-inline' (injected CSS can still read a page out through selectors
# and background URLs). Our pages keep their styles in static files and draw bars with classes; the two fixed
# <style> blocks of installed templates are allowed by their hash: Django admin's change list without actions,
# and drf-spectacular's Swagger UI page; so are three style attributes, by their hash ('unsafe-hashes' admits
# only attributes whose whole text hashes to a listed value): simple-history's `style="border-top: 0"` on the
# history page's paginator, and the two borders of the browsable API's nested forms (DRF's horizontal fieldset
# templates). tests/core/test_content_security_policy.py recomputes them all from the installed templates, so an upgrade that changes one fails there; tests/admin/test_browser_editor_day.py fails on any
# refusal during an editor's day.
# History keeps an editor's reason whole (unpublishing, corrections): simple-history's default is 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": [
            "'self'",
            "'sha256-blvLUW3UscWqsXGByNOqdBboM+ShWAuugp2mC/wbafU='",  # admin/change_list.html (no actions)
            "'sha256-MMpT0iDxyjALd9PdfepImGX3DBfJPXZ4IlDWdPAgtn0='",  # drf_spectacular/swagger_ui.html
            "'unsafe-hashes'",
            "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",  # simple_history/object_history_list.html
            "'sha256-GukptIrOEGpzojHi/AcEx+i26L8iNPwcvScxgMXcENQ='",  # rest_framework/horizontal/(list_)fieldset.html
            "'sha256-hNaa781qwSCNhKEyHDzhoScZXC66Tj+NIt+9DvCIAaw='",  # the same templates' legend
        ],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Sign-in: wrong passwords lock the account and, separately, the address they came from (django-axes),
# on the admin login and on the browsable API's login alike; the right password then does not sign in until
# the cool-off has passed. The address is the one the API's rate limit counts (API_NUM_PROXIES).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("FACTCHECK_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FACTCHECK_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "factcheck.api_throttling.client_ip"
AXES_COOLOFF_MESSAGE = "Too many failed sign-in attempts for this account or from this address. Try again later."

# Largest request body read into memory. The API's largest field, an article's `html` (5,000,000
# characters), must fit once written as JSON; a bigger body is a 413 in the API's error shape.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", 6 * 1024 * 1024, minimum=1024)

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
    # A message a dead worker took is redelivered after this many seconds: twice the longest hard time
    # limit, not an hour. Longer delays never ride on broker ETAs (factcheck.celery.broker_countdown).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env_int(
            "CELERY_VISIBILITY_TIMEOUT",
            2
            * max(
                env_int("CELERY_TASK_TIME_LIMIT", 180, minimum=1), env_int("FACTCHECK_FETCH_TIME_LIMIT", 120, minimum=2)
            ),
            minimum=2,
        )
    }
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
# A prefork pool child whose resident memory passes this many KiB is replaced after its current task
# (the thread pool has no children: its bound is the work per task, see FACTCHECK_EXTRACTION_MAX_*).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 1_048_576, minimum=65_536)
# A prefork worker loads the extraction's models before it forks its pool, so that a child (the first ones, and each
# that the memory limit replaces) starts with them instead of loading them again (claims/tasks.py).
FACTCHECK_WORKER_LOAD_MODELS_BEFORE_FORK = env_bool("FACTCHECK_WORKER_LOAD_MODELS_BEFORE_FORK", True)
CELERY_BEAT_SCHEDULE: dict = {}
# Sweepers (beat) restart work a crash left behind. They run on their own queue, so that a backlog of
# extraction or fetching never delays them: a small worker reads it (`celery worker --beat -Q maintenance`).
CELERY_MAINTENANCE_QUEUE = env_str("CELERY_MAINTENANCE_QUEUE", "maintenance")
FACTCHECK_SWEEP_INTERVAL = env_float("FACTCHECK_SWEEP_INTERVAL", 120.0, minimum=1.0)
# Work pending this long with no message in its queue is sent again (its message was lost).
FACTCHECK_STUCK_PENDING_SECONDS = env_int("FACTCHECK_STUCK_PENDING_SECONDS", 300, minimum=1)
# Source fetching (issue 5): I/O-bound tasks on their own queue, for a thread-pool worker
# (`celery -A factcheck worker -Q fetch --pool threads --concurrency 64`).
CELERY_FETCH_QUEUE = env_str("CELERY_FETCH_QUEUE", "fetch")
CELERY_TASK_ROUTES = {
    "sources.tasks.claim_fetches_restart_stuck": {"queue": CELERY_MAINTENANCE_QUEUE},
    "claims.tasks.articles_restart_stuck_extraction": {"queue": CELERY_MAINTENANCE_QUEUE},
    "sources.tasks.*": {"queue": CELERY_FETCH_QUEUE},
}
CELERY_BEAT_SCHEDULE |= {
    "sources-refetch-stale": {"task": "sources.tasks.sources_refetch_stale", "schedule": 6 * 3600.0},
    "sources-restart-stuck-fetches": {
        "task": "sources.tasks.claim_fetches_restart_stuck",
        "schedule": FACTCHECK_SWEEP_INTERVAL,
        "options": {"expires": FACTCHECK_SWEEP_INTERVAL},
    },
    "claims-restart-stuck-extraction": {
        "task": "claims.tasks.articles_restart_stuck_extraction",
        "schedule": FACTCHECK_SWEEP_INTERVAL,
        "options": {"expires": FACTCHECK_SWEEP_INTERVAL},
    },
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
        "factcheck.api_rendering.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "factcheck.api_parsing.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["factcheck.api_filtering.FilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "factcheck.api_errors.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["factcheck.api_throttling.AnonOrUserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "120/minute"),
        "user": env_str("API_THROTTLE_USER", "1200/minute"),
        # POST /api/v1/claims/match costs about half a second of CPU per call: its own limit, beside the general one.
        "match_anon": env_str("API_THROTTLE_MATCH_ANON", "20/minute"),
        "match_user": env_str("API_THROTTLE_MATCH_USER", "120/minute"),
    },
    # How many proxies of ours append to X-Forwarded-For in front of the web server: 0 (gunicorn published
    # directly) means the connection's peer address is the client and the header is ignored.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0, minimum=0),
    "DEFAULT_PAGINATION_CLASS": "factcheck.api_pagination.IdCursorPagination",
    "PAGE_SIZE": env_int("API_PAGE_SIZE", 50, minimum=1),
    "EXCEPTION_HANDLER": "factcheck.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "Claims extracted from news articles, the evidence gathered for them, and published verdicts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from drf-spectacular-sidecar's static files (pinned with the package), not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Claim.Status",
        "ExtractionStatusEnum": "claims.models.Article.ExtractionStatus",
        "FetchStatusEnum": "sources.models.ClaimFetch.Status",
    },
}

# --- factcheck itself
# `demo_editor` and `load_seeds` run only where this is on (production settings turn it off).
FACTCHECK_DEMO_COMMANDS = True
# Who publishes the verdicts (ClaimReview `author`), and where the public pages live.
FACTCHECK_ORGANIZATION_NAME = env_str("FACTCHECK_ORGANIZATION_NAME", "factcheck")
FACTCHECK_ORGANIZATION_URL = env_str("FACTCHECK_ORGANIZATION_URL", "http://127.0.0.1:8000/")
# ClaimReview's author: its logo (one image URL) and the organisation's other profiles (sameAs, comma-separated).
FACTCHECK_ORGANIZATION_LOGO = next(iter(env_web_urls("FACTCHECK_ORGANIZATION_LOGO", [])), "")
if len(env_web_urls("FACTCHECK_ORGANIZATION_LOGO", [])) > 1:
    raise ImproperlyConfigured("FACTCHECK_ORGANIZATION_LOGO is one image URL, not a list.")
FACTCHECK_ORGANIZATION_SAME_AS = env_web_urls("FACTCHECK_ORGANIZATION_SAME_AS", [])
FACTCHECK_PUBLIC_BASE_URL = env_str("FACTCHECK_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
# Public reads (claims.public_cache): on/off; how long a cached page and an ETag live at most (what no editor action
# changes, e.g. new evidence or an outlet's renamed title, shows within this many seconds; a publication,
# unpublication or correction shows at once); max-age sent to browsers and CDNs (0: they revalidate every time).
FACTCHECK_PUBLIC_CACHE = env_bool("FACTCHECK_PUBLIC_CACHE", True)
FACTCHECK_PUBLIC_CACHE_SECONDS = env_int("FACTCHECK_PUBLIC_CACHE_SECONDS", 300, minimum=1)
FACTCHECK_PUBLIC_MAX_AGE = env_int("FACTCHECK_PUBLIC_MAX_AGE", 0, minimum=0)
# Megabytes of cached public pages each web process also keeps in its own memory, for the WSGI fast path's hits
# (claims/public_cache/memory.py; under the same keys as the shared cache, so never staler; 0: none).
FACTCHECK_PUBLIC_CACHE_PROCESS_MB = env_int("FACTCHECK_PUBLIC_CACHE_PROCESS_MB", 32, minimum=0)
# Four-eyes: whoever last drafted a verdict (or its correction) cannot also publish it.
FACTCHECK_FOUR_EYES = env_bool("FACTCHECK_FOUR_EYES", False)
# Webhook deliveries retry with exponential backoff from this many seconds (8 retries).
FACTCHECK_WEBHOOK_RETRY_DELAY = env_float("FACTCHECK_WEBHOOK_RETRY_DELAY", 30.0, minimum=0.0)

# Extraction: spaCy model (None = official en_core_web_sm when installed, else its PyPI re-upload).
FACTCHECK_SPACY_MODEL = env_str("FACTCHECK_SPACY_MODEL", "") or None
# Extra gazetteer files (JSON, comma-separated paths) beside the general one: e.g. seeds/entities.json for the demo.
FACTCHECK_GAZETTEER_EXTRA = env_list("FACTCHECK_GAZETTEER_EXTRA", [])
# Only the first this-many characters of an article are extracted (bounds the CPU one article takes).
FACTCHECK_EXTRACTION_MAX_CHARS = env_int("FACTCHECK_EXTRACTION_MAX_CHARS", 100_000, minimum=1_000)
# ...and extraction stops after this many claims (each one is embedded, matched and fetched for).
FACTCHECK_EXTRACTION_MAX_CLAIMS = env_int("FACTCHECK_EXTRACTION_MAX_CLAIMS", 200, minimum=1)
# Optional LLM backend (any OpenAI-compatible chat-completions endpoint). Off unless a base URL is set.
FACTCHECK_LLM_BASE_URL = env_url("FACTCHECK_LLM_BASE_URL", None, schemes=("http", "https"))
FACTCHECK_LLM_MODEL = env_str("FACTCHECK_LLM_MODEL", "gpt-4o-mini")
FACTCHECK_LLM_API_KEY = env_str("FACTCHECK_LLM_API_KEY", "")
FACTCHECK_LLM_TIMEOUT = env_float("FACTCHECK_LLM_TIMEOUT", 60.0, minimum=1.0)

# Claim matching: cosine similarity thresholds for "same claim" and "possibly the same claim".
FACTCHECK_EMBEDDING_MODEL = env_str("FACTCHECK_EMBEDDING_MODEL", "") or None
# auto: bfloat16 where the CPU computes it natively (about 2.8x faster; cosine to float32 vectors > 0.9998), else float32.
FACTCHECK_EMBEDDING_PRECISION = env_str("FACTCHECK_EMBEDDING_PRECISION", "auto").lower()
if FACTCHECK_EMBEDDING_PRECISION not in ("auto", "float32", "bfloat16"):
    raise ImproperlyConfigured("FACTCHECK_EMBEDDING_PRECISION must be auto, float32 or bfloat16.")
# Torch threads in a process that embeds: 1, as the worker pool already runs one article per process and core;
# more threads per process spin against each other under load (0: torch's default, one per core).
FACTCHECK_EMBEDDING_THREADS = env_int("FACTCHECK_EMBEDDING_THREADS", 1, minimum=0)
# Threads of one process that may run the embedding model at once (the 64-thread fetch worker ranks passages with
# it): more only multiplies memory, as each inference holds its own activations.
FACTCHECK_EMBEDDING_CONCURRENCY = env_int("FACTCHECK_EMBEDDING_CONCURRENCY", 1, minimum=1)
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
# Claims extracted below this check-worthiness are stored without fetching sources (an editor's "Fetch sources"
# fetches them): they are out of the editors' default queue, and ranking evidence for every claim of every article
# is most of the pipeline's CPU (bench/pipeline.py). Default: the queue's "not check-worthy" line, claims/bands.py.
FACTCHECK_FETCH_MIN_CHECKWORTHINESS = env_float("FACTCHECK_FETCH_MIN_CHECKWORTHINESS", 0.1, minimum=0.0, maximum=1.0)
FACTCHECK_WIKIPEDIA_URL = env_url(
    "FACTCHECK_WIKIPEDIA_URL", "https://en.wikipedia.org/w/api.php", schemes=("http", "https")
)
FACTCHECK_GOOGLE_FACTCHECK_URL = env_url(
    "FACTCHECK_GOOGLE_FACTCHECK_URL",
    "https://factchecktools.googleapis.com/v1alpha1/claims:search",
    schemes=("http", "https"),
)
FACTCHECK_GDELT_URL = env_url(
    "FACTCHECK_GDELT_URL", "https://api.gdeltproject.org/api/v2/doc/doc", schemes=("http", "https")
)

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
    "filters": {"redact_secrets": {"()": "factcheck.redaction.RedactSecretsFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact_secrets"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes logs every sign-in at INFO (a line per request in a test run); lockouts are warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}
