"""Redis tells this process when the content version token changes, so it need not ask every time.

Reading the token was one Redis round trip on every request, a hit of the response cache
included (a third of a hit's cost). Redis's client tracking in broadcast mode (``CLIENT TRACKING
ON BCAST PREFIX``, Redis 6 and later) sends a notice to a subscribed connection whenever any
client, on any host, writes a key under a prefix, or the database is flushed. This process keeps
one such connection for the token's keys: while no notice has come since it last read the
token, what it read is still the token (``content_version`` keeps it, and the values stored
under it). Redis sends the notice in the same turn of its event loop as the writer's own reply,
so a process sees a publish within moments of the editor who made it.

When the connection cannot be made or breaks, nothing is trusted: the token is read from Redis
on every request, as before, and the connection is tried again at most once a second (never,
when the server refuses tracking). A
connection can also fall silent without breaking (a network partition): so the token is read
again at least once a second all the same, and an old token is never kept longer than that.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from typing import Any

import redis

logger = logging.getLogger(__name__)

CHANNEL = "__redis__:invalidate"
RETRY_SECONDS = 1.0
CONFIRM_SECONDS = 1.0


class VersionWatch:
    """A subscription to Redis's notices of writes to the keys under ``prefix``."""

    def __init__(self, url: str, prefix: str) -> None:
        self._url = url
        self._prefix = prefix
        self._connection: Any = None  # a redis-py Connection, subscribed
        self._pid = 0
        self._quiet = False  # no notice since ``start_reading``
        self._read_at = 0.0
        self._retry_at = 0.0
        self._lock = threading.Lock()

    def unchanged(self) -> bool:
        """Whether nothing under the prefix has been written since the last ``start_reading``."""
        with self._lock:
            return self._drained() and self._quiet and time.monotonic() - self._read_at < CONFIRM_SECONDS

    def start_reading(self) -> bool:
        """Call just before reading the watched keys: whether what is read can be kept until a notice.

        The subscription is in place before the read, so no write after it goes unnoticed.
        """
        with self._lock:
            if not self._drained() and not self._connect():
                return False
            self._quiet = True
            self._read_at = time.monotonic()
            return True

    def _drained(self) -> bool:
        """Reads the notices that have arrived; ``False`` when there is no working subscription."""
        if self._connection is None or self._pid != os.getpid():
            self._connection = None  # a forked child never uses its parent's socket
            return False
        try:
            while self._connection.can_read(timeout=0):
                message = self._connection.read_response()
                if isinstance(message, list) and message[:1] == [b"message"]:
                    self._quiet = False
        except (redis.RedisError, OSError):
            logger.warning("The content version watch lost Redis; the token is read on every request.")
            self._drop()
            return False
        return True

    def _connect(self) -> bool:
        if time.monotonic() < self._retry_at:
            return False
        self._retry_at = time.monotonic() + RETRY_SECONDS
        connection = redis.ConnectionPool.from_url(
            self._url, socket_timeout=1, socket_connect_timeout=1
        ).make_connection()
        try:
            connection.connect()
            connection.send_command("CLIENT", "ID")
            client_id = connection.read_response()
            connection.send_command("CLIENT", "TRACKING", "ON", "REDIRECT", client_id, "BCAST", "PREFIX", self._prefix)
            connection.read_response()
            connection.send_command("SUBSCRIBE", CHANNEL)
            connection.read_response()
        except redis.ResponseError as error:
            # The server refuses tracking (Redis before 6, or a managed Redis that disallows it): for good.
            logger.warning("Redis refuses the content version watch (%s); the token is read on every request.", error)
            self._retry_at = math.inf
            connection.disconnect()
            return False
        except (redis.RedisError, OSError) as error:
            logger.warning("No content version watch (%s); the token is read on every request.", error)
            connection.disconnect()
            return False
        self._connection, self._pid = connection, os.getpid()
        return True

    def _drop(self) -> None:
        self._quiet = False
        if self._connection is not None:
            self._connection.disconnect()
        self._connection = None
