"""Ingest articles from files or URLs: `python manage.py ingest PATH_OR_URL... [--title --outlet --published]`.

.txt files are plain text, .html files HTML; http(s) URLs are fetched through the safe client
(sources.http). Extraction is enqueued after each article is stored; --now extracts in this process.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.management.commands.extract_claims import parse_date_option, read_article_file
from factcheck.exceptions import DomainError


class Command(BaseCommand):
    help = "Store articles (files or URLs) once and extract their claims."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--published", default="", help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--language", default="", help="ISO 639-1 code; detected when not given.")
        parser.add_argument("--now", action="store_true", help="Extract claims here and now instead of in a worker.")

    def handle(self, *args, sources, title, outlet, published, language, now, **options):
        from claims.services import article_extract, article_ingest

        published_date = parse_date_option(published)
        failures = 0
        for source in sources:
            kwargs = dict(title=title, outlet_name=outlet, published_at=published_date, language=language)
            if source.lower().startswith(("http://", "https://")):
                kwargs["url"] = source
            elif "://" in source:
                raise CommandError(f"{source}: only http and https URLs can be ingested.")
            else:
                content, is_html = read_article_file(Path(source))
                kwargs["html" if is_html else "text"] = content
            try:
                article, created = article_ingest(**kwargs)
            except DomainError as exc:
                self.stderr.write(self.style.ERROR(f"{source}: {exc.message}"))
                failures += 1
                continue
            claims = article_extract(article_id=article.pk) if now else None
            article.refresh_from_db()
            state = "ingested" if created else "already present"
            detail = f", {len(claims)} claims" if claims is not None else f", extraction {article.extraction_status}"
            self.stdout.write(f"{source}: {state} as article {article.pk}{detail}")
        if failures:
            raise CommandError(f"{failures} of {len(sources)} could not be ingested.")
