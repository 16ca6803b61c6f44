"""The page's article, whole: body text of real news pages against the human-extracted article body.

    .venv/bin/python bench/article_body.py            (also: bench/extraction_quality.py --only body)

Data: ../shared/eval/realnews, the DEV pages only (ids starting 0-7, 88 pages; the other pages of the same source
are held out and scored at review). Metric: the benchmark's own (scrapinghub/article-extraction-benchmark,
evaluate.py): shingles of 4 \\w+ tokens with counts, per page TP/FP/FN normalised to sum 1, precision and recall
averaged over pages, F1 of the averages. Printed for our cleaned text (html.html_to_text + cleaning.clean_text, as
ingestion does) beside trafilatura alone (trafilatura.extract with its defaults), and the pages where ours keeps
least of what trafilatura alone keeps. Marked paragraphs (headings, table rows) are body text here: they are on
the page; the extraction makes no claim from them.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.test")

EVAL = Path(os.environ.get("FACTCHECK_EVAL_DIR", ROOT.parent / "shared" / "eval"))
REALNEWS = EVAL / "realnews"
DEV_PREFIXES = tuple("01234567")  # the dev sample named in realnews/README.txt
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(true: str, predicted: str) -> tuple[float, float, float]:
    gold, ours = shingles(true), shingles(predicted)
    tp = sum((gold & ours).values())
    fp, fn = sum((ours - gold).values()), sum((gold - ours).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_recall_f1(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(recall(*r) for r in rows if r[0] + r[2] > 0)
    return p, r, 2 * p * r / (p + r)


def dev_pages() -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold article body) of each dev page."""
    truth = json.loads((REALNEWS / "ground_truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(i for i in truth if i.startswith(DEV_PREFIXES)):
        html = gzip.decompress((REALNEWS / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((page_id, truth[page_id].get("url") or "", html, truth[page_id].get("articleBody") or ""))
    return pages


def ours(html: str, url: str) -> str:
    from claims.extraction.cleaning import clean_text
    from claims.extraction.html import html_to_text

    page = html_to_text(html, url=url)
    return clean_text(page.text, title=page.title, headings=page.headings).text


def trafilatura_alone(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url or None) or ""


def bench_body() -> None:
    if not (REALNEWS / "ground_truth.json").exists():
        print(f"body: SKIPPED, no {REALNEWS}/ground_truth.json")
        return
    pages = dev_pages()
    scores: dict[str, list] = {"ours": [], "trafilatura": []}
    for _, url, html, gold in pages:
        scores["ours"].append(tp_fp_fn(gold, ours(html, url)))
        scores["trafilatura"].append(tp_fp_fn(gold, trafilatura_alone(html, url)))
    print(
        f"body: realnews DEV pages ({len(pages)}), shingle F1 of 4-grams over \\w+ tokens [target: F1 >= 0.96, R >= 0.97]"
    )
    for name, label in (
        ("ours", "cleaned text (html_to_text + clean_text)"),
        ("trafilatura", "trafilatura.extract alone"),
    ):
        p, r, f1 = precision_recall_f1(scores[name])
        print(f"  {label:<42} F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")
    recall = lambda tp, fp, fn: tp / (tp + fn) if tp + fn else 1.0  # noqa: E731
    worst = sorted(
        (recall(*o) - recall(*t), page_id) for (page_id, *_), o, t in zip(pages, scores["ours"], scores["trafilatura"])
    )[:5]
    print("  pages where ours keeps least beside trafilatura alone (recall difference):")
    for difference, page_id in worst:
        print(f"    {page_id[:12]}  {difference:+.2f}")


if __name__ == "__main__":
    bench_body()
