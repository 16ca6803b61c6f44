"""The review queue with 100k claims on PostgreSQL, one command:

    .venv/bin/python bench/admin_queue.py [--claims 100000] [--db factcheck_admin_bench] [--repeat 5]

Builds (once; reused on later runs) a PostgreSQL database of its own with N claims, N/10 articles,
1.2 mentions per claim, evidence for 30% of claims, published verdicts and match suggestions, then
renders the admin queue (the real ClaimAdmin changelist, logged in as an editor) for the views editors
use and prints, for each: SQL queries per page, median wall time of the whole page, and median SQL time.
Baseline: the same page with Django's stock counting (Paginator's COUNT(*) and the changelist's second
full COUNT(*) for "N total"), which is what ClaimAdmin replaces; the ratio is baseline / ours.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", default="factcheck_admin_bench")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="Drop and rebuild the database.")
    args = parser.parse_args()

    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.db]).fetchone()
        if exists and args.rebuild:
            conn.execute(f'DROP DATABASE "{args.db}"')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{args.db}"')

    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{args.db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    populate(args.claims)
    measure(args.repeat)


def populate(n: int) -> None:
    from django.db import connection

    from claims.models import Claim

    have = Claim.objects.count()
    if have >= n:
        print(f"Reusing {have} claims in {connection.settings_dict['NAME']}.")
        return
    if have:
        raise SystemExit(f"The database holds {have} claims, fewer than {n}: run with --rebuild.")
    started = time.perf_counter()
    articles, sources = max(n // 10, 1), max(n // 5, 1)
    speakers = "ARRAY['Denis Pushilin','Natalya Nikonorova','Kim Jong Un','Vladimir Putin','Maria Zakharova','']"
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO claims_outlet (name, domain) SELECT 'Outlet ' || i, 'outlet' || i || '.example' FROM generate_series(1, 50) i"
        )
        cur.execute(f"""
            INSERT INTO claims_article (url, title, outlet_id, published_at, byline, raw_text, cleaned_text, text_sha256,
                                        language, ingested_at, extraction_status, extraction_error)
            SELECT 'https://news.example/a' || i, 'North Korea and the DPR, report ' || i,
                   (SELECT min(id) FROM claims_outlet) + (i % 50), now() - (i || ' minutes')::interval, '',
                   repeat('Pyongyang recognised the DPR, Tass said. ', 40), repeat('Pyongyang recognised the DPR, Tass said. ', 40),
                   md5(i::text) || md5((i + 1)::text), 'en', now(), 'done', ''
            FROM generate_series(1, {articles}) i""")
        cur.execute(f"""
            INSERT INTO claims_claim (text, normalized_text, checkworthiness, claim_type, status, created_at, updated_at)
            SELECT 'Claim ' || i || ': North Korea was the ' || (i % 7 + 2) || 'th state to recognise the Donetsk People''s Republic.',
                   'claim ' || i || ' north korea recognise dpr', round(random()::numeric, 3), 'event',
                   CASE WHEN i % 20 < 14 THEN 'new' WHEN i % 20 < 16 THEN 'in_review' WHEN i % 20 = 16 THEN 'verdict_ready'
                        WHEN i % 20 < 19 THEN 'published' ELSE 'dismissed' END,
                   now() - (i || ' seconds')::interval, now()
            FROM generate_series(1, {n}) i""")
        cur.execute(f"""
            INSERT INTO claims_claimmention (claim_id, article_id, sentence, start, "end", speaker, cited_source,
                                             is_direct_quote, extracted_by, created_at)
            SELECT c.id, a0 + (c.id % {articles}), 'Pyongyang recognised the DPR, Tass said.', 0, 40,
                   ({speakers})[1 + c.id % 6], 'Tass', false, 'spacy', now()
            FROM claims_claim c, (SELECT min(id) a0 FROM claims_article) a
            UNION ALL
            SELECT c.id, a0 + ((c.id * 7) % {articles}), 'Pyongyang recognised the DPR, Tass said.', 41, 81, '', '', false, 'spacy', now()
            FROM claims_claim c, (SELECT min(id) a0 FROM claims_article) a WHERE c.id % 5 = 0""")
        cur.execute(f"""
            INSERT INTO sources_source (url, title, kind, published_at, fetched_at, http_status, content_type, text,
                                        text_sha256, fetch_error, metadata, created_at)
            SELECT 'https://reference.example/' || i, 'Reference ' || i, 'reference', now(), now(), 200, 'text/html',
                   'North Korea recognised the DPR on 13 July 2022.', md5(i::text), '', '{{}}', now()
            FROM generate_series(1, {sources}) i""")
        cur.execute(f"""
            INSERT INTO sources_evidence (claim_id, source_id, passage, passage_sha256, relevance, stance, stance_reason,
                                          fetcher, published_after_claim, created_at)
            SELECT c.id, s0 + ((c.id * k) % {sources}), 'North Korea recognised the DPR on 13 July 2022.', md5(k::text),
                   random(), 'supports', '', 'internal', false, now()
            FROM claims_claim c, generate_series(1, 2) k, (SELECT min(id) s0 FROM sources_source) s
            WHERE c.id % 10 < 3""")
        cur.execute("""
            INSERT INTO claims_verdict (claim_id, rating_id, explanation, reviewer_id, published_at, first_published_at,
                                        corrected_at, correction_reason, created_at, updated_at)
            SELECT c.id, (SELECT min(id) FROM claims_rating), 'KCNA announced it.', NULL,
                   CASE WHEN c.status = 'published' THEN now() END, CASE WHEN c.status = 'published' THEN now() END,
                   NULL, '', now(), now()
            FROM claims_claim c WHERE c.status IN ('published', 'verdict_ready')""")
        # 5% of new claims may be the same as a published one
        cur.execute("""
            INSERT INTO claims_claimmatchsuggestion (claim_id, candidate_id, score, decision, created_at)
            SELECT LEAST(c.id, p.id), GREATEST(c.id, p.id), 0.8, 'pending', now()
            FROM claims_claim c JOIN claims_claim p ON p.id = c.id + 3
            WHERE c.status = 'new' AND p.status = 'published' AND c.id % 4 = 0
            ON CONFLICT DO NOTHING""")
        cur.execute("ANALYZE")
    print(f"Built {n} claims in {time.perf_counter() - started:.1f}s.")


VIEWS = [
    ("queue (open work, default)", ""),
    ("all statuses", "?status=all"),
    ("page 200 of all", "?status=all&p=200"),
    ("high check-worthiness", "?worth=high"),
    ("has evidence", "?evidence=yes&status=all"),
    ("assigned to me", "?assigned=me"),
    ("outlet", "?outlet={outlet}"),
    ("search speaker", "?q=nikonorova"),
    ("search claim text", "?q=Claim%2099999"),
]


def measure(repeat: int) -> None:
    from django.contrib.admin import site
    from django.core.paginator import Paginator
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from claims.admin import ClaimAdmin, QueuePaginator
    from claims.models import Claim, Outlet
    from claims.roles import EDITOR, roles_sync
    from tests.factories import UserFactory

    roles_sync()
    editor = UserFactory(username="bench-editor", roles=[EDITOR])
    Claim.objects.filter(pk__in=Claim.objects.filter(status="new").values("pk")[:500]).update(assignee=editor)
    client = Client()
    client.force_login(editor)
    url = reverse("admin:claims_claim_changelist")
    outlet = Outlet.objects.order_by("pk").values_list("pk", flat=True).first()
    model_admin = site._registry[Claim]
    assert isinstance(model_admin, ClaimAdmin)

    def run(query: str):
        walls, sqls = [], []
        count = 0
        client.get(url + query)  # warm caches
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url + query)
                walls.append(time.perf_counter() - started)
            assert response.status_code == 200, (query, response.status_code)
            sqls.append(sum(float(q["time"]) for q in queries.captured_queries))
            count = len(queries.captured_queries)
            counts = [
                q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT COUNT(")
            ]
        return count, statistics.median(walls) * 1000, statistics.median(sqls) * 1000, len(counts)

    print(f"\nClaims: {Claim.objects.count()}; PostgreSQL {connection.pg_version}; medians of {repeat} runs.\n")
    header = f"{'view':<28} {'queries':>7} {'COUNTs':>6} {'page ms':>8} {'SQL ms':>7} | {'baseline q':>10} {'COUNTs':>6} {'page ms':>8} {'SQL ms':>7} | {'ratio':>5}"
    print(header)
    print("-" * len(header))
    for label, query in VIEWS:
        query = query.format(outlet=outlet)
        ours = run(query)
        model_admin.paginator, model_admin.show_full_result_count = Paginator, True
        try:
            base = run(query)
        finally:
            model_admin.paginator, model_admin.show_full_result_count = QueuePaginator, False
        print(f"{label:<28} {ours[0]:>7} {ours[3]:>6} {ours[1]:>8.1f} {ours[2]:>7.1f} | {base[0]:>10} {base[3]:>6} "
              f"{base[1]:>8.1f} {base[2]:>7.1f} | {base[1] / ours[1]:>5.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
