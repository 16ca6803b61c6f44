"""kombu's Redis transport (the broker whenever REDIS_URL is set), with a worker that outlives a Redis restart.

When Redis goes away under a running worker, Celery's consumer lets kombu collect the broken connection and
then closes it. kombu 5.7 can detach the transport from its connection (`transport.client = None`) while a
channel holding unacknowledged messages is still open; closing that channel then tries to give the messages
back to Redis, builds a new connection pool from the detached transport and fails with AttributeError
("'NoneType' object has no attribute 'hostname'"). That error is no connection error, so the worker stopped
("Unrecoverable error") instead of reconnecting, and every message it held waited for a restart by hand
(issue 11: the Redis-restart fault test, on a quiet machine).

Here a channel whose transport is detached does not try: Redis is unreachable at that moment anyway, and the
messages are not lost. kombu keeps each delivered message in Redis's `unacked` hash until it is acknowledged,
and any worker gives such messages back to their queue once they are older than the visibility timeout
(`CELERY_VISIBILITY_TIMEOUT`, sized to the task time limits in factcheck.settings.base).

factcheck.celery points the `redis://` and `rediss://` schemes at this Transport, so every producer and
worker uses it.
"""

from __future__ import annotations

import logging

from kombu.transport import redis

logger = logging.getLogger(__name__)


class QoS(redis.QoS):
    def restore_unacked(self, client=None):
        """Give unacknowledged messages back to their queue, unless the transport is already detached."""
        if client is None and self.channel.connection.client is None:
            if self._delivered:
                logger.warning(
                    "The broker connection closed before %d unacknowledged message(s) could be given back; "
                    "they stay in Redis and are redelivered after the visibility timeout.",
                    len(self._delivered),
                )
            self._delivered.clear()
            return None
        return super().restore_unacked(client)


class Channel(redis.Channel):
    QoS = QoS


class Transport(redis.Transport):
    Channel = Channel
