"""A prefork worker, as docker-compose.yml runs extraction: its main process loads the models before it forks the
pool, and children the memory limit replaces after every task extract with them, without loading them again."""

import re

import pytest

from claims.models import Article
from claims.services import article_ingest
from tests.conftest import wait_for

from .conftest import made_up_html, sending_to

pytestmark = pytest.mark.integration


def test_children_replaced_after_each_task_extract_with_the_models_their_parent_loaded(
    transactional_db, worker_env, workers, settings, tmp_path
):
    # The smallest memory limit Celery accepts: every child is replaced after its first task.
    env = {**worker_env, "FACTCHECK_FETCHERS": "", "CELERY_WORKER_MAX_MEMORY_PER_CHILD": "65536"}
    log = tmp_path / "prefork.log"
    workers(queues=[env["CELERY_QUEUE"]], env=env, log=log, name="prefork", pool="prefork", concurrency=2).start()

    with sending_to(env, settings):
        articles = [article_ingest(html=made_up_html(3, seed=seed, title=f"Made-up report {seed}"))[0]
                    for seed in (11, 12, 13, 14)]  # fmt: skip
        wait_for(
            lambda: Article.objects.filter(pk__in=[a.pk for a in articles], extraction_status="done").count() == 4,
            timeout=180,
            message="four articles extracted by the prefork pool",
        )

    text = log.read_text()
    children = set(re.findall(r"ForkPoolWorker-(\d+)", text))
    assert len(children) >= 3, f"children were not replaced: {sorted(children)}"
    assert "Loading weights" in text  # the embedding weights, loaded once: by the main process
    assert not re.search(r"ForkPoolWorker-\d+\] \s*Loading weights", text), "a child loaded the weights again"
    assert "Models loaded before forking the pool" in text
