"""bin/_venv.sh (sourced by bin/serve and bin/test) installs torch's CPU build by default, like the Dockerfile."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _torch_index_args(index_url: str) -> subprocess.CompletedProcess:
    script = f'TORCH_INDEX_URL="{index_url}"; source bin/_venv.sh; torch_index_args'
    return subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30)


def test_an_index_that_answers_is_added_as_an_extra_index(httpserver):
    httpserver.expect_request("/whl/cpu/torch/").respond_with_data("<html></html>")
    url = httpserver.url_for("/whl/cpu")
    result = _torch_index_args(url)
    assert result.returncode == 0
    assert result.stdout.split() == ["--extra-index-url", url]


def test_an_index_that_does_not_answer_is_left_out_with_a_note(httpserver):
    httpserver.expect_request("/elsewhere/").respond_with_data("")
    result = _torch_index_args(httpserver.url_for("/whl/cpu"))  # 500: no such page
    assert result.returncode == 0
    assert result.stdout.strip() == ""
    assert "does not answer" in result.stderr


def test_an_empty_setting_turns_the_cpu_index_off():
    result = _torch_index_args("")
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr == ""
    assert (
        "TORCH_INDEX_URL=${TORCH_INDEX_URL-https://download.pytorch.org/whl/cpu}" in (ROOT / "bin/_venv.sh").read_text()
    )
