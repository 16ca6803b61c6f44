"""Celery routing: every sources task goes to the fetch queue (settings.CELERY_FETCH_QUEUE, default "fetch"),
so operators can give I/O-bound fetching its own thread-pool worker. Read per message, so tests can
point it at a private queue."""

from django.conf import settings


def route_task(name, args, kwargs, options, task=None, **kw):
    if name.startswith("sources.tasks."):
        return {"queue": settings.CELERY_FETCH_QUEUE}
    return None
