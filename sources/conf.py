"""Knobs of source fetching, read from the environment like every setting (strictly, with defaults).

Kept here rather than in factcheck/settings so that the fetching app owns them; a Django setting of
the same name wins (tests override them with pytest-django's `settings`).
"""

from django.conf import settings

from factcheck.env import env_bool, env_float, env_int


def _setting(name: str, default):
    return getattr(settings, name, default)


DEFAULTS = {
    # Retries of a fetch task on timeouts, connection failures, 5xx and 429.
    "FACTCHECK_FETCH_MAX_RETRIES": env_int("FACTCHECK_FETCH_MAX_RETRIES", 5, minimum=0),
    "FACTCHECK_FETCH_BACKOFF_BASE": env_float("FACTCHECK_FETCH_BACKOFF_BASE", 10.0, minimum=0.0),
    "FACTCHECK_FETCH_BACKOFF_MAX": env_float("FACTCHECK_FETCH_BACKOFF_MAX", 1800.0, minimum=0.0),
    "FACTCHECK_FETCH_SOFT_TIME_LIMIT": env_int("FACTCHECK_FETCH_SOFT_TIME_LIMIT", 90, minimum=1),
    "FACTCHECK_FETCH_TIME_LIMIT": env_int("FACTCHECK_FETCH_TIME_LIMIT", 120, minimum=2),
    # Beat: sources older than this are fetched again; claims pending longer than this are restarted (a fraction
    # of a minute is allowed: the fault tests wait half a minute, not a whole one).
    "FACTCHECK_SOURCE_STALE_DAYS": env_int("FACTCHECK_SOURCE_STALE_DAYS", 30, minimum=1),
    "FACTCHECK_FETCH_STUCK_MINUTES": env_float("FACTCHECK_FETCH_STUCK_MINUTES", 15.0, minimum=0.1),
    "FACTCHECK_REFETCH_BATCH": env_int("FACTCHECK_REFETCH_BATCH", 200, minimum=1),
    # How much each fetcher brings back.
    "FACTCHECK_FETCH_RESULTS": env_int("FACTCHECK_FETCH_RESULTS", 3, minimum=1),
    # Our own corpus: articles (and, as many again, earlier sources) offered per claim, those sharing the most words first.
    "FACTCHECK_INTERNAL_RESULTS": env_int("FACTCHECK_INTERNAL_RESULTS", 5, minimum=1),
    "FACTCHECK_EVIDENCE_PER_SOURCE": env_int("FACTCHECK_EVIDENCE_PER_SOURCE", 3, minimum=1),
    # Passage sentences (and claims) a fetch worker process remembers the embeddings of, across fetches (about
    # 2 KB each; 0: each fetch embeds its own texts afresh).
    "FACTCHECK_EVIDENCE_EMBEDDING_MEMORY": env_int("FACTCHECK_EVIDENCE_EMBEDDING_MEMORY", 20_000, minimum=0),
    # Seconds the fetch workers keep those embeddings in the Django cache (Redis), where every worker process finds
    # them (about 1.5 KB each; 0: each process only its own).
    "FACTCHECK_EVIDENCE_EMBEDDING_SHARED_SECONDS": env_int(
        "FACTCHECK_EVIDENCE_EMBEDDING_SHARED_SECONDS", 3600, minimum=0
    ),
    # Ask the LLM backend (FACTCHECK_LLM_BASE_URL) for stance suggestions when one is configured.
    "FACTCHECK_STANCE_LLM": env_bool("FACTCHECK_STANCE_LLM", True),
}


def get(name: str):
    return _setting(name, DEFAULTS[name])
