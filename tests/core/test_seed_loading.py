"""`load_seeds` ingests the demo articles once, however often it runs."""

import json

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article

pytestmark = pytest.mark.django_db


def test_loading_the_seeds_twice_stores_each_article_once():
    call_command("load_seeds")
    first = set(Article.objects.values_list("pk", "text_sha256"))
    call_command("load_seeds")
    assert set(Article.objects.values_list("pk", "text_sha256")) == first
    assert len(first) == 2


def test_seed_metadata_comes_from_the_manifest():
    call_command("load_seeds")
    article = Article.objects.get(outlet__name="NewsBharati")
    assert article.published_at.date().isoformat() == "2022-07-14"
    assert "Donetsk" in article.title


def test_a_manifest_naming_a_missing_file_is_a_clear_error(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"articles": [{"file": "nope.txt"}]}))
    with pytest.raises(CommandError, match="nope.txt is listed in the manifest but missing"):
        call_command("load_seeds", seeds_dir=str(tmp_path))
    assert Article.objects.count() == 0
