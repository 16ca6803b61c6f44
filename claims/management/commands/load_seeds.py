"""Ingest the seed articles in seeds/ (see seeds/manifest.json) and extract their claims. Running it twice adds nothing."""

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings
from django.utils import timezone

from claims.management.demo import refuse_outside_demos
from claims.models import Article
from claims.services import article_extract, article_ingest
from factcheck.exceptions import DomainError


class Command(BaseCommand):
    help = "Ingest the seed articles listed in seeds/manifest.json (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--seeds-dir", default=str(Path(settings.BASE_DIR) / "seeds"))

    def handle(self, *args, seeds_dir, **options):
        refuse_outside_demos("load_seeds")
        folder = Path(seeds_dir)
        manifest_path = folder / "manifest.json"
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"No seed manifest at {manifest_path}.") from None
        except json.JSONDecodeError as exc:
            raise CommandError(f"{manifest_path} is not valid JSON: {exc}") from None
        created_count = 0
        seed_names = [str(folder / "entities.json")] if (folder / "entities.json").is_file() else []
        for entry in manifest.get("articles", []):
            path = folder / entry["file"]
            if not path.is_file():
                raise CommandError(f"Seed file {path} is listed in the manifest but missing.")
            published = entry.get("published")
            published_at = (
                timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(published), dt.time(12)), dt.timezone.utc)
                if published
                else None
            )
            try:
                article, created = article_ingest(
                    text=path.read_text(encoding="utf-8"),
                    title=entry.get("title") or "",
                    url=entry.get("url"),
                    outlet_name=entry.get("outlet") or "",
                    published_at=published_at,
                    language=entry.get("language") or "",
                )
            except DomainError as exc:
                raise CommandError(f"{path.name}: {exc.message}") from None
            created_count += created
            state = "ingested" if created else "already present"
            if article.extraction_status != Article.ExtractionStatus.DONE or not article.mentions.exists():
                # Seeds are demo data: their claims are wanted now, worker or not. Idempotent like the task.
                # The names only the seed story needs (seeds/entities.json) load with the seeds, not in general.
                with override_settings(FACTCHECK_GAZETTEER_EXTRA=[*settings.FACTCHECK_GAZETTEER_EXTRA, *seed_names]):
                    claims = article_extract(article_id=article.pk)
                state += f", {len(claims)} claims"
            self.stdout.write(f"{path.name}: {state} as article {article.pk}")
        self.stdout.write(self.style.SUCCESS(f"{created_count} new seed article(s)."))
