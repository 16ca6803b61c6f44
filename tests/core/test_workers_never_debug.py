"""A Celery worker or beat started with the local (DEBUG) settings runs with DEBUG off: Django would
otherwise keep every SQL query of the long-lived process in memory."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
from factcheck.celery import app
from celery import signals
from django.conf import settings
from django.db import connection
import django
django.setup()
before = settings.DEBUG
signals.{signal}.send(sender=None)
connection.ensure_connection()
print(before, settings.DEBUG, connection.queries_logged)
"""


@pytest.mark.parametrize("signal", ["worker_init", "beat_init"])
def test_a_worker_on_the_local_settings_runs_without_debug(signal, tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factcheck.settings.local", "FACTCHECK_VAR_DIR": str(tmp_path)}
    env.pop("DJANGO_DEBUG", None)
    env.pop("DATABASE_URL", None)

    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(signal=signal)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "False", "False"]  # local settings say DEBUG; the worker turns it off
