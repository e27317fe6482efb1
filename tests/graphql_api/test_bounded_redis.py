"""A Redis with a memory bound, over real HTTP: with ``allkeys-lru`` (what the README asks for) it
may evict anything the app keeps there, the content version token included, and the API still
answers, never from before a publish; with ``noeviction`` (Redis' default) a full Redis refuses
writes, and the API answers 503 until it has room again, never a 500.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import redis
from django.core.cache import cache

from home import content_version
from tests.operations.servers import ThrowawayRedis

from .conftest import http

QUERY = "{ newsItems(first: 3) { edges { node { title } } } }"


@contextmanager
def bounded_redis(settings: Any, policy: str) -> Iterator[redis.Redis]:
    """A 4 MB Redis as Django's cache, and a client of its own to fill it."""
    server = ThrowawayRedis("--maxmemory", "4mb", "--maxmemory-policy", policy)
    server.start()
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": server.url}}
    settings.CITYNEWS_RESPONSE_CACHE = True
    client = redis.Redis.from_url(server.url)
    try:
        yield client
    finally:
        client.close()
        server.stop()


@pytest.fixture
def evicting_redis(settings) -> Iterator[redis.Redis]:
    with bounded_redis(settings, "allkeys-lru") as client:
        yield client


@pytest.fixture
def full_redis(settings) -> Iterator[redis.Redis]:
    with bounded_redis(settings, "noeviction") as client:
        yield client


def _titles(api_url: str) -> tuple[str, list[str]]:
    status, headers, raw = http("GET", f"{api_url}/graphql/?{urllib.parse.urlencode({'query': QUERY})}")
    assert status == 200
    return headers["X-Citynews-Cache"], [
        edge["node"]["title"] for edge in json.loads(raw)["data"]["newsItems"]["edges"]
    ]


def _fill_until_the_token_is_evicted(client: redis.Redis) -> None:
    """Writes other data, as other cached answers would, until Redis has evicted the token."""
    token_key = cache.make_key(content_version.KEY)
    for number in range(5_000):
        if not client.exists(token_key):
            return
        client.set(f"other:{number}", b"x" * 50_000)
    pytest.fail("Redis kept the token through 250 MB of writes: is maxmemory set?")


def _fill_until_full(client: redis.Redis) -> list[str]:
    """Writes other data until Redis refuses a write, then lowers its bound under what it holds
    (the refused value's own bytes count while it is sent, so a smaller write would still fit);
    the keys written."""
    written: list[str] = []
    for number in range(5_000):
        try:
            client.set(f"other:{number}", b"x" * 50_000)
        except redis.exceptions.OutOfMemoryError:
            client.config_set("maxmemory", client.info("memory")["used_memory"] // 2)
            return written
        written.append(f"other:{number}")
    pytest.fail("Redis took 250 MB of writes: is maxmemory set?")


def test_an_evicting_redis_answers_and_never_from_before_a_publish(api_url, content, evicting_redis):
    titles = [item.title for item in reversed(content["news_items"][-3:])]
    assert _titles(api_url) == ("MISS", titles)
    assert _titles(api_url) == ("HIT", titles)

    _fill_until_the_token_is_evicted(evicting_redis)
    assert evicting_redis.info("stats")["evicted_keys"] > 0
    assert _titles(api_url) == ("MISS", titles)  # made again under a new token
    assert _titles(api_url) == ("HIT", titles)

    newest = content["news_items"][-1]
    newest.title = "Retitled while Redis evicts"
    newest.save_revision().publish()
    after = ["Retitled while Redis evicts", *titles[1:]]
    assert _titles(api_url) == ("MISS", after)
    _fill_until_the_token_is_evicted(evicting_redis)
    assert _titles(api_url)[1] == after
    assert _titles(api_url) == ("HIT", after)


def test_a_full_redis_that_refuses_writes_is_a_503_that_heals(api_url, content, full_redis, settings):
    settings.CITYNEWS_RATE_LIMIT_ENABLED = True  # its counter is a write on every request
    settings.CITYNEWS_RATE_LIMIT_CACHE = "default"
    assert _titles(api_url)[0] == "MISS"
    filled = _fill_until_full(full_redis)
    url = f"{api_url}/graphql/?{urllib.parse.urlencode({'query': QUERY})}"
    for method, body in (("GET", None), ("POST", json.dumps({"query": QUERY}).encode())):
        status, headers, raw = http(method, url, body, {"Content-Type": "application/json"})
        assert (status, headers.get("Retry-After")) == (503, "5"), (method, status, raw[:600])
        assert json.loads(raw)["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    full_redis.delete(*filled)
    full_redis.config_set("maxmemory", "4mb")
    assert _titles(api_url)[1] == [item.title for item in reversed(content["news_items"][-3:])]
