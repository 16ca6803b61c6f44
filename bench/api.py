"""Benchmark: the published-verdict list and the ClaimReview feed under load, beside their ceiling.

    .venv/bin/python bench/api.py [--claims 100000] [--published 20000] [--duration 5] [--rounds 3] [--connections 8]

Seeds PostgreSQL (database `fc_api_bench` unless --db; rebuilt only when the counts differ),
serves the app with gunicorn, and drives it with Debian's `wrk` (apt-get install wrk). Each
endpoint is compared with a bare Django view in the same server that returns the same rows from
one raw SQL query and json.dumps (bench/urls.py): the ceiling. Anonymous requests, first page
(50 rows), throttling on (Redis db --redis-db), DEBUG off. Prints requests/s, p50/p99 latency and
the ratio to the ceiling (target >= 0.5).

Then the same endpoints through the public cache (claims/public_cache/, on in a second server): repeated reads
answered from the server-side cache (target >= 3 x the ceiling) and conditional reads with the page's ETag answered
304 Not Modified (target >= 10 x the ceiling). The uncached figures come from a server with the cache off.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import string
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

SEED_SQL = """
TRUNCATE claims_outlet, claims_article, claims_claim, claims_claimmention, claims_verdict, claims_verdict_sources,
         sources_source RESTART IDENTITY CASCADE;
INSERT INTO claims_outlet (name, domain)
  SELECT 'Outlet ' || g, 'outlet' || g || '.example' FROM generate_series(1, 50) g;
INSERT INTO claims_article (url, title, outlet_id, published_at, byline, raw_text, cleaned_text, text_sha256,
                            language, ingested_at, extraction_status, extraction_error)
  SELECT 'https://news.example/a/' || g, 'Article number ' || g || ' from the wires', 1 + g % 50,
         now() - (g || ' minutes')::interval, '', 'Text ' || g, 'Text ' || g, md5('a' || g) || md5('b' || g), 'en',
         now(), 'done', ''
  FROM generate_series(1, $articles) g;
INSERT INTO claims_claim (text, extracted_text, normalized_text, checkworthiness, checkworthiness_signals, claim_type,
                          status, decomposed, needs_context, created_at, updated_at)
  SELECT t, t, 'claim number ' || g, (g % 100) / 100.0, '[]', 'event',
         CASE WHEN g <= $published THEN 'published' ELSE (ARRAY['new', 'in_review', 'dismissed'])[1 + g % 3] END,
         true, '', now() - (g || ' seconds')::interval, now()
  FROM (SELECT g, 'Claim number ' || g || ' says that the administration in Donetsk reported ' || (g % 997)
                  || ' incidents overnight, according to officials quoted by the agency.' AS t
        FROM generate_series(1, $claims) g) numbered;
INSERT INTO claims_claimmention (claim_id, article_id, sentence, start, "end", speaker, cited_source,
                                 is_direct_quote, extracted_by, created_at)
  SELECT g, 1 + g % $articles, 'Sentence of claim ' || g || '.', 0, 20,
         CASE WHEN g % 2 = 0 THEN 'Denis Pushilin' ELSE 'the Russian Defence Ministry' END, 'Tass', false, 'spacy', now()
  FROM generate_series(1, $claims) g;
INSERT INTO claims_claimmention (claim_id, article_id, sentence, start, "end", speaker, cited_source,
                                 is_direct_quote, extracted_by, created_at)
  SELECT g, 1 + (g + 7) % $articles, 'Another sentence of claim ' || g || '.', 0, 20, '', '', false, 'spacy', now()
  FROM generate_series(1, $published) g;
INSERT INTO claims_verdict (claim_id, claim_reviewed, rating_id, explanation, published_at, first_published_at,
                            corrected_at, correction_reason, created_at, updated_at)
  SELECT g, (SELECT text FROM claims_claim WHERE id = g), (ARRAY(SELECT id FROM claims_rating ORDER BY id))[1 + g % 6],
         'The official record for claim ' || g || ' shows a different figure; see the sources.',
         now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval,
         CASE WHEN g % 10 = 0 THEN now() - (g || ' minutes')::interval END,
         CASE WHEN g % 10 = 0 THEN 'Figure corrected.' ELSE '' END, now(), now()
  FROM generate_series(1, $published) g;
INSERT INTO sources_source (url, title, kind, published_at, text, text_sha256, fetch_error, metadata, content_type,
                            archive_url, created_at)
  SELECT 'https://reference.example/' || g, 'Reference ' || g, 'reference', now(), 'Text', '', '', '{}', 'text/html',
         '', now()
  FROM generate_series(1, 1000) g;
INSERT INTO claims_verdict_sources (verdict_id, source_id)
  SELECT g, 1 + g % 1000 FROM generate_series(1, $published) g;
ANALYZE;
"""

ENDPOINTS = [
    ("published-verdict list", "/api/v1/verdicts/", "/bench/ceiling/verdicts"),
    ("ClaimReview feed", "/api/v1/claimreviews/", "/bench/ceiling/claimreviews"),
]


def _env(args, *, public_cache: bool = False) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}",
        "REDIS_URL": f"redis://127.0.0.1:6379/{args.redis_db}",
        "API_THROTTLE_ANON": "100000000/minute",
        "API_THROTTLE_USER": "100000000/minute",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "FACTCHECK_PUBLIC_CACHE": "true" if public_cache else "false",
    }


def prepare_database(args) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.db]).fetchone():
            conn.execute(f'CREATE DATABASE "{args.db}"')
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=_env(args), check=True)
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{args.db}", autocommit=True) as conn:
        claims = conn.execute("SELECT count(*) FROM claims_claim").fetchone()[0]
        published = conn.execute("SELECT count(*) FROM claims_verdict WHERE published_at IS NOT NULL").fetchone()[0]
        if (claims, published) == (args.claims, args.published) and not args.reseed:
            print(f"database {args.db}: {claims} claims, {published} published verdicts (reused)")
            return
        started = time.perf_counter()
        params = {"claims": args.claims, "published": args.published, "articles": max(args.claims // 2, 1)}
        conn.execute(string.Template(SEED_SQL).substitute(params))
        print(f"database {args.db}: seeded {args.claims} claims, {args.published} published verdicts "
              f"in {time.perf_counter() - started:.1f}s")  # fmt: skip


def start_server(args, *, port: int, public_cache: bool = False) -> subprocess.Popen:
    command = [
        str(GUNICORN), "factcheck.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(args.workers), "--worker-class", "sync", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=_env(args, public_cache=public_cache))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not start")


def get_json(args, path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{args.port}{path}", timeout=30) as response:
        return json.loads(response.read())


def check_same_rows(args) -> None:
    """The ceiling returns exactly the rows the API does, so the comparison is fair."""
    api = [v["id"] for v in get_json(args, "/api/v1/verdicts/")["results"]]
    ceiling = [v["id"] for v in get_json(args, "/bench/ceiling/verdicts")["results"]]
    feed = [e["item"]["url"] for e in get_json(args, "/api/v1/claimreviews/")["dataFeedElement"]]
    ceiling_feed = [v["claim_id"] for v in get_json(args, "/bench/ceiling/claimreviews")["results"]]
    assert api == ceiling and len(api) == 50, (api[:5], ceiling[:5])
    assert [int(url.rstrip("/").rsplit("/", 1)[1]) for url in feed] == ceiling_feed, "feed rows differ"


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip()).groups()
    return float(number) * _UNITS[unit]


def etag_of(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        etag = response.headers.get("ETag")
    if not etag:
        sys.exit(f"{path}: the cached server sent no ETag")
    return etag


def wrk(args, path: str, *, port: int | None = None, headers: dict | None = None) -> dict:
    url = f"http://127.0.0.1:{port or args.port}{path}"
    header_args = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    subprocess.run(["wrk", "-t1", "-c2", "-d2s", *header_args, url], capture_output=True, check=True)  # warm up
    out = subprocess.run(
        ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency", *header_args, url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        sys.exit(f"{path}: {errors.group(1)} error responses under load:\n{out}")
    return {"rps": rps, "p50": p50, "p99": p99}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--published", type=int, default=20_000)
    parser.add_argument("--db", default="fc_api_bench")
    parser.add_argument("--redis-db", type=int, default=9)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    if args.published > args.claims:
        parser.error("--published cannot exceed --claims")
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    prepare_database(args)
    server = start_server(args, port=args.port)
    cached_server = start_server(args, port=args.port + 1, public_cache=True)
    try:
        check_same_rows(args)
        print(f"gunicorn: {args.workers} sync workers; wrk: 2 threads, {args.connections} connections; "
              f"{args.rounds} alternating rounds of {args.duration}s per endpoint (medians shown); "
              f"first page of 50 rows, anonymous, throttling on\n")  # fmt: skip
        print(f"{'endpoint':<24} {'':>8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
        for name, path, ceiling_path in ENDPOINTS:
            api_runs, ceiling_runs, ratios = [], [], []
            for _ in range(args.rounds):  # alternate, so a change in the machine's load hits both sides
                api_runs.append(wrk(args, path))
                ceiling_runs.append(wrk(args, ceiling_path))
                ratios.append(api_runs[-1]["rps"] / ceiling_runs[-1]["rps"])
            for label, runs in (("API", api_runs), ("ceiling", ceiling_runs)):
                figures = {key: statistics.median(run[key] for run in runs) for key in ("rps", "p50", "p99")}
                print(f"{name:<24} {label:>8} {figures['rps']:>9.1f} {figures['p50']:>8.2f} {figures['p99']:>8.2f}")
            ratio = statistics.median(ratios)
            verdict = "meets" if ratio >= 0.5 else "MISSES"
            spread = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"{name:<24} {'ratio':>8} {ratio:>9.2f}  ({verdict} the 0.5 target; rounds: {spread})")
            ceiling_rps = statistics.median(run["rps"] for run in ceiling_runs)
            etag = etag_of(args.port + 1, path)
            for label, headers, target in (("cached", {}, 3), ("304", {"If-None-Match": etag}, 10)):
                runs = [wrk(args, path, port=args.port + 1, headers=headers) for _ in range(args.rounds)]
                figures = {key: statistics.median(run[key] for run in runs) for key in ("rps", "p50", "p99")}
                ratio = figures["rps"] / ceiling_rps
                verdict = "meets" if ratio >= target else "MISSES"
                print(f"{name:<24} {label:>8} {figures['rps']:>9.1f} {figures['p50']:>8.2f} {figures['p99']:>8.2f}"
                      f"  {ratio:.2f} x ceiling ({verdict} the {target} x target)")  # fmt: skip
            print()
    finally:
        for running in (server, cached_server):
            running.terminate()
            running.wait(timeout=20)


if __name__ == "__main__":
    main()
