"""Soak: real workers on PostgreSQL and Redis for a while, one command.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> REDIS_URL=redis://127.0.0.1:6379/<n> \\
        .venv/bin/python bench/soak.py [--minutes 30] [--every 4] [--drain 180]

The database is migrated and EMPTIED first (every factcheck table is truncated); the Redis db is flushed.
Starts the shipped worker configuration (docker-compose.yml): an extraction worker (prefork, 2 processes, queue
"celery"), a fetch worker (16 threads, queue "fetch") and beat with its maintenance worker (solo), on the
production settings (DEBUG off). Every --every seconds it ingests the next page of ../shared/eval/realnews
(the development pages, HTML) and a generated article of up to 200 paragraphs; meanwhile a client takes the
finished claims through review and publishes one verdict in five (services, as the admin does) and reads the
public API (published verdicts, ClaimReview feed, claims) through Django's test client. Only the internal
fetcher runs: the cited one would fetch the pages' links from the internet.
After --minutes it stops ingesting, lets the workers drain for up to --drain seconds, and prints the peak RSS of
each worker process, articles finished per minute, errors (failed extractions and fetches, client errors,
ERROR lines in the worker logs), the backlog left after the drain, and tasks lost (articles or fetches not in a
final state whose message is neither queued nor held by a worker).
Thirty minutes is for a quiet machine; on a shared one run a few.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REALNEWS = ROOT.parent / "shared" / "eval" / "realnews" / "html"


def _env() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "FACTCHECK_FETCHERS": "internal",
    }


def _pages():
    paths = sorted(REALNEWS.glob("*.html.gz")) if REALNEWS.exists() else []
    for path in itertools.cycle(paths) if paths else iter(()):
        yield path.name, gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def _held(raw: bytes):
    """(task, args) of a message Redis holds unacknowledged for a worker (Kombu keeps [message, exchange, key])."""
    import json

    from factcheck.broker import _task_args

    try:
        return _task_args(json.dumps(json.loads(raw)[0]))
    except (ValueError, IndexError, TypeError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--every", type=float, default=4.0, help="seconds between two ingestions")
    parser.add_argument("--drain", type=float, default=180.0)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("REDIS_URL"):
        sys.exit("Set DATABASE_URL (PostgreSQL; it is emptied) and REDIS_URL (its db is flushed).")
    env = _env()
    os.environ.update(env)
    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from claims import services
    from claims.models import Article, Claim
    from claims.roles import EDITOR, REVIEWER
    from sources.models import ClaimFetch
    from tests.factories import UserFactory, rating
    from tests.faults.conftest import made_up_html
    from tests.workers import RssSampler, Worker

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor) if t.startswith(("claims_", "sources_"))]
        cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
    call_command("setup_roles", verbosity=0)
    services.rating_scale_ensure_default()
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    reviewer = UserFactory(username=f"soak-reviewer-{secrets.token_hex(3)}", roles=[REVIEWER])
    editor = UserFactory(username=f"soak-editor-{secrets.token_hex(3)}", roles=[EDITOR])

    logs = Path(tempfile.mkdtemp(prefix="soak-"))
    workers = {
        "extraction": Worker(queues=["celery"], env=env, log=logs / "extraction.log", name="soak-extraction",
                             pool="prefork", concurrency=2),
        "fetch": Worker(queues=["fetch"], env=env, log=logs / "fetch.log", name="soak-fetch", pool="threads",
                        concurrency=16, extra=("--prefetch-multiplier", "1")),
        "beat+maintenance": Worker(queues=["maintenance"], env=env, log=logs / "beat.log", name="soak-beat",
                                   pool="solo", concurrency=1, beat=True),
    }  # fmt: skip
    for worker in workers.values():
        worker.start(timeout=180)
    client, client_errors, published, reads = Client(), 0, 0, 0
    pages, ingested, started = _pages(), [], time.monotonic()
    try:
        with RssSampler({name: w.pid for name, w in workers.items()}) as rss:
            deadline, n = started + 60 * args.minutes, 0
            while time.monotonic() < deadline:
                page = next(pages, None)
                if page is not None:
                    article, _ = services.article_ingest(html=page[1], url=f"https://realnews.example/{page[0]}")
                    ingested.append(article.pk)
                article, _ = services.article_ingest(
                    html=made_up_html(20 + n % 180, seed=1000 * n, title=f"Generated {n}")
                )
                ingested.append(article.pk)
                n += 1
                for path in ("/api/v1/verdicts/", "/api/v1/claims/", "/api/v1/claimreviews/"):
                    status = client.get(path).status_code
                    reads += 1
                    client_errors += status >= 500
                for claim in Claim.objects.filter(status=Claim.Status.NEW).order_by("?")[:1]:
                    try:
                        services.claim_start_review(claim=claim, actor=reviewer)
                        services.verdict_save(claim=claim, rating=rating("False"), explanation="Soak.", actor=reviewer)
                        if claim.pk % 5 == 0:
                            services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
                            services.verdict_publish(claim=claim, actor=editor)
                            published += 1
                    except Exception as exc:  # noqa: BLE001 - counted and shown, the soak goes on
                        client_errors += 1
                        print(f"client error: {exc!r}")
                time.sleep(args.every)
            ingest_end = time.monotonic()
            drain_end = ingest_end + args.drain
            final_articles = ("done", "failed", "unsupported")
            while time.monotonic() < drain_end:
                if not Article.objects.exclude(extraction_status__in=final_articles).exists() and not (
                    ClaimFetch.objects.filter(status__in=["pending", "running"]).exists()
                ):
                    break
                time.sleep(2)
    finally:
        for worker in workers.values():
            worker.stop()
    elapsed = (time.monotonic() - started) / 60
    articles = Article.objects.filter(pk__in=ingested)
    done = articles.filter(extraction_status__in=["done", "unsupported"]).count()
    failed_articles = articles.filter(extraction_status="failed").count()
    # Not final after the drain is a backlog while its message is still queued (or held unacknowledged by a
    # worker, redelivered after the visibility timeout); lost when there is none.
    from claims.tasks import article_extract_task
    from factcheck.broker import queued_args
    from sources.tasks import claim_fetch_task

    unacked = redis.Redis.from_url(env["REDIS_URL"]).hvals("unacked")
    held = {parsed for raw in unacked if (parsed := _held(raw))}
    queued_articles = {a[0] for a in queued_args(task=article_extract_task.name, queue="celery")}
    queued_articles |= {args[0] for task, args in held if task == article_extract_task.name}
    queued_fetches = queued_args(task=claim_fetch_task.name, queue="fetch")
    queued_fetches |= {tuple(args) for task, args in held if task == claim_fetch_task.name}
    unfinished = list(articles.exclude(extraction_status__in=final_articles).values_list("pk", flat=True))
    lost_articles = len([pk for pk in unfinished if pk not in queued_articles])
    failed_fetches = ClaimFetch.objects.filter(status="failed").count()
    open_fetches = list(ClaimFetch.objects.filter(status__in=["pending", "running"]).values_list("claim_id", "fetcher"))
    lost_fetches = len([row for row in open_fetches if tuple(row) not in queued_fetches])
    log_errors = sum(w.log.read_text().count(" ERROR/") for w in workers.values())
    print(
        f"soak: {elapsed:.1f} min ({args.minutes} min ingesting, then up to {args.drain:.0f} s to drain); logs in {logs}"
    )
    print(rss.report())
    print(f"articles: {len(ingested)} ingested, {done} finished ({done / elapsed:.1f}/min), {Claim.objects.count()} claims, "
          f"{ClaimFetch.objects.filter(status='done').count()} fetches done; {published} verdicts published, {reads} API reads")  # fmt: skip
    print(f"errors: {failed_articles} failed extractions, {failed_fetches} failed fetches, {client_errors} client errors, "
          f"{log_errors} ERROR lines in worker logs")  # fmt: skip
    print(f"backlog: {len(unfinished)} articles and {len(open_fetches)} fetches not final after the drain, their messages "
          f"still queued; tasks lost (not final, no message): {lost_articles} articles, {lost_fetches} fetches")  # fmt: skip


if __name__ == "__main__":
    main()
