"""Reading an input file for a management command: its text, or a CommandError that says what is wrong."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError


def read_utf8_file(path: Path) -> str:
    """The text of `path`; a missing file, a folder, text that is not UTF-8 or an unreadable file is a
    CommandError naming the file (exit code 1, no traceback)."""
    if not path.exists():
        raise CommandError(f"{path}: no such file.")
    if not path.is_file():
        raise CommandError(f"{path}: not a file.")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text.") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror}).") from None
