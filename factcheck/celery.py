"""The Celery app shared by web, worker and beat."""

import logging
import os
from pathlib import Path

from celery import Celery, signals
from kombu.transport import TRANSPORT_ALIASES

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.local")
# The filesystem broker writes each message whole before a worker can see it (factcheck/filesystem_broker.py);
# a worker on Redis survives Redis going away while it holds messages (factcheck/redis_broker.py).
TRANSPORT_ALIASES["filesystem"] = "factcheck.filesystem_broker:Transport"
TRANSPORT_ALIASES["redis"] = TRANSPORT_ALIASES["rediss"] = "factcheck.redis_broker:Transport"


app = Celery("factcheck")  # tasks are sent after commit by factcheck.enqueue, the one place that sends them
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def broker_countdown(countdown: float) -> float:
    """A retry delay the broker can hold: on Redis a message waiting for its ETA sits unacknowledged, and
    past the visibility timeout Redis hands a copy to another worker. Delays are capped at 80% of it."""
    timeout = (app.conf.broker_transport_options or {}).get("visibility_timeout")
    return min(countdown, 0.8 * timeout) if timeout else countdown


@app.on_after_configure.connect
def _make_filesystem_queue(sender, **kwargs):
    """The filesystem broker (no REDIS_URL) needs its folders to exist."""
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)


@signals.worker_init.connect
@signals.beat_init.connect
def _never_debug_in_workers(**kwargs):
    """A worker or beat never runs with DEBUG on, whatever the settings module says: with DEBUG Django keeps
    every SQL query of the process in memory (`connection.queries`), and a worker's process lives for days.
    Runs in the main process before the pool starts, so prefork children and threads inherit it."""
    from django.conf import settings

    if settings.DEBUG:
        logging.getLogger(__name__).warning(
            "DEBUG is on in the settings; turned off in this worker (it would keep every query)."
        )
        settings.DEBUG = False
