"""On the filesystem broker a worker never sees a message before it is written whole: it once read an empty file,
and the JSON error stopped the worker and lost the message."""

from __future__ import annotations

from queue import Empty

import pytest
from kombu import Connection

import factcheck.celery  # noqa: F401  (points the filesystem:// scheme at our transport)
from factcheck import filesystem_broker


@pytest.fixture
def channel(tmp_path):
    folder = tmp_path / "queue"
    folder.mkdir()
    options = {"data_folder_in": str(folder), "data_folder_out": str(folder), "store_processed": False}
    with Connection("filesystem://", transport_options=options) as connection:
        channel = connection.default_channel
        yield channel


def test_the_filesystem_scheme_uses_the_transport_that_writes_messages_whole(channel):
    assert isinstance(channel, filesystem_broker.Channel)


def test_a_worker_reading_while_a_message_is_being_written_finds_nothing_then_the_whole_message(channel, monkeypatch):
    seen_meanwhile = []

    def dumps_while_a_worker_reads(payload):
        try:  # the worker polls the queue while the producer is between creating the file and writing it
            seen_meanwhile.append(channel._get("extract"))
        except Empty:
            seen_meanwhile.append("nothing")
        return real_dumps(payload)

    real_dumps = filesystem_broker.dumps
    monkeypatch.setattr(filesystem_broker, "dumps", dumps_while_a_worker_reads)

    channel._put("extract", {"body": "an article to extract", "headers": {"task": "claims.tasks.x"}})

    assert seen_meanwhile == ["nothing"]
    assert channel._get("extract")["body"] == "an article to extract"
    with pytest.raises(Empty):
        channel._get("extract")  # taken once
