"""Fixtures for the fault tests: real workers of our own (started, killed and restarted by the test), on the
test database and Redis (or a filesystem broker), and a generator of made-up articles."""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import _database_url, _route_fetch_tasks_to
from tests.workers import Worker, new_producer_connections

from .servers import RedisServer

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


def made_up_html(paragraphs: int, *, seed: int = 0, title: str = "Made-up report", cites: str = "") -> str:
    """A made-up article; `cites`: a link to that page in its last paragraph (for the cited-source fetcher)."""
    body = "".join(f"<p>{p}</p>" for p in made_up_paragraphs(paragraphs, seed=seed))
    if cites:
        body += f'<p>The figures come from <a href="{cites}">the port authority</a>.</p>'
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
    elif env.get("REDIS_URL") and env["REDIS_URL"] != app.conf.broker_url:  # a private Redis (servers.RedisServer)
        app.conf.broker_url = env["REDIS_URL"]
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
def redis_server(tmp_path):
    """A private redis-server with docker-compose's persistence (servers.RedisServer), killed at the end."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.kill()


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


def successful_extractions(log: str) -> int:
    """Extraction runs that stored claims, from a worker's log (a run that found nothing to do returns 0)."""
    return len(re.findall(r"article_extract_task\[[^\]]+\] succeeded in [\d.]+s: [1-9]", log))


def successful_fetches(log: str) -> int:
    """Fetch runs that finished their row, from a worker's log (a run that found nothing to do returns None)."""
    return len(re.findall(r"claim_fetch_task\[[^\]]+\] succeeded in [\d.]+s: \d", log))


def wait_for_all_final(unfinished, *, stall: float, message: str, interval: float = 0.5) -> None:
    """Poll until `unfinished()` (how many rows are not final yet) is 0; fail when it has not fallen for `stall`
    seconds. A lost row (no message queued, no run) stops the count for good, and the sweepers must restart it
    within the stall bound; a backlog that keeps finishing work passes, however slowly a loaded machine lets it
    (at load 9-13 on two cores single fetches took 7-181 s here, against ~2 s on a quiet machine)."""
    left, since = unfinished(), time.monotonic()
    while left:
        time.sleep(interval)
        now_left = unfinished()
        if now_left < left:
            left, since = now_left, time.monotonic()
        elif time.monotonic() - since > stall:
            pytest.fail(f"{message}: {left} stopped for {stall}s")


def overlapping_fetch_runs(log: str) -> list[str]:
    """Fetches two runs of which overlapped in time, from a worker's log (appended to across restarts): a run is
    from its "run started" line to its "run ended" line, or to the next start of the worker when it was killed."""
    open_runs: dict[str, int] = {}
    overlaps = []
    for line in log.splitlines():
        if re.search(r"\] \S+@\S+ ready\.$", line):  # a restarted worker: the killed one's runs ended with it
            open_runs.clear()
            continue
        found = re.search(r"Fetch (\w+) of claim (\d+): run (started|ended)", line)
        if not found:
            continue
        key = f"{found[1]} of claim {found[2]}"
        if found[3] == "started":
            if open_runs.get(key):
                overlaps.append(key)
            open_runs[key] = open_runs.get(key, 0) + 1
        else:
            open_runs[key] = max(0, open_runs.get(key, 0) - 1)
    return overlaps


def cut_short(log: str, task: str) -> int:
    """Runs of `task` (e.g. "claim_fetch_task") a database error cut short, each retried or failed, from a worker's log."""
    outcome = r"(?:retry: Retry in \S+: |raised unexpected: )(?:OperationalError|InterfaceError)"
    return len(re.findall(rf"{task}\[[^\]]+\] {outcome}", log))


SLOW_SECONDS = 4  # the cited page answers this late, so that fetches are caught running


class SlowPage(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        time.sleep(SLOW_SECONDS)
        body = b"<html><body><p>The harbour of Florin has 41 cranes, the port authority said in its annual report.</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_page():
    """A page on 127.0.0.1 that articles cite; it answers after SLOW_SECONDS."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/report"
    server.shutdown()


# --- The restart tests (Redis, PostgreSQL): the same workers, thresholds and bound ----------------------------

# An extraction running this long with its run lock free lost its worker (sweeper). A live run holds its lock
# however long it takes (the thread pool enforces no time limit), so this need not exceed the longest run: it is
# how long a killed extraction waits. It was 60 s before the run lock (factcheck/runlock.py), then 25 s; these
# thresholds and the slow page's 4 s (6 s before) took the four restart tests from 331 s to 244 s of the suite.
EXTRACTION_TIME_LIMIT = 15
FETCH_TIME_LIMIT = 14  # a fetch running for twice this long lost its worker (sweeper)
SWEEP_INTERVAL = 3
STUCK_PENDING_SECONDS = 15  # an extraction pending this long with no message queued is sent again (sweeper)
STUCK_PENDING_MINUTES = 0.25  # the same for a fetch
# The longest any piece of work may wait after the server is back: the slowest sweeper threshold, one sweep, then
# the extraction and its fetches (a cited page answers in 4 s, three threads).
RESTART_BOUND = max(EXTRACTION_TIME_LIMIT, STUCK_PENDING_SECONDS, 60 * STUCK_PENDING_MINUTES, 2 * FETCH_TIME_LIMIT) \
    + SWEEP_INTERVAL + 90  # fmt: skip


ALL_VARIANTS = os.environ.get("FACTCHECK_FAULTS_ALL", "") == "1"


def harsher_variant_first(harsher: str, gentler: str, *, why: str) -> list:
    """Parameters of a restart test: the harsher way to stop the server always, the gentler one only with
    FACTCHECK_FAULTS_ALL=1 (each variant costs ~100 s of suite time)."""
    skip = pytest.mark.skipif(not ALL_VARIANTS, reason=f"{why}: FACTCHECK_FAULTS_ALL=1")
    return [harsher, pytest.param(gentler, marks=skip)]


def restart_env(worker_env: dict, **overrides) -> dict:
    """The worker environment of a restart test: internal and cited fetchers, its own maintenance queue, and the
    short sweeper thresholds above."""
    return {
        **worker_env,
        **overrides,
        "FACTCHECK_FETCHERS": "internal,cited",
        "CELERY_MAINTENANCE_QUEUE": worker_env["CELERY_QUEUE"] + "-maintenance",
        "FACTCHECK_SWEEP_INTERVAL": str(SWEEP_INTERVAL),
        "FACTCHECK_STUCK_PENDING_SECONDS": str(STUCK_PENDING_SECONDS),
        "FACTCHECK_FETCH_STUCK_MINUTES": str(STUCK_PENDING_MINUTES),
        "CELERY_TASK_TIME_LIMIT": str(EXTRACTION_TIME_LIMIT),
        "CELERY_TASK_SOFT_TIME_LIMIT": str(EXTRACTION_TIME_LIMIT - 5),
        "FACTCHECK_FETCH_TIME_LIMIT": str(FETCH_TIME_LIMIT),
        "FACTCHECK_FETCH_SOFT_TIME_LIMIT": str(FETCH_TIME_LIMIT - 5),
    }


def start_as_compose_does(workers, env: dict, *, log, beat_log, name: str):
    """A 3-thread worker on the extraction and fetch queues, and, as docker-compose.yml runs them, beat and the
    sweepers in a worker of their own, never behind the backlog; both start at once. Returns the first."""
    worker = workers(queues=[env["CELERY_QUEUE"], env["CELERY_FETCH_QUEUE"]], env=env, log=log, name=name,
                     pool="threads", concurrency=3).launch()  # fmt: skip
    beat = workers(queues=[env["CELERY_MAINTENANCE_QUEUE"]], env=env, log=beat_log, name=f"{name}-beat",
                   pool="solo", concurrency=1, beat=True).launch()  # fmt: skip
    beat.wait_ready()
    return worker.wait_ready()
