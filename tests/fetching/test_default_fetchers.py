"""Real providers are on by default where they need no key; Google's earlier fact-checks when a key is set.
The test settings keep them off and pointed at a closed local port, so no test reaches the internet."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def fetchers_with(**env) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "DJANGO_SETTINGS"))}
    code = "import json; from factcheck.settings import local; print(json.dumps(local.FACTCHECK_FETCHERS))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True,
                            timeout=60, check=True)  # fmt: skip
    return json.loads(result.stdout)


def test_without_a_key_the_keyless_providers_run_for_every_new_claim():
    assert fetchers_with() == ["internal", "cited", "wikipedia", "gdelt"]


def test_with_a_google_key_earlier_fact_checks_are_searched_too():
    assert fetchers_with(FACTCHECK_GOOGLE_API_KEY="k-123") == [
        "internal",
        "cited",
        "wikipedia",
        "gdelt",
        "google_factcheck",
    ]


def test_an_explicit_list_wins():
    assert fetchers_with(FACTCHECK_FETCHERS="internal") == ["internal"]


def test_the_test_settings_keep_every_provider_on_this_machine():
    assert settings.FACTCHECK_FETCHERS == ["internal", "cited"]
    for url in (
        settings.FACTCHECK_WIKIPEDIA_URL,
        settings.FACTCHECK_GDELT_URL,
        settings.FACTCHECK_GOOGLE_FACTCHECK_URL,
    ):
        assert url.startswith("http://127.0.0.1:")
    assert settings.FACTCHECK_HTTP_PROBE_HOST == "localhost"
