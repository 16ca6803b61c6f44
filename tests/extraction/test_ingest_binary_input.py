"""`manage.py ingest` of a file that is not text (it holds NUL characters) stops with a clear error and a non-zero
exit, stores nothing, and prints no traceback."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims import services
from claims.models import Article
from factcheck.exceptions import InvalidInput

pytestmark = pytest.mark.django_db


def test_ingesting_a_file_with_nul_characters_is_a_clear_command_error(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("The mayor said rents rose 4% in May.\x00\x00\x01 binary tail", encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError, match="1 of 1 could not be ingested"):
        call_command("ingest", str(path), stdout=StringIO(), stderr=err)

    assert "NUL character" in err.getvalue() and str(path) in err.getvalue()
    assert not Article.objects.exists()


def test_html_with_a_nul_character_is_refused_by_the_service():
    with pytest.raises(InvalidInput, match="NUL character"):
        services.article_ingest(html="<html><body><p>Rents rose\x00 4% in May, the mayor said.</p></body></html>")

    assert not Article.objects.exists()


def test_the_same_text_without_the_nul_is_stored(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("The mayor said rents rose 4% in May.", encoding="utf-8")

    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())

    assert Article.objects.get().cleaned_text.startswith("The mayor said rents rose")
