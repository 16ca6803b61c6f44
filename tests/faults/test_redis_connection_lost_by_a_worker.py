"""A worker holding messages when Redis goes away reconnects and loses nothing (factcheck/redis_broker.py).

In the Redis-restart fault test the worker stopped for good ("Unrecoverable error: AttributeError: 'NoneType'
object has no attribute 'hostname'"): Celery collected the broken connection, kombu detached the transport from
it, and closing the channel that still held two unacknowledged messages then failed outside kombu's connection
errors. These tests build that state on a private Redis and close the channel as Celery's consumer does.
"""

from __future__ import annotations

import logging
import time
from queue import Empty

import pytest
from kombu import Connection, Queue
from kombu.common import ignore_errors
from kombu.transport import redis as kombu_redis

import factcheck.celery  # noqa: F401  (points the redis:// scheme at our transport)
from factcheck import redis_broker

from .servers import RedisServer

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

VISIBILITY_TIMEOUT = 2  # seconds; the shipped value is sized to the task time limits


def holding_one_message(url: str, article: int, transport=None) -> tuple[Connection, list]:
    """A connection whose consumer took one message and has not acknowledged it (a task still running)."""
    connection = Connection(url, transport=transport, transport_options={"visibility_timeout": VISIBILITY_TIMEOUT})
    queue = Queue("extract")
    with connection.Producer() as producer:
        producer.publish({"article": article}, routing_key="extract", declare=[queue], serializer="json")
    held: list = []
    connection.Consumer([queue], callbacks=[lambda body, message: held.append(body)], accept=["json"]).consume()
    connection.drain_events(timeout=5)
    return connection, held


def lose_the_connection(connection: Connection, redis_server: RedisServer) -> None:
    """Redis dies; kombu's collect() has detached the transport while the channel is still open (the state the
    worker's log showed), then the consumer closes the connection through ignore_errors, as Celery 5.7 does."""
    time.sleep(1.5)  # past appendfsync everysec: the record of the held message is on disk
    redis_server.kill()
    connection._do_close_transport()
    ignore_errors(connection, connection.close)


def test_kombus_own_transport_stops_with_an_attribute_error_there(redis_server):
    # The upstream behaviour our transport works around: if kombu fixes it, this test says so.
    connection, held = holding_one_message(redis_server.url, 7, transport=kombu_redis.Transport)
    assert held == [{"article": 7}]
    with pytest.raises(AttributeError, match="hostname"):
        lose_the_connection(connection, redis_server)


def test_our_transport_closes_quietly_and_the_message_comes_back_after_the_visibility_timeout(redis_server, caplog):
    connection, held = holding_one_message(redis_server.url, 7)
    assert isinstance(connection.default_channel, redis_broker.Channel)
    assert held == [{"article": 7}]

    with caplog.at_level(logging.WARNING, logger="factcheck.redis_broker"):
        lose_the_connection(connection, redis_server)  # no exception: the worker would reconnect
    assert "1 unacknowledged message(s)" in caplog.text

    redis_server.start()  # the append-only file brings back the queue and the record of the held message
    again, redelivered = holding_one_message(redis_server.url, 8)
    deadline = time.monotonic() + 10 * VISIBILITY_TIMEOUT
    while len(redelivered) < 2 and time.monotonic() < deadline:
        try:
            again.drain_events(timeout=0.5)
        except (Empty, TimeoutError):  # nothing yet in this half second
            pass
    # A new message first, then the one the lost worker held, back in its queue once it was not acknowledged
    # within the visibility timeout: delivered again, not lost.
    assert redelivered == [{"article": 8}, {"article": 7}]
    again.release()
