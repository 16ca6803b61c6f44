"""Settings for a developer's machine: base plus DEBUG on by default, answering only this machine
(debug pages and the public local secret key must never reach a network)."""

from factcheck.env import env_bool

from .base import *  # noqa: F401,F403
from .base import MIDDLEWARE

DEBUG = env_bool("DJANGO_DEBUG", True)
MIDDLEWARE = ["factcheck.middleware.LoopbackOnlyMiddleware", *MIDDLEWARE]
