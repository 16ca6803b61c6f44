"""Fixtures for the core tests: a run lock held by another process, which the test can kill as a worker dies."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.conftest import _database_url

HOLDER = """
import sys, time, django
django.setup()
from factcheck import runlock
print("held" if runlock.acquire(sys.argv[1]) else "refused", flush=True)
time.sleep(600)
"""


class Holder:
    """Another process (a worker's stand-in) holding the run lock of `key` until it is killed."""

    def __init__(self, key: str, *, test_process: str | None = None):
        from django.db import connection

        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factcheck.settings.test"}
        if test_process is not None:  # as another pytest-xdist process would run it
            env["PYTEST_XDIST_WORKER"] = test_process
        if connection.vendor == "postgresql":  # the test database, where this test's locks are taken
            env["DATABASE_URL"] = _database_url(connection.settings_dict)
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, key], env=env, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.answer = self.process.stdout.readline().strip()

    def kill(self) -> None:
        """SIGKILL, as a worker is killed: no clean-up of its own runs."""
        self.process.kill()
        self.process.wait()


@pytest.fixture
def held_elsewhere():
    """`held_elsewhere(key)`: a process holding that run lock (`test_process=`: as that pytest-xdist process);
    killed at the end if the test did not."""
    holders: list[Holder] = []

    def hold(key: str, *, test_process: str | None = None) -> Holder:
        holders.append(Holder(key, test_process=test_process))
        assert holders[-1].answer == "held"
        return holders[-1]

    yield hold
    for holder in holders:
        holder.kill()


def wait_until(condition, *, timeout: float = 10.0) -> bool:
    """Whether `condition()` became true within `timeout` seconds (a killed session takes a moment to end)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
