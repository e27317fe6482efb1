"""A process keeps the content version token while Redis has told it of no change, and reads it
again as soon as any client anywhere writes it; with the real Redis that ``make test`` starts."""

import contextlib
import os
import pickle
import socket
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import redis
from django.core.cache import cache, caches

from home import content_version, version_watch
from home.version_watch import VersionWatch


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail("REDIS_URL is not set: run the tests with `make test`, which starts Redis.")
    return url


@pytest.fixture
def other_process(redis_url: str) -> Iterator[redis.Redis]:
    """A client of its own, like another process or host writing to the shared Redis."""
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


@pytest.fixture
def prefix() -> str:
    return f"test:{uuid.uuid4().hex}:"


def noticed(watch: VersionWatch) -> bool:
    """Whether the watch has heard of a change within 50 ms of the writer's reply.

    Redis queues the notice in the same turn of its event loop as the writer's reply, but nothing
    orders the writes to the two sockets: on a loaded machine the notice can come a moment after."""
    deadline = time.monotonic() + 0.05
    while watch.unchanged():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


def test_a_write_anywhere_under_the_prefix_is_noticed_before_the_next_request(redis_url, other_process, prefix):
    watch = VersionWatch(redis_url, prefix)
    assert not watch.unchanged()  # nothing read yet
    assert watch.start_reading()
    assert watch.unchanged()
    other_process.set("test:somewhere-else", "1")
    assert watch.unchanged()
    other_process.set(prefix + "token", "2")
    assert noticed(watch)
    assert watch.start_reading()
    assert watch.unchanged()
    other_process.flushdb()
    assert noticed(watch)


def test_a_broken_or_silent_watch_trusts_nothing(redis_url, other_process, prefix, monkeypatch):
    watch = VersionWatch(redis_url, prefix)
    assert watch.start_reading()
    other_process.execute_command("CLIENT", "KILL", "TYPE", "pubsub")
    assert not watch.unchanged()
    assert not watch.start_reading()  # tried again a second later, not on every request
    monkeypatch.setattr(version_watch, "RETRY_SECONDS", 0.0)
    watch = VersionWatch(redis_url, prefix)
    assert watch.start_reading()
    monkeypatch.setattr(version_watch, "CONFIRM_SECONDS", 0.0)  # as if a second had passed in silence
    assert not watch.unchanged()


def test_without_redis_nothing_is_trusted(prefix):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    watch = VersionWatch(f"redis://127.0.0.1:{port}/0", prefix)
    assert not watch.start_reading()
    assert not watch.unchanged()


def test_a_server_that_refuses_tracking_is_not_asked_again(prefix, monkeypatch):
    """Redis before 6, or a managed Redis without ``CLIENT``: an error reply to every command."""
    connections: list[socket.socket] = []
    with socket.create_server(("127.0.0.1", 0)) as server:

        def refuse() -> None:
            with contextlib.suppress(OSError):
                while True:
                    client, _address = server.accept()
                    connections.append(client)
                    while client.recv(4096):
                        client.sendall(b"-ERR unknown command\r\n")

        threading.Thread(target=refuse, daemon=True).start()
        monkeypatch.setattr(version_watch, "RETRY_SECONDS", 0.0)
        watch = VersionWatch(f"redis://127.0.0.1:{server.getsockname()[1]}/0", prefix)
        assert not watch.start_reading()
        assert not watch.start_reading()
        assert not watch.unchanged()
        assert len(connections) == 1


def test_the_token_and_what_is_stored_under_it_are_read_once_until_the_token_changes(
    db, redis_url, other_process, settings, monkeypatch
):
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_url}}
    content_version.current()  # makes the token, a write this process hears of as any other
    token, values = content_version.current(["answer"])
    assert values == {}
    content_version.store("answer", (token, "the answer"), timeout=60, size=10)
    reads: list[list[str]] = []
    redis_cache = caches["default"]
    get_many = redis_cache.get_many
    monkeypatch.setattr(redis_cache, "get_many", lambda keys: reads.append(list(keys)) or get_many(keys))

    assert content_version.current(["answer"]) == (token, {"answer": (token, "the answer")})
    assert content_version.current(["answer", "other"])[0] == token
    assert reads == [["other"]]  # only what this process does not hold

    # Another process's bump, as django-redis writes it.
    other_process.set(cache.make_key(content_version.KEY), pickle.dumps("changed-elsewhere"))
    assert content_version.current(["answer"])[0] == "changed-elsewhere"
    assert len(reads) == 2
