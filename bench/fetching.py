"""Fetch concurrency, one command:

    .venv/bin/python bench/fetching.py [--fetches 1000] [--delay 0.2] [--concurrency 64] [--sequential-sample 0] [--processes <CPUs>] [--extract] [--loglevel WARNING]

1,000 fetches from a loopback HTTP server that answers each request after 200 ms, done two ways:
  * the worker configuration we ship for the "fetch" queue: one real `celery worker --pool threads
    --concurrency 64 --prefetch-multiplier 1 --loglevel WARNING` subprocess per CPU on Redis (acks_late; the
    outcome of every fetch is in its ClaimFetch row, so per-task INFO lines are left out; results ignored as the
    service's fetch tasks do; each task reports by RPUSH to a Redis list), each task one fetch through
    sources.http (SSRF guard, DNS resolution, size/type checks); timed from the first message sent to the
    last result received. --extract adds trafilatura text extraction to every fetch on both sides (CPU work
    that no I/O concurrency hides: with the GIL, 64 threads share one core for it);
  * the obvious baseline: a sequential loop over the same URLs, in one process, same client, same work.
Prints both wall times and their ratio, and the worker's CPU time per task with the machine's load
average: each worker process is GIL-bound, so its Celery and client overhead (~4 ms CPU a task) caps it
near one core — hence one process per CPU — and a loaded machine shows in the wall time. Both sides
warm up first, untimed.
Redis: $BENCH_REDIS_URL, default redis://127.0.0.1:6379/14 (the db is flushed). No database is used.
The per-domain interval is set to 0 for the run (every URL is on the one loopback host; the interval is
politeness towards real sites and would otherwise serialise the benchmark) and loopback is allowed.
--sequential-sample N times only N sequential fetches and extrapolates (marked as such) for quick runs.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = (
    b"<html><head><title>Bench</title></head><body><article><h1>Recognition</h1>"
    b"<p>North Korea recognised the Donetsk People's Republic on 13 July 2022, the Korean Central News Agency said.</p>"
    b"<p>Ukraine cut diplomatic ties with Pyongyang in response to the decision, its foreign ministry said.</p>"
    b"</article></body></html>"
)


class SlowHandler(BaseHTTPRequestHandler):
    delay = 0.2
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        time.sleep(self.delay)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 2048


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to show what each task costs the worker."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fetches", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=64, help="threads of the fetch worker (shipped: 64)")
    parser.add_argument("--sequential-sample", type=int, default=0, help="time only N sequential fetches (0: all)")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1,
        help="fetch worker processes (shipped: one per CPU; each is GIL-bound to about one core)",
    )  # fmt: skip
    parser.add_argument(
        "--loglevel", default="WARNING", help="the worker's log level (shipped: WARNING; INFO logs two lines a task)"
    )
    parser.add_argument("--extract", action="store_true", help="also extract the text of every page (trafilatura)")
    args = parser.parse_args()

    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    queue = f"bench-fetch-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.local",
        "DJANGO_DEBUG": "false",
        "REDIS_URL": redis_url,
        "CELERY_FETCH_QUEUE": queue,
        "CELERY_QUEUE": queue,
        "FACTCHECK_HTTP_ALLOW_LOOPBACK": "true",
        "FACTCHECK_HTTP_DOMAIN_INTERVAL": "0",
        "FACTCHECK_HTTP_RESPECT_ROBOTS": "false",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    import redis

    from bench.fetching_tasks import bench_fetch
    from factcheck.celery import app
    from sources import http

    redis.Redis.from_url(redis_url).flushdb()
    SlowHandler.delay = args.delay
    server = Server(("127.0.0.1", 0), SlowHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/article/{i}" for i in range(args.fetches)]

    logs, workers = [], []
    for n in range(args.processes):
        log = Path(tempfile.mkstemp(prefix="bench-fetch-worker-", suffix=".log")[1])
        command = [
            sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--include", "bench.fetching_tasks",
            "-Q", queue, "--pool", "threads", "--concurrency", str(args.concurrency), "--prefetch-multiplier", "1",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{queue}-{n}@%h",
            "--loglevel", args.loglevel,
        ]  # fmt: skip
        with open(log, "w") as out:
            workers.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT))
        logs.append(log)
    try:
        app.conf.task_default_queue = queue
        client = redis.Redis.from_url(redis_url)

        def run_on_worker(batch) -> list[int]:
            done_key = f"{queue}:done:{uuid.uuid4().hex}"
            with app.producer_or_acquire() as producer:
                for url in batch:
                    bench_fetch.apply_async(args=[url, done_key, args.extract], queue=queue, producer=producer)
            deadline = time.monotonic() + 600
            while client.llen(done_key) < len(batch):
                if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
                    sys.exit(f"The worker did not finish:\n{logs[0].read_text()[-3000:]}")
                time.sleep(0.01)
            return [int(n) for n in client.lrange(done_key, 0, -1)]

        # Warm-up, untimed: waits for every worker to start and start its threads.
        run_on_worker([f"{base}/warmup/{i}" for i in range(args.concurrency * args.processes * 2)])
        cpu_before = sum(_cpu_seconds(w.pid) for w in workers)
        started = time.perf_counter()
        lengths = run_on_worker(urls)
        worker_seconds = time.perf_counter() - started
        worker_cpu = sum(_cpu_seconds(w.pid) for w in workers) - cpu_before
        assert len(lengths) == len(urls) and all(n > 50 for n in lengths), "a fetch returned no body"
    finally:
        for w in workers:
            w.send_signal(signal.SIGTERM)
        for w in workers:
            try:
                w.wait(timeout=30)
            except subprocess.TimeoutExpired:
                w.kill()

    http.html_to_text(http.fetch(f"{base}/warmup/sequential").text)
    sample = urls[: args.sequential_sample] if args.sequential_sample else urls
    started = time.perf_counter()
    for url in sample:
        result = http.fetch(url, accept=http.HTML)
        if args.extract:
            http.html_to_text(result.text, url=result.final_url)
    sequential_seconds = (time.perf_counter() - started) * (len(urls) / len(sample))
    server.shutdown()

    extrapolated = " (extrapolated from %d)" % len(sample) if len(sample) < len(urls) else ""
    work = "fetch + text extraction" if args.extract else "fetch"
    print(f"fetches: {len(urls)} from a loopback server answering after {args.delay * 1000:.0f} ms; per task: {work}")
    setup = f"{args.processes} x " if args.processes > 1 else ""
    print(f"worker ({setup}celery --pool threads --concurrency {args.concurrency}, Redis): {worker_seconds:8.2f} s"
          f"  ({len(urls) / worker_seconds:7.1f} fetches/s; worker CPU {worker_cpu:.2f} s,"
          f" {worker_cpu / len(urls) * 1000:.1f} ms per task; load average {os.getloadavg()[0]:.1f}"
          f" on {os.cpu_count()} CPUs)")  # fmt: skip
    print(f"sequential loop, same client{extrapolated}: {sequential_seconds:8.2f} s"
          f"  ({len(urls) / sequential_seconds:7.1f} fetches/s)")  # fmt: skip
    print(f"ratio: {sequential_seconds / worker_seconds:.1f}x faster (target >= 40x)")


if __name__ == "__main__":
    main()
