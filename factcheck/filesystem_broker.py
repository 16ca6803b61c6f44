"""kombu's filesystem transport (the broker of `bin/serve` and of a machine without Redis), with each message
written whole before any worker can see it.

kombu 5.7 creates a message's file under its final name, in the folder workers list, and only then writes into
it; a worker does not wait for the writer's lock, it moves the file away and reads it. Under load a worker
listed the folder in between: it read an empty message, and the JSONDecodeError stopped the whole worker
("Unrecoverable error"), the message lost with it (issue 11: the worker-killed fault test at load 6). Here the
message is written under a name no reader lists (`….msg.part`) and renamed into place, which is atomic.

factcheck.celery points the `filesystem://` scheme at this Transport, so every producer and worker uses it.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        """Put `payload` onto `queue`: written in full under a temporary name, then renamed into the queue."""
        name = f"{int(round(monotonic() * 1000))}_{uuid.uuid4()}.{queue}.msg"  # kombu's name: the order of messages
        final = os.path.join(self.data_folder_out, name)
        partial = f"{final}.part"  # readers take only names ending in ".<queue>.msg"
        try:
            with open(partial, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(partial)
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel
