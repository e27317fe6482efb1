"""Cache hits answered again before Django (``graphql_api.hit_replay``), over real HTTP.

The test server serves what gunicorn serves: Django inside the WSGI middleware. Whether Django
handled a request is seen from ``request_started``, which its handler sends for every request.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from unittest.mock import ANY

import pytest
from django.core.signals import request_started

from graphql_api import hit_replay

from .conftest import http

QUERY = "{ newsItems(first: 3) { edges { node { title heroImage { id } } } } }"
CACHE_HEADER = "x-citynews-cache"
ALLOW_ORIGIN = "access-control-allow-origin"


class DjangoCount:
    def __init__(self) -> None:
        self.requests = 0

    def __call__(self, **_kwargs: object) -> None:
        self.requests += 1


@pytest.fixture
def handled() -> Iterator[DjangoCount]:
    """How many requests reached Django's handler."""
    count = DjangoCount()
    request_started.connect(count)
    yield count
    request_started.disconnect(count)


@pytest.fixture
def cached(settings, content):
    settings.CITYNEWS_RESPONSE_CACHE = True
    return content


def _url(base: str, query: str = QUERY) -> str:
    return f"{base}/graphql/?{urllib.parse.urlencode({'query': query})}"


def _without_date(headers: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name != "date"}


def _replayed(handled: DjangoCount, url: str, headers: dict[str, str] | None = None) -> tuple[bool, int, dict, bytes]:
    """Whether the GET was answered without Django, and its status, headers (lower-case) and body."""
    before = handled.requests
    status, response_headers, body = http("GET", url, None, headers)
    return handled.requests == before, status, {name.lower(): value for name, value in response_headers.items()}, body


def test_a_hit_is_replayed_without_django_with_the_stacks_status_headers_and_body(api_url, cached, handled):
    url = _url(api_url)
    miss, by_django = _replayed(handled, url), _replayed(handled, url)
    assert (miss[2][CACHE_HEADER], by_django[2][CACHE_HEADER]) == ("MISS", "HIT")
    replayed, status, headers, body = _replayed(handled, url)
    assert (replayed, by_django[0]) == (True, False)
    assert (status, _without_date(headers), body) == (by_django[1], _without_date(by_django[2]), by_django[3])
    assert headers[CACHE_HEADER] == "HIT"
    assert {"content-security-policy", "x-frame-options", "etag", "surrogate-key"} <= set(headers)


def test_nothing_is_replayed_after_a_publish_or_a_deletion(api_url, cached, handled):
    url = _url(api_url)
    for _ in range(2):
        http("GET", url)
    replayed, _status, kept, _body = _replayed(handled, url)
    assert replayed
    newest = cached["news_items"][-1]
    newest.title = "Retitled"
    newest.save_revision().publish()
    replayed, _status, headers, body = _replayed(handled, url)
    assert (replayed, headers[CACHE_HEADER]) == (False, "MISS")
    assert b'"Retitled"' in body
    # The answer now stored is not the one whose headers were kept: Django answers with its own.
    replayed, _status, headers, body = _replayed(handled, url)
    assert (replayed, headers[CACHE_HEADER]) == (False, "HIT")
    assert headers["etag"] != kept["etag"]
    assert headers["content-length"] == str(len(body))
    assert _replayed(handled, url)[:3] == (True, 200, headers | {"date": ANY})
    cached["image"].delete()
    replayed, _status, headers, body = _replayed(handled, url)
    assert (replayed, headers[CACHE_HEADER]) == (False, "MISS")
    assert b'"heroImage":null' in body


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer something"},
        {"Cookie": "sessionid=abc"},
        {"Cookie": "theme=dark"},
        {"Host": "localhost"},
        {"X-Forwarded-Proto": "https"},
    ],
)
def test_a_request_another_branch_or_another_url_would_answer_goes_to_django(api_url, cached, handled, headers):
    url = _url(api_url)
    for _ in range(2):
        http("GET", url)
    replayed, status, _headers, _body = _replayed(handled, url, headers)
    assert not replayed
    assert status == 200
    assert _replayed(handled, url)[0]  # the plain request is still replayed


def test_a_conditional_request_gets_its_304_from_django(api_url, cached, handled):
    url = _url(api_url)
    for _ in range(2):
        etag = http("GET", url)[1]["ETag"]
    replayed, status, headers, body = _replayed(handled, url, {"If-None-Match": etag})
    assert (replayed, status, headers["etag"], body) == (False, 304, etag, b"")


def test_replays_honour_vary(api_url, cached, handled, settings):
    """CORS answers vary on Origin: each origin has its own replayed hit, and so has a request with
    none (a front end rendering on its server), side by side; never another origin's."""
    settings.CORS_ALLOWED_ORIGINS = ["https://www.example.org", "https://partner.example.net"]
    url = _url(api_url)
    ours, theirs, none = {"Origin": "https://www.example.org"}, {"Origin": "https://partner.example.net"}, {}
    assert _replayed(handled, url, ours)[2][CACHE_HEADER] == "MISS"
    for headers in (ours, theirs, none):  # the stack's hit of each, kept side by side
        replayed, _status, answer, _body = _replayed(handled, url, headers)
        assert (replayed, answer[CACHE_HEADER]) == (False, "HIT")
    for _ in range(2):
        for headers in (ours, theirs, none):
            replayed, _status, answer, _body = _replayed(handled, url, headers)
            assert (replayed, answer.get(ALLOW_ORIGIN)) == (True, headers.get("Origin"))
    replayed, _status, answer, _body = _replayed(handled, url, {"Origin": "https://elsewhere.example.com"})
    assert replayed is False
    assert ALLOW_ORIGIN not in answer


def test_a_replayed_hit_is_charged_to_the_clients_allowance(api_url, cached, handled, settings, redis_cache):
    settings.CITYNEWS_RATE_LIMIT_ENABLED = True
    settings.CITYNEWS_RATE_LIMIT_CACHE = redis_cache
    settings.CITYNEWS_RATE_LIMIT_POINTS = 5
    settings.CITYNEWS_RATE_LIMIT_WINDOW = 60
    url = _url(api_url)
    answers = [_replayed(handled, url) for _ in range(6)]
    assert [replayed for replayed, *_rest in answers] == [False, False, True, True, True, False]
    assert [status for _replayed, status, *_rest in answers] == [200, 200, 200, 200, 200, 429]
    assert answers[-1][2]["retry-after"]


def test_the_requests_kept_are_bounded(api_url, cached, handled, monkeypatch):
    monkeypatch.setattr(hit_replay, "KEPT_REQUESTS", 2)
    urls = [_url(api_url, QUERY.replace("first: 3", f"first: {n}")) for n in (1, 2, 3)]
    for url in urls:
        for _ in range(2):
            http("GET", url)
    assert [_replayed(handled, url)[0] for url in reversed(urls)] == [True, True, False]


def test_a_post_or_an_uncached_get_goes_to_django(api_url, content, handled, settings):
    url = _url(api_url)
    for _ in range(3):  # the response cache is off in tests unless asked for
        assert not _replayed(handled, url)[0]
    settings.CITYNEWS_RESPONSE_CACHE = True
    for _ in range(2):
        http("GET", url)
    before = handled.requests
    http("POST", f"{api_url}/graphql/", b'{"query": "{ __typename }"}', {"Content-Type": "application/json"})
    assert handled.requests == before + 1


def test_concurrent_clients_of_several_origins_each_get_their_own_answer(api_url, cached, handled, settings):
    """Eight clients at once, from three origins and none, on the threaded test server: every
    answer is whole, has its own origin's CORS header, and most never reach Django."""
    origins = ["https://www.example.org", "https://partner.example.net", "https://third.example.com", None]
    settings.CORS_ALLOWED_ORIGINS = [origin for origin in origins if origin]
    url = _url(api_url)
    expected = http("GET", url)[2]

    def ask(client: int) -> list[tuple[int, str | None, bytes]]:
        origin = origins[client % len(origins)]
        answers = []
        for _ in range(25):
            status, headers, body = http("GET", url, None, {"Origin": origin} if origin else None)
            answers.append((status, {k.lower(): v for k, v in headers.items()}.get(ALLOW_ORIGIN), body))
        return answers

    before = handled.requests
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(ask, range(8)))
    for client, answers in enumerate(results):
        assert {(status, allowed) for status, allowed, _body in answers} == {(200, origins[client % len(origins)])}
        assert {body for _status, _allowed, body in answers} == {expected}
    assert handled.requests - before <= 2 * 8  # at most the first requests of each client, racing


def test_a_query_in_any_script_is_replayed_as_it_was_answered(api_url, cached, handled):
    url = _url(api_url, '{ search(query: "Kutaisi \\u2013 ქუთაისი 库塔伊西 🌍", first: 2) { totalCount } }')
    answers = [_replayed(handled, url) for _ in range(4)]
    assert [replayed for replayed, *_rest in answers] == [False, False, True, True]
    assert len({(status, body) for _replayed, status, _headers, body in answers}) == 1
    assert answers[0][1] == 200
