"""manage.py extract_claims (no database), ingest and load_seeds."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .conftest import SEED_000, SEED_004, SEEDS

CLAIM_KEYS = {
    "text",
    "sentence",
    "start",
    "end",
    "checkworthiness",
    "checkworthiness_signals",
    "speaker",
    "cited_source",
    "date",
    "entities",
    "needs_context",
    "decomposed",
}


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_extract_claims_prints_the_stable_json_shape():
    data = json.loads(run("extract_claims", str(SEEDS / SEED_000), "--json"))
    assert set(data) == {"articles"}
    article = data["articles"][0]
    assert set(article) == {"file", "title", "outlet", "published", "claims"}
    assert (article["outlet"], article["published"]) == ("NewsBharati", "2022-07-14")
    assert article["claims"], "the seed has claims"
    for claim in article["claims"]:
        assert set(claim) == CLAIM_KEYS
        assert all(set(e) == {"text", "canonical", "label"} for e in claim["entities"])
        assert claim["date"] is None or len(claim["date"]) == 10
    assert [c["start"] for c in article["claims"]] == sorted(c["start"] for c in article["claims"])


def test_extract_claims_reads_title_and_date_from_a_manifest_beside_the_file():
    data = json.loads(run("extract_claims", str(SEEDS / SEED_004), "--json"))
    article = data["articles"][0]
    assert article["published"] == "2022-08-17"  # not the content farm's "June 24, 2024" line
    assert article["title"].startswith("Self-proclaimed Donetsk leader")
    # "on Monday" counted back from the manifest's Wednesday 17 August 2022
    monday = next(c for c in article["claims"] if c["speaker"] == "Vladimir Putin" and "bilateral ties" in c["text"])
    assert monday["date"] == "2022-08-15"


def test_extract_claims_reads_html_files(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><h1>Ties cut</h1><p>Ukraine severed diplomatic ties with Syria on 30 June 2022, "
        "the foreign ministry said.</p></article></body></html>",
        encoding="utf-8",
    )
    data = json.loads(run("extract_claims", str(page), "--json"))
    assert data["articles"][0]["claims"][0]["date"] == "2022-06-30"


def test_extract_claims_options_override_the_text(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Ukraine severed diplomatic ties with Syria on Wednesday, officials said.", encoding="utf-8")
    data = json.loads(run("extract_claims", str(text), "--json", "--published", "2022-07-14", "--outlet", "Kyiv Post"))
    article = data["articles"][0]
    assert article["outlet"] == "Kyiv Post"
    assert article["claims"][0]["date"] == "2022-07-13"


@pytest.mark.parametrize(
    "args,message",
    [
        (["/no/such/file.txt"], "no such file"),
        (["{dir}"], "not a file"),
        (["{dir}/doc.pdf"], "unsupported file type"),
        (["{dir}/latin1.txt"], "not UTF-8"),
        (["{dir}/ok.txt", "--published", "14/07/2022"], "YYYY-MM-DD"),
    ],
)
def test_extract_claims_refuses_bad_input_with_a_clear_error(tmp_path, args, message):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in M\xfcnchen".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("Ukraine cut ties with Syria in 2022.", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run("extract_claims", *[a.format(dir=tmp_path) for a in args], "--json")
    assert message in str(error.value)


def test_extract_claims_exits_non_zero_from_the_command_line(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "extract_claims", str(tmp_path / "missing.txt"), "--json"],
        cwd=root, capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "factcheck.settings.test"},
    )  # fmt: skip
    assert result.returncode != 0
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_ingest_stores_files_and_extracts_now(tmp_path):
    from claims.models import Article

    text = tmp_path / "a.txt"
    text.write_text("Ukraine severed diplomatic ties with Syria on 30 June 2022, the ministry said.", encoding="utf-8")
    output = run("ingest", str(text), "--outlet", "Ukrinform", "--published", "2022-07-01", "--now")
    article = Article.objects.get()
    assert f"ingested as article {article.pk}" in output
    assert article.outlet.name == "Ukrinform"
    assert article.mentions.exists()
    assert "already present" in run("ingest", str(text), "--now")
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_ingest_fetches_a_url_through_the_safe_client(httpserver):
    from claims.models import Article

    httpserver.expect_request("/world/ties").respond_with_data(
        "<html><head><title>Ties</title></head><body><article><p>Ukraine severed diplomatic ties with Syria "
        "on 30 June 2022, the ministry said.</p><p>Syria had recognised the Donetsk People's Republic "
        "on 29 June 2022.</p></article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    url = httpserver.url_for("/world/ties")
    output = run("ingest", url, "--now")
    article = Article.objects.get()
    assert article.url.startswith("http://localhost:") or article.url.startswith("http://127.0.0.1:")
    assert "ingested" in output
    assert article.mentions.count() >= 2


@pytest.mark.django_db
def test_ingest_reports_an_unreachable_or_refused_url_and_exits_non_zero(httpserver):
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    with pytest.raises(CommandError):
        run("ingest", httpserver.url_for("/gone"))
    with pytest.raises(CommandError) as error:
        run("ingest", "ftp://example.org/article.txt")
    assert "http and https" in str(error.value)


@pytest.mark.django_db
def test_load_seeds_produces_claims_and_running_it_twice_adds_nothing(tmp_path, settings):
    from claims.models import Article, Claim, ClaimMention

    settings.FACTCHECK_FETCHERS = []
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    run("load_seeds", "--seeds-dir", str(folder))
    counts = (Article.objects.count(), Claim.objects.count(), ClaimMention.objects.count())
    assert counts[0] == 2 and counts[1] > 10
    run("load_seeds", "--seeds-dir", str(folder))
    assert (Article.objects.count(), Claim.objects.count(), ClaimMention.objects.count()) == counts


@pytest.mark.django_db
def test_load_seeds_reads_the_names_the_seed_story_needs_from_the_seeds_folder(tmp_path, settings):
    from claims.models import ClaimMention

    settings.FACTCHECK_FETCHERS = []
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"articles": [{"file": "a.txt", "published": "2024-06-03"}]}))
    (folder / "a.txt").write_text(
        "Martha Velikowa, head of the harbour authority, said the port would hire 200 dockers in July 2024.\n",
        encoding="utf-8",
    )
    (folder / "entities.json").write_text(
        json.dumps({"entities": [{"kind": "person", "canonical": "Marta Velikova", "context": ["harbour authority"]}]})
    )
    run("load_seeds", "--seeds-dir", str(folder))
    speakers = set(ClaimMention.objects.values_list("speaker", flat=True))
    assert "Marta Velikova" in speakers
    assert settings.FACTCHECK_GAZETTEER_EXTRA == []  # general extraction still runs without the seeds' names
