"""A Redis bounded like a cache (``maxmemory`` with ``allkeys-lru``) may evict anything the app keeps
there, the content version token included, and the API still answers, never from before a publish.

The README's deployment section asks for such a bound: unbounded, Redis grows with every distinct
query until the host runs out of memory.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator

import pytest
import redis
from django.core.cache import cache

from home import content_version
from tests.operations.servers import ThrowawayRedis

from .conftest import http

QUERY = "{ newsItems(first: 3) { edges { node { title } } } }"


@pytest.fixture
def evicting_redis(settings) -> Iterator[redis.Redis]:
    server = ThrowawayRedis("--maxmemory", "4mb", "--maxmemory-policy", "allkeys-lru")
    server.start()
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": server.url}}
    settings.CITYNEWS_RESPONSE_CACHE = True
    client = redis.Redis.from_url(server.url)
    try:
        yield client
    finally:
        client.close()
        server.stop()


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
