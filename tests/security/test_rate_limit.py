"""The /graphql/ rate limit, counted in the real Redis that `make test` starts."""

from __future__ import annotations

import pytest
import requests
from django.core.cache import caches

QUERY = {"query": "{ __typename }"}


@pytest.fixture
def limited(settings, redis_cache, db) -> None:
    settings.CITYNEWS_RATE_LIMIT_ENABLED = True
    settings.CITYNEWS_RATE_LIMIT_CACHE = redis_cache
    settings.CITYNEWS_RATE_LIMIT_POINTS = 3
    settings.CITYNEWS_RATE_LIMIT_WINDOW = 60
    settings.CITYNEWS_API_KEYS = ["partner-key-1"]


def post(url: str, **headers: str) -> requests.Response:
    return requests.post(f"{url}/graphql/", json=QUERY, headers=headers, timeout=30)


def test_a_client_over_its_allowance_gets_429_with_retry_after(api_url, limited):
    answers = [post(api_url) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert "no-store" in refused.headers["Cache-Control"]
    body = refused.json()
    assert body["errors"][0]["extensions"] == {
        "code": "RATE_LIMITED",
        "retryAfter": int(refused.headers["Retry-After"]),
    }
    assert "Too many requests" in body["errors"][0]["message"]
    assert "data" not in body


def test_the_count_lives_in_redis(api_url, limited, redis_cache):
    post(api_url)

    keys = caches[redis_cache].keys("ratelimit:ip:127.0.0.1:*")  # django-redis' own key listing
    assert len(keys) == 1
    assert caches[redis_cache].get(keys[0]) == 1


def test_a_known_api_key_has_its_own_allowance_and_an_invented_one_does_not(api_url, limited):
    for _ in range(3):
        post(api_url)

    assert post(api_url).status_code == 429
    assert post(api_url, **{"X-Api-Key": "made-up"}).status_code == 429
    assert post(api_url, **{"X-Api-Key": "partner-key-1"}).status_code == 200


def test_behind_a_trusted_proxy_each_forwarded_client_counts_apart(api_url, limited, settings):
    settings.CITYNEWS_TRUSTED_PROXIES = 1
    for _ in range(3):
        post(api_url, **{"X-Forwarded-For": "203.0.113.7"})

    assert post(api_url, **{"X-Forwarded-For": "203.0.113.7"}).status_code == 429
    assert post(api_url, **{"X-Forwarded-For": "198.51.100.2"}).status_code == 200
    # What a client writes to the left of the proxy's entry is not trusted.
    assert post(api_url, **{"X-Forwarded-For": "10.0.0.1, 203.0.113.7"}).status_code == 429


def test_other_paths_are_not_counted(api_url, limited):
    for _ in range(5):
        requests.get(f"{api_url}/admin/login/", timeout=30)

    assert post(api_url).status_code == 200


def test_switched_off_nothing_is_counted(api_url, limited, settings):
    settings.CITYNEWS_RATE_LIMIT_ENABLED = False

    assert {post(api_url).status_code for _ in range(5)} == {200}


def test_a_costly_query_uses_up_the_allowance_by_its_cost(api_url, limited, settings):
    """Charged by the cost analysis: one query costing over 2 points' worth leaves nothing for the next."""
    settings.CITYNEWS_RATE_LIMIT_COST_PER_POINT = 10
    costly = {"query": "{ newsItems(first: 30) { edges { node { title } } } }"}

    first = requests.post(f"{api_url}/graphql/", json=costly, timeout=10)

    assert first.status_code == 200
    assert first.json()["extensions"]["cost"]["requested"] > 20
    assert post(api_url).status_code == 429
