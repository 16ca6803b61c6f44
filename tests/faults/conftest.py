"""Fixtures for the fault tests: real workers of our own (started, killed and restarted by the test), on the
test database and Redis (or a filesystem broker), and a generator of made-up articles."""

from __future__ import annotations

import contextlib
import os
import uuid

import pytest

from tests.conftest import _database_url, _route_fetch_tasks_to
from tests.workers import Worker

BODIES = ["ministry", "council", "senate", "agency", "office", "court", "army", "bank"]
COUNTRIES = ["Atlantis", "Freedonia", "Genovia", "Ruritania", "Elbonia", "Latveria", "Sokovia", "Zubrowka", "Florin"]
THINGS = ["schools", "bridges", "clinics", "libraries", "harbours", "stadiums", "bakeries", "stations", "dams", "farms"]
PLACES = ["the northern province", "the capital", "coastal towns", "the eastern valley", "three islands", "the delta"]


def made_up_paragraphs(count: int, *, seed: int = 0) -> list[str]:
    """Distinct made-up news paragraphs, each with a check-worthy statement."""
    out = []
    for i in range(seed, seed + count):
        out.append(
            f"The {BODIES[i % 8]} of {COUNTRIES[i % 9]} said on Monday that {i * 7 + 3} new {THINGS[i % 10]} "
            f"opened in {PLACES[i % 6]} in {1800 + i % 220}, spending {i % 90 + 5} million crowns on them."
        )
    return out


def made_up_html(paragraphs: int, *, seed: int = 0, title: str = "Made-up report") -> str:
    body = "".join(f"<p>{p}</p>" for p in made_up_paragraphs(paragraphs, seed=seed))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


@pytest.fixture
def worker_env(integration_services, tmp_path):
    """Environment of a worker of our own: its queues, the test database, Redis by default."""
    queue = f"fault-{uuid.uuid4().hex[:10]}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.test",
        "DATABASE_URL": _database_url(integration_services),
        "CELERY_QUEUE": queue,
        "CELERY_FETCH_QUEUE": f"{queue}-fetch",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "FACTCHECK_FETCHERS": "internal",  # offline: nothing leaves 127.0.0.1
        "FACTCHECK_VAR_DIR": str(tmp_path / "var"),
    }


@contextlib.contextmanager
def sending_to(env: dict, settings):
    """Tasks sent by this test process go to the queues the worker of `env` reads."""
    from factcheck.celery import app

    saved = app.conf.task_always_eager, app.conf.task_default_queue, app.conf.task_routes
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.task_default_queue = env["CELERY_QUEUE"]
    _route_fetch_tasks_to(app, env["CELERY_FETCH_QUEUE"])
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = saved[0], saved[1]
        _route_fetch_tasks_to(app, "unused")
        app.conf.task_routes = saved[2]
        app.amqp.flush_routes()
        app.amqp.router = app.amqp.Router()


@pytest.fixture
def workers():
    """Workers a test starts; each is stopped (its whole process group) at the end."""
    started: list[Worker] = []

    def make(**kwargs) -> Worker:
        worker = Worker(**kwargs)
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()
