"""Suggest a stance for claim/passage pairs read from a file of JSON lines, without touching the database.

    python manage.py suggest_stance pairs.jsonl --json      (or "-" for standard input)

Input, one object a line: {"claim": "...", "passage": "..."} (blank lines are skipped; other keys are ignored).
Output with --json, one line per input line, in order (a stable interface):
    {"stance": "supports|refutes|mentions|unclear", "score": <0..1>, "reason": "..."}
Without --json: stance, score and reason separated by tabs. Every line is checked before any is scored:
bad input stops the command with an error that names the line, and nothing is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factcheck.command_files import read_utf8_file
from sources.evidence.stance import build_pairs, suggest_for_pair


def read_pairs(lines, name: str) -> list[tuple[str, str]]:
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise CommandError(f"{name} line {number}: not JSON ({exc.msg}).") from None
        if not isinstance(row, dict):
            raise CommandError(f'{name} line {number}: expected an object {{"claim": ..., "passage": ...}}.')
        for key in ("claim", "passage"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                raise CommandError(f"{name} line {number}: {key!r} must be a non-empty string.")
        pairs.append((row["claim"], row["passage"]))
    return pairs


class Command(BaseCommand):
    help = "Suggest a stance (supports, refutes, mentions, unclear) for claim/passage pairs read as JSON lines."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help='a file of JSON lines {"claim", "passage"}; "-" reads standard input')
        parser.add_argument("--json", action="store_true", help="write one JSON object per line")

    def handle(self, *args, **options):
        name = options["file"]
        if name == "-":
            pairs = read_pairs(sys.stdin, "<stdin>")
        else:
            pairs = read_pairs(read_utf8_file(Path(name)).splitlines(), name)
        # build_pairs embeds each claim once, however many passages it comes with
        for suggestion in map(suggest_for_pair, build_pairs(pairs)):
            if options["json"]:
                line = json.dumps({"stance": suggestion.stance, "score": suggestion.score, "reason": suggestion.reason},
                                  ensure_ascii=False)  # fmt: skip
            else:
                line = f"{suggestion.stance}\t{suggestion.score}\t{suggestion.reason}"
            self.stdout.write(line)
