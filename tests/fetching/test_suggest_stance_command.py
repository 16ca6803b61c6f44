"""manage.py suggest_stance FILE --json: JSON lines in, one suggestion a line out, no database."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [
    {"claim": "The Tallinn ferry carried 412 passengers on its first trip in 2031.",
     "passage": "On its first trip in 2031 the Tallinn ferry carried 412 passengers, the port said."},
    {"claim": "The Tallinn ferry carried 412 passengers on its first trip in 2031.",
     "passage": "Bakeries in the old town open at six and close at noon on Sundays."},
]  # fmt: skip


def write_lines(tmp_path, lines) -> Path:
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_it_writes_one_suggestion_per_line_in_order_without_a_database(tmp_path):
    # No django_db mark: any query would fail the test.
    path = write_lines(tmp_path, [json.dumps(p) for p in PAIRS])
    out = StringIO()
    call_command("suggest_stance", str(path), "--json", stdout=out)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 2
    for line in lines:
        assert set(line) == {"stance", "score", "reason"}
        assert line["stance"] in {"supports", "refutes", "mentions", "unclear"}
        assert 0.0 <= line["score"] <= 1.0 and line["reason"]
    assert lines[0]["stance"] == "supports" and "same numbers (1, 412)" in lines[0]["reason"]
    assert lines[1]["stance"] == "unclear"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not JSON"),
        ('["a list"]', "line 2: expected an object"),
        ('{"claim": "x"}', "line 2: 'passage' must be a non-empty string"),
        ('{"claim": "", "passage": "p"}', "line 2: 'claim' must be a non-empty string"),
    ],
)
def test_bad_input_names_the_line_and_writes_nothing(tmp_path, line, message):
    path = write_lines(tmp_path, [json.dumps(PAIRS[0]), line])
    out = StringIO()
    with pytest.raises(CommandError, match=message):
        call_command("suggest_stance", str(path), "--json", stdout=out)
    assert out.getvalue() == ""


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("suggest_stance", str(tmp_path / "absent.jsonl"), "--json")


def test_from_the_shell_bad_input_exits_non_zero_without_a_traceback(tmp_path):
    path = write_lines(tmp_path, [json.dumps(PAIRS[0]), "", '{"claim": 3, "passage": "p"}'])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "suggest_stance", str(path), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "line 3: 'claim' must be a non-empty string" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
