"""Settings for bench/api.py: the production-like base settings plus the ceiling views' URLs."""

from factcheck.settings.base import *  # noqa: F401,F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
