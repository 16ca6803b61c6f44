"""Fixtures shared by the whole suite.

Integration tests (marker `integration`) need PostgreSQL (DATABASE_URL), Redis
(REDIS_URL) and start a real Celery worker. They run when FACTCHECK_INTEGRATION=1
or CI=true, and then a missing service is a failure, not a skip. Elsewhere they
are skipped and the run says so at the end.

Browser tests (marker `browser`) need Debian's chromium; likewise required in CI.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


INTEGRATION = _flag("FACTCHECK_INTEGRATION") or _flag("CI")
BROWSER_REQUIRED = _flag("FACTCHECK_BROWSER") or _flag("CI")

_skipped_integration: list[str] = []
_skipped_browser: list[str] = []


# Whole kinds of test that take seconds each: `bin/test --fast` (pytest -m "not slow") leaves them out while
# developing; CI runs everything. Single slow tests elsewhere carry @pytest.mark.slow themselves.
SLOW_KINDS = ("integration", "browser")
SLOW_FOLDERS = ("tests/faults/",)


def _is_slow(item) -> bool:
    if any(kind in item.keywords for kind in SLOW_KINDS) or item.nodeid.startswith(SLOW_FOLDERS):
        return True
    test = getattr(item, "obj", None)
    module = getattr(item, "module", None)
    return bool(getattr(test, "is_hypothesis_test", False)) or hasattr(module, "schemathesis")


def pytest_collection_modifyitems(config, items):
    have_chromium = Path(CHROMIUM).exists()
    for item in items:
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)
        if "integration" in item.keywords and not INTEGRATION:
            _skipped_integration.append(item.nodeid)
            item.add_marker(pytest.mark.skip(reason="integration tests need FACTCHECK_INTEGRATION=1 (CI sets it)"))
        if "browser" in item.keywords and not have_chromium and not BROWSER_REQUIRED:
            _skipped_browser.append(item.nodeid)
            item.add_marker(pytest.mark.skip(reason=f"browser tests need chromium at {CHROMIUM}"))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped_integration:
        terminalreporter.write_line(
            f"NOTE: skipped {len(_skipped_integration)} integration tests (real PostgreSQL, Redis and Celery worker). "
            "Run them with FACTCHECK_INTEGRATION=1 DATABASE_URL=postgres://... REDIS_URL=redis://... bin/test",
            yellow=True,
        )
    if _skipped_browser:
        terminalreporter.write_line(
            f"NOTE: skipped {len(_skipped_browser)} browser tests: install Debian's chromium to run them.", yellow=True
        )


@pytest.fixture
def model_inputs(monkeypatch):
    """Every text that reaches the embedding model (the real one), in order."""
    from claims.matching import embeddings

    seen: list[str] = []
    original = embeddings.embed_texts

    def watched(texts, **kwargs):
        seen.extend(texts)
        return original(texts, **kwargs)

    monkeypatch.setattr(embeddings, "embed_texts", watched)
    return seen


@pytest.fixture(autouse=True)
def _fresh_embedding_memory():
    """Each test starts with an empty process-wide memory of passage embeddings (sources.services): tests that
    watch which texts reach the model must not depend on which test ran before them."""
    yield
    from sources.services import passage_embeddings

    passage_embeddings.forget()


# --- Integration: a real worker against the test database -------------------------------------------


@pytest.fixture(scope="session")
def integration_services(django_db_setup, django_db_blocker):
    """Check that PostgreSQL and Redis are really there; fail loudly when they are not."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.fail("Integration tests need PostgreSQL: set DATABASE_URL=postgres://...")
    if not settings.REDIS_URL:
        pytest.fail("Integration tests need Redis: set REDIS_URL=redis://...")
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at {settings.REDIS_URL} does not answer: {exc}")
    return settings.DATABASES["default"]


def _database_url(db: dict) -> str:
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker_process(integration_services, tmp_path_factory):
    """A real `celery worker` subprocess on its own queue, reading the test database.

    Yields the queue name; tasks sent while `live_celery` is active go there.
    """
    queue = f"test-{uuid.uuid4().hex[:10]}"
    fetch_queue = f"{queue}-fetch"  # sources.routing sends fetch tasks to settings.CELERY_FETCH_QUEUE
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.test",
        "DATABASE_URL": _database_url(integration_services),
        "CELERY_QUEUE": queue,
        "CELERY_FETCH_QUEUE": fetch_queue,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "factcheck", "worker",
        "-Q", f"{queue},{fetch_queue}", "--pool", "threads", "--concurrency", "4", "--loglevel", "INFO",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{queue}@%h",
    ]  # fmt: skip
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"The Celery worker did not start:\n{log.read_text()[-4000:]}")
        time.sleep(0.2)
    yield {"queue": queue, "fetch_queue": fetch_queue, "log": log}
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def live_celery(celery_worker_process, transactional_db, settings):
    """Send tasks to the real worker (not eagerly) for one test; rows are committed so it can read them.

    The flush after a transactional test empties every table; the post_migrate handlers it fires
    bring back the roles and the default rating scale for the tests that follow.
    """
    from factcheck.celery import app

    saved = app.conf.task_always_eager, app.conf.task_default_queue
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.task_default_queue = celery_worker_process["queue"]
    saved_routes = app.conf.task_routes
    _route_fetch_tasks_to(app, celery_worker_process["fetch_queue"])
    yield celery_worker_process
    # Work the test set off (fetches an extraction queued, say) runs on after its assertions: the flush that ends a
    # transactional test must not empty the tables under it, nor leave its rows to the next test.
    wait_for(lambda: _worker_idle(celery_worker_process), timeout=180, message="the worker to finish what was sent")
    app.conf.task_always_eager, app.conf.task_default_queue = saved
    app.conf.task_routes = saved_routes
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


_TASK_EVENT = re.compile(r"\[([0-9a-f-]{36})\] (received|succeeded|failed|raised|retry|ignored|rejected)")


def _worker_idle(worker: dict) -> bool:
    """Nothing waits in the worker's queues, and every task it received has ended (a retry ends an attempt; the
    retried message is received again). Asked twice, half a second apart, so a task sent as another ends counts."""
    import redis
    from django.conf import settings

    client = redis.Redis.from_url(settings.REDIS_URL)
    for attempt in range(2):
        if attempt:
            time.sleep(0.5)
        if any(client.llen(queue) for queue in (worker["queue"], worker["fetch_queue"])):
            return False
        started, ended = Counter(), Counter()
        for task_id, event in _TASK_EVENT.findall(worker["log"].read_text()):
            (started if event == "received" else ended)[task_id] += 1
        if any(ended[task_id] < count for task_id, count in started.items()):
            return False
    return True


def _route_fetch_tasks_to(app, queue: str) -> None:
    """Point the fetch tasks' route (settings.CELERY_TASK_ROUTES) at `queue`; Celery caches its router."""
    app.conf.task_routes = {"sources.tasks.*": {"queue": queue}}
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


def wait_for(predicate, *, timeout: float = 30.0, interval: float = 0.2, message: str = "condition"):
    """Poll until predicate() is truthy; fail with `message` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"Timed out after {timeout}s waiting for {message}")


# --- Browser ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (no downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests keep screenshots and other artifacts for people to look at."""
    path = ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


# --- People in their roles ---------------------------------------------------------------------------


@pytest.fixture
def reviewer(db):
    from claims.roles import REVIEWER
    from tests.factories import UserFactory

    return UserFactory(username="rita-reviewer", roles=[REVIEWER])


@pytest.fixture
def editor(db):
    from claims.roles import EDITOR
    from tests.factories import UserFactory

    return UserFactory(username="ed-editor", roles=[EDITOR])


@pytest.fixture
def admin_user(db):
    from tests.factories import UserFactory

    return UserFactory(username="ada-admin", is_superuser=True)


# --- SQLite's single writer, held by another connection -------------------------------------------


@pytest.fixture
def another_writer(transactional_db, reviewer_client):
    """A second connection to the same SQLite database holding its write lock, as a long ingest would
    (taken once the reviewer and their token exist)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single writer is what this is about")
    name = connection.settings_dict["NAME"]
    in_memory = connection.is_in_memory_db()
    other = sqlite3.connect(f"file:{name}?mode=memory&cache=shared" if in_memory and not str(name).startswith("file:")
                            else str(name), uri=in_memory, timeout=0.1, isolation_level=None)  # fmt: skip
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO claims_outlet (name, domain) VALUES ('Busy Outlet', NULL)")
    connection.settings_dict["OPTIONS"] = {**connection.settings_dict.get("OPTIONS", {}), "timeout": 1}
    connection.close()  # reconnect with the short busy timeout
    yield other
    other.rollback() if other.in_transaction else None
    other.close()
