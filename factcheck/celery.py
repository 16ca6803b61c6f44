"""The Celery app shared by web, worker and beat."""

import os
from pathlib import Path

from celery import Celery, Task
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.local")


class TransactionAwareTask(Task):
    """A task whose `delay`/`apply_async` wait for the surrounding transaction to commit.

    A worker must never read rows that are not committed yet; outside a
    transaction the task is sent at once.
    """

    def apply_async(self, args=None, kwargs=None, **options):
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: super(TransactionAwareTask, self).apply_async(args, kwargs, **options))
            return None
        return super().apply_async(args, kwargs, **options)


app = Celery("factcheck", task_cls=TransactionAwareTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _make_filesystem_queue(sender, **kwargs):
    """The filesystem broker (no REDIS_URL) needs its folders to exist."""
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)
