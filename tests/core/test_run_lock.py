"""A run lock is held by one run at a time, across threads and processes, and a killed process's lock is free at
once: the proof a sweeper or a second claimer needs that nobody is running the work."""

from __future__ import annotations

import os
import threading

import pytest
from django.db import connection

from factcheck import runlock

from .conftest import wait_until

pytestmark = pytest.mark.django_db


def test_a_lock_held_by_another_process_is_refused_until_that_process_is_killed(held_elsewhere):
    holder = held_elsewhere("test:article:7")

    assert runlock.acquire("test:article:7") is False
    assert runlock.acquire("test:article:8") is True  # another key is another lock
    runlock.release("test:article:8")

    holder.kill()

    assert wait_until(lambda: runlock.acquire("test:article:7"))
    assert runlock.held_here("test:article:7")
    runlock.release("test:article:7")
    assert not runlock.held_here("test:article:7")


def test_a_second_holder_in_the_same_process_is_refused_until_the_first_releases_it():
    seen = []
    with runlock.held("test:fetch:3") as ours:
        assert ours is True
        assert runlock.acquire("test:fetch:3") is False  # the same thread asking again
        other = threading.Thread(target=lambda: seen.append(runlock.acquire("test:fetch:3")))
        other.start()
        other.join()
        assert seen == [False]
        assert runlock.held_here("test:fetch:3")

    with runlock.held("test:fetch:3") as ours:
        assert ours is True


def test_a_released_lock_can_be_taken_by_another_process(held_elsewhere):
    with runlock.held("test:fetch:4") as ours:
        assert ours is True
    holder = held_elsewhere("test:fetch:4")  # asserts that it got it

    assert runlock.acquire("test:fetch:4") is False
    holder.kill()


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="on PostgreSQL each test process's own database keeps its locks apart"
)
def test_two_test_processes_on_sqlite_keep_their_run_locks_apart(held_elsewhere):
    # every process's test database numbers its rows from 1: one's "extraction of article 1" is not another's
    me = os.environ.get("PYTEST_XDIST_WORKER", "")
    other = "gw98" if me != "gw98" else "gw99"
    held_elsewhere("test:article:1", test_process=other)
    assert runlock.acquire("test:article:1") is True
    runlock.release("test:article:1")

    held_elsewhere("test:article:2", test_process=me or None)  # the same process's files: refused as ever
    assert runlock.acquire("test:article:2") is False
