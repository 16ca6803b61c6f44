"""Print the claims extracted from text or HTML files, without touching the database.

    python manage.py extract_claims seeds/000_69d7ea15770052b5.txt --json

The JSON shape is a stable interface (other tools read it):
{"articles": [{"file", "title", "outlet", "published", "claims": [{"text", "sentence", "start", "end",
 "checkworthiness", "checkworthiness_signals": [{"signal", "push"}], "speaker", "cited_source", "date",
 "entities": [{"text", "canonical", "label"}]}]}]}
Dates are YYYY-MM-DD or null; claims are in article order. A manifest.json beside a file (as in seeds/)
supplies its title, outlet and publication date unless options give them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factcheck.command_files import read_utf8_file

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def parse_date_option(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}.") from None


def read_article_file(path: Path) -> tuple[str, bool]:
    """(content, is_html) of an article file, or a CommandError that says what is wrong."""
    suffix = path.suffix.lower()
    if path.is_file() and suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        raise CommandError(f"{path}: unsupported file type {suffix!r}; use .txt for plain text or .html for HTML.")
    return read_utf8_file(path), suffix in HTML_SUFFIXES


def manifest_entry(path: Path) -> dict:
    manifest = path.parent / "manifest.json"
    if not manifest.is_file():
        return {}
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    for entry in data.get("articles", []) if isinstance(data, dict) else []:
        if isinstance(entry, dict) and entry.get("file") == path.name:
            return entry
    return {}


class Command(BaseCommand):
    help = "Extract claims from .txt/.html files and print them (no database)."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Article files: .txt (plain text) or .html")
        parser.add_argument("--json", action="store_true", help="Print the stable JSON interface.")
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--published", default="", help="Publication date, YYYY-MM-DD (anchors relative dates).")
        parser.add_argument("--backend", choices=["spacy", "llm"], default=None, help="Default: llm when configured.")

    def handle(self, *args, files, json: bool, title, outlet, published, backend, **options):
        from claims.extraction import Status, extract

        published_date = parse_date_option(published)
        articles = []
        for name in files:
            path = Path(name)
            content, is_html = read_article_file(path)
            entry = manifest_entry(path)
            result = extract(
                content,
                is_html=is_html,
                title=title or entry.get("title") or "",
                outlet=outlet or entry.get("outlet") or "",
                published=published_date or parse_date_option(entry.get("published")),
                language=entry.get("language") or "",
                backend=backend,
            )
            if result.status != Status.DONE:
                self.stderr.write(f"{path}: {result.message}")
            articles.append(
                {
                    "file": str(path),
                    "title": result.cleaned.title or None,
                    "outlet": result.cleaned.outlet or None,
                    "published": result.cleaned.published.isoformat() if result.cleaned.published else None,
                    "claims": [claim.as_json() for claim in result.claims],
                }
            )
        if json:
            import json as json_module

            self.stdout.write(json_module.dumps({"articles": articles}, ensure_ascii=False, indent=2))
            return
        for article in articles:
            self.stdout.write(self.style.MIGRATE_HEADING(f"{article['file']}: {article['title'] or '(no title)'}"))
            self.stdout.write(f"  outlet: {article['outlet'] or '-'}   published: {article['published'] or '-'}")
            for claim in article["claims"]:
                extra = ", ".join(f"{k} {claim[k]}" for k in ("speaker", "cited_source", "date") if claim[k])
                self.stdout.write(
                    f"  [{claim['checkworthiness']:.2f}] {claim['text']}" + (f"  ({extra})" if extra else "")
                )
