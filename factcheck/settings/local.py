"""Settings for a developer's machine: base plus DEBUG on by default."""

from factcheck.env import env_bool

from .base import *  # noqa: F401,F403

DEBUG = env_bool("DJANGO_DEBUG", True)
