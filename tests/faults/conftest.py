"""Fixtures for the fault tests: real workers of our own (started, killed and restarted by the test), on the
test database and Redis (or a filesystem broker), and a generator of made-up articles."""

from __future__ import annotations

import contextlib
import os
import uuid

import pytest

from tests.conftest import _database_url, _route_fetch_tasks_to
from tests.workers import Worker, new_producer_connections

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
        # Not factcheck.settings.test: it runs every task eagerly, so tasks a worker sends would run inside it.
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.local",
        "DJANGO_DEBUG": "false",
        "FACTCHECK_HTTP_ALLOW_LOOPBACK": "true",
        "FACTCHECK_HTTP_DOMAIN_INTERVAL": "0",
        "FACTCHECK_HTTP_RESPECT_ROBOTS": "false",
        "DATABASE_URL": _database_url(integration_services),
        "CELERY_QUEUE": queue,
        "CELERY_FETCH_QUEUE": f"{queue}-fetch",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "FACTCHECK_FETCHERS": "internal",  # offline: nothing leaves 127.0.0.1
        "FACTCHECK_VAR_DIR": str(tmp_path / "var"),
    }


def filesystem_broker(env: dict) -> dict:
    """The worker environment `env` on the filesystem broker (no REDIS_URL) under its FACTCHECK_VAR_DIR."""
    return {**env, "REDIS_URL": ""}


def _filesystem_options(var_dir: str) -> dict:
    queue = os.path.join(var_dir, "celery", "queue")
    for folder in ("queue", "processed", "control"):
        os.makedirs(os.path.join(var_dir, "celery", folder), exist_ok=True)
    return {"data_folder_in": queue, "data_folder_out": queue, "store_processed": False,
            "processed_folder": os.path.join(var_dir, "celery", "processed"),
            "control_folder": os.path.join(var_dir, "celery", "control")}  # fmt: skip


@contextlib.contextmanager
def sending_to(env: dict, settings):
    """Tasks sent by this test process go to the queues (and the broker) the worker of `env` reads."""
    from factcheck.celery import app

    saved = (app.conf.task_always_eager, app.conf.task_default_queue, app.conf.task_routes, app.conf.broker_url,
             app.conf.broker_transport_options)  # fmt: skip
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.task_default_queue = env["CELERY_QUEUE"]
    if env.get("REDIS_URL") == "":
        app.conf.broker_url = "filesystem://"
        app.conf.broker_transport_options = _filesystem_options(env["FACTCHECK_VAR_DIR"])
        new_producer_connections(app)
    _route_fetch_tasks_to(app, env["CELERY_FETCH_QUEUE"])
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = saved[0], saved[1]
        _route_fetch_tasks_to(app, "unused")
        app.conf.task_routes, app.conf.broker_url, app.conf.broker_transport_options = saved[2:]
        new_producer_connections(app)
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
