"""The README's backup and restore: pg_dump of a working database, pg_restore into an empty one, then the
matching index rebuilt with `manage.py matching_index`. Every table has the same rows."""

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from claims import services
from tests.conftest import _database_url
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory, EvidenceFactory, SourceFactory, rating

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
SAMPLED = ("claims_claim", "claims_claimmention", "claims_verdict", "claims_claimembedding", "sources_evidence")


def _readme_commands() -> str:
    section = README.read_text().split("## Backup and restore", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def _tables(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        names = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _sample(url: str, table: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY 1 LIMIT 50').fetchall()


@pytest.fixture
def restored_url(integration_services):
    url = _database_url(integration_services)
    target = f"{integration_services['NAME']}_restored"
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}"')
    yield url.rsplit("/", 1)[0] + f"/{target}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')


def test_a_dump_restored_into_an_empty_database_has_every_row_and_a_working_matching_index(
    transactional_db, integration_services, restored_url, reviewer, editor, tmp_path
):
    for i in range(6):
        text = f"The port authority of Florin installed {40 + i} cranes at harbour number {i} in 2023."
        claim = ClaimFactory(text=text, normalized_text=text.lower())
        ClaimMentionFactory(claim=claim, article=ArticleFactory(), sentence=text)
        EvidenceFactory(claim=claim, source=SourceFactory(), passage=f"Harbour {i} has {40 + i} cranes.")
        services.claim_match(claim_id=claim.pk)
    services.claim_start_review(claim=claim, actor=reviewer)
    services.verdict_save(
        claim=claim, rating=rating("True"), explanation="The port's report lists them.", actor=reviewer
    )
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    services.verdict_publish(claim=claim, actor=editor)
    source_url = _database_url(integration_services)
    env = {**os.environ, "DATABASE_URL": source_url, "RESTORED_URL": restored_url, "DUMP": str(tmp_path / "factcheck.dump"),
           "PYTHON": sys.executable}  # fmt: skip

    commands = _readme_commands()
    commands = commands.replace(".venv/bin/python", "$PYTHON")
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", commands], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)  # fmt: skip

    assert run.returncode == 0, run.stderr
    assert "Embedded 0 claim(s)" in run.stdout and "Search backend:" in run.stdout
    before, after = _tables(source_url), _tables(restored_url)
    assert before == after and before["claims_claim"] == 6 and before["claims_claimembedding"] == 6
    for table in SAMPLED:
        assert _sample(source_url, table) == _sample(restored_url, table), table
