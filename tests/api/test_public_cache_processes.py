"""Across processes: a gunicorn with two workers, each with its own in-memory cache, serves the public page while
this process publishes and unpublishes. No read after the unpublication's commit shows the verdict."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from claims import services
from tests.api.conftest import make_claim, publish
from tests.conftest import ROOT, _database_url

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TEXT = "A made-up ministry said the new bridge opened in March 2019."


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn(integration_services, transactional_db, tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings.test",
        "DATABASE_URL": _database_url(integration_services),
        "FACTCHECK_PUBLIC_CACHE": "true",
        "REDIS_URL": "",  # each worker keeps its own local-memory cache: only the database ties them together
    }
    log = tmp_path / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "factcheck.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", "2", "--timeout", "60"]  # fmt: skip
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"gunicorn did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=20)


def _get(url: str, **headers) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers.get("ETag", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers.get("ETag", "")


def test_no_process_serves_a_verdict_from_its_cache_after_it_is_unpublished(gunicorn, reviewer, editor):
    verdict = publish(make_claim(TEXT), reviewer=reviewer, editor=editor)
    page = f"{gunicorn}/claims/{verdict.claim_id}/"
    api = f"{gunicorn}/api/v1/verdicts/{verdict.pk}/claimreview"

    warm = [_get(url) for url in (page, api) for _ in range(8)]  # both workers fill their caches
    assert all(status == 200 and "new bridge opened" in body for status, body, _ in warm)
    etags = {etag for _, _, etag in warm}

    services.verdict_unpublish(claim=verdict.claim, actor=editor, reason="Source withdrawn.")

    after = [_get(url) for url in (page, api) for _ in range(8)]
    after += [_get(url, **{"If-None-Match": etag}) for url in (page, api) for etag in etags]
    assert [status for status, _, _ in after] == [404] * len(after)
    assert not any("new bridge opened" in body for _, body, _ in after)

    services.verdict_publish(claim=verdict.claim, actor=editor)  # unpublished verdicts wait as "verdict ready"
    again = [_get(page) for _ in range(4)]
    assert all(status == 200 and "new bridge opened" in body for status, body, _ in again)


def test_after_an_unpublication_a_poll_with_the_old_etag_gets_the_list_without_the_verdict(gunicorn, reviewer, editor):
    verdict = publish(make_claim(TEXT), reviewer=reviewer, editor=editor)
    listing = f"{gunicorn}/api/v1/verdicts/"
    warm = [_get(listing) for _ in range(8)]
    assert all(status == 200 and "new bridge opened" in body for status, body, _ in warm)
    etags = {etag for _, _, etag in warm}
    assert [_get(listing, **{"If-None-Match": etag})[0] for etag in etags] == [304] * len(etags)

    services.verdict_unpublish(claim=verdict.claim, actor=editor, reason="Source withdrawn.")

    polls = [_get(listing, **{"If-None-Match": etag}) for etag in etags for _ in range(4)]
    reads = [_get(listing) for _ in range(8)]
    assert [status for status, _, _ in polls + reads] == [200] * (len(polls) + len(reads))
    assert not any("new bridge opened" in body for _, body, _ in polls + reads)
    assert not {etag for _, _, etag in polls} & etags
