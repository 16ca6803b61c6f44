"""Real Celery worker processes for the fault tests and the soak/memory benchmarks: start one, kill it,
and measure the resident memory of its process tree (from /proc, Linux only)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tree_pids(pid: int) -> list[int]:
    """The process and all its descendants (a prefork worker's pool children)."""
    pids, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        frontier += [int(c) for c in children]
    return pids


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def new_producer_connections(app) -> None:
    """Producers keep their connection (and its broker options): drop them, as a new process would."""
    app._pool = None
    app.amqp._producer_pool = None


class RssSampler:
    """Samples, every `interval` seconds, each named process tree's largest single process and its total."""

    def __init__(self, processes: dict[str, int], interval: float = 0.25):
        self.processes, self.interval = dict(processes), interval
        self.peak_process: dict[str, int] = dict.fromkeys(processes, 0)
        self.peak_tree: dict[str, int] = dict.fromkeys(processes, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def watch(self, name: str, pid: int) -> None:
        self.processes[name] = pid
        self.peak_process.setdefault(name, 0)
        self.peak_tree.setdefault(name, 0)

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, pid in list(self.processes.items()):
                sizes = [rss_bytes(p) for p in tree_pids(pid)]
                self.peak_process[name] = max(self.peak_process[name], max(sizes, default=0))
                self.peak_tree[name] = max(self.peak_tree[name], sum(sizes))
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def report(self) -> str:
        return "\n".join(
            f"  {name:<16} peak RSS {self.peak_process[name] / 2**20:8.1f} MiB per process, "
            f"{self.peak_tree[name] / 2**20:8.1f} MiB for the whole pool"
            for name in self.processes
        )


class Worker:
    """`celery -A factcheck worker` as a subprocess, with its log; start() waits until it is ready."""

    def __init__(self, *, queues: list[str], env: dict, log: Path, name: str, pool: str = "threads",
                 concurrency: int = 4, extra: tuple[str, ...] = (), beat: bool = False):  # fmt: skip
        self.queues, self.env, self.log, self.name = queues, env, Path(log), name
        self.pool, self.concurrency, self.extra, self.beat = pool, concurrency, extra, beat
        self.process: subprocess.Popen | None = None
        self._readies = 0  # "ready." lines in the log before the last launch

    def command(self) -> list[str]:
        command = [
            sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", ",".join(self.queues),
            "--pool", self.pool, "--concurrency", str(self.concurrency), "--loglevel", "INFO",
            "--without-gossip", "--without-mingle", "-n", f"{self.name}@%h", *self.extra,
        ]  # fmt: skip
        if self.beat:
            command += ["--beat", "--schedule", str(self.log.with_suffix(".beat"))]
        return command

    def start(self, timeout: float = 90) -> Worker:
        """Start (or restart) the worker and wait for its "ready." line in the log."""
        return self.launch().wait_ready(timeout)

    def launch(self) -> Worker:
        """Start (or restart) the worker without waiting: several workers then load Django side by side."""
        self._readies = self.log.read_text().count("ready.") if self.log.exists() else 0
        with open(self.log, "a") as out:
            self.process = subprocess.Popen(
                self.command(), cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def wait_ready(self, timeout: float = 90) -> Worker:
        """Wait for the "ready." line the worker last launched writes to the log."""
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while self.log.read_text().count("ready.") <= self._readies:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"The Celery worker did not start:\n{self.log.read_text()[-4000:]}")
            time.sleep(0.2)
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def kill(self) -> None:
        """SIGKILL the whole process group (main process and pool children), as a crash or the OOM killer would."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # also pool children left by a main process gone
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """Warm shutdown: SIGTERM to the main process only (the pool children finish their tasks), then SIGKILL."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self.kill()  # whatever is left of the group
