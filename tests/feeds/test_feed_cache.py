"""Feeds kept while no content changes (``feeds/caching.py``), with ETag and 304, over real HTTP."""

from __future__ import annotations

import json

import pytest

from tests.graphql_api.conftest import assert_num_queries, http

FEEDS = ("/feeds/news.rss", "/feeds/news.atom", "/feeds/news.json", "/feeds/conferences.ics")
CACHE_HEADER = "X-Citynews-Cache"


def get(api_url: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    return http("GET", f"{api_url}{path}", None, headers)


@pytest.fixture
def cached(settings, content):
    settings.CITYNEWS_RESPONSE_CACHE = True
    return content


@pytest.mark.parametrize("path", FEEDS)
def test_a_repeated_poll_is_read_back_without_a_query(api_url, cached, path):
    status, first_headers, first = get(api_url, path)
    assert (status, first_headers[CACHE_HEADER]) == (200, "MISS")
    with assert_num_queries(0):
        status, headers, body = get(api_url, path)
    assert (status, headers[CACHE_HEADER], body) == (200, "HIT", first)
    for name in ("ETag", "Content-Type", "Content-Disposition", "Content-Security-Policy"):
        assert headers.get(name) == first_headers.get(name), name
    assert set(headers["Cache-Control"].split(", ")) == {"public", "max-age=300"}


@pytest.mark.parametrize("response_cache", [True, False])
def test_a_poll_with_the_etag_it_has_gets_304_without_a_body(api_url, content, settings, response_cache):
    settings.CITYNEWS_RESPONSE_CACHE = response_cache
    _status, headers, _body = get(api_url, "/feeds/news.rss")
    assert headers[CACHE_HEADER] == ("MISS" if response_cache else "BYPASS")
    status, not_modified, body = get(api_url, "/feeds/news.rss", {"If-None-Match": headers["ETag"]})
    assert (status, body, not_modified["ETag"]) == (304, b"", headers["ETag"])
    assert "public" in not_modified["Cache-Control"]
    status, _headers, body = get(api_url, "/feeds/news.rss", {"If-None-Match": '"an-older-one"'})
    assert status == 200
    assert b"<rss" in body


def test_the_first_poll_after_a_publish_has_it(api_url, cached):
    for _ in range(2):
        _status, before, _body = get(api_url, "/feeds/news.json")
    newest = cached["news_items"][-1]
    newest.title = "Retitled for the feed"
    newest.save_revision().publish()
    status, headers, body = get(api_url, "/feeds/news.json", {"If-None-Match": before["ETag"]})
    assert (status, headers[CACHE_HEADER]) == (200, "MISS")
    assert headers["ETag"] != before["ETag"]
    assert json.loads(body)["items"][0]["title"] == "Retitled for the feed"


def test_each_filter_site_and_language_is_an_answer_of_its_own(api_url, cached):
    paths = ["/feeds/news.rss", "/feeds/news.rss?city=barcelona", "/feeds/news.rss?locale=fr"]
    bodies = {path: get(api_url, path)[2] for path in paths}
    assert len(set(bodies.values())) == len(paths)
    for path in paths:
        status, headers, body = get(api_url, path)
        assert (status, headers[CACHE_HEADER], body) == (200, "HIT", bodies[path])
    status, headers, _body = get(api_url, "/feeds/news.rss", {"Host": "localhost"})
    assert (status, headers[CACHE_HEADER]) == (200, "MISS")


def test_a_refusal_is_neither_stored_nor_tagged(api_url, cached):
    for _ in range(2):
        status, headers, body = get(api_url, "/feeds/news.rss?locale=xx")
        assert status == 400
        assert json.loads(body)["error"]["code"] == "BAD_USER_INPUT"
        assert CACHE_HEADER not in headers
        assert "ETag" not in headers


def test_parameters_a_feed_does_not_read_neither_change_it_nor_make_another_copy(api_url, cached):
    status, headers, body = get(api_url, "/feeds/news.atom?locale=fr&city=kutaisi")
    assert (status, headers[CACHE_HEADER]) == (200, "MISS")
    status, headers, again = get(api_url, "/feeds/news.atom?utm_source=newsletter&city=kutaisi&locale=fr&_=17")
    assert (status, headers[CACHE_HEADER], again) == (200, "HIT", body)
    self_link = f'href="{api_url}/feeds/news.atom?city=kutaisi&amp;locale=fr"'.encode()
    assert self_link in body
    assert b"utm_source" not in again


def test_repeated_and_unicode_parameters_are_one_feed_each(api_url, cached):
    """A repeated parameter counts by its last value, as the feed reads it; a slug in any script is
    a feed of its own (empty here), kept like any other."""
    _status, headers, kutaisi = get(api_url, "/feeds/news.json?city=kutaisi")
    assert headers[CACHE_HEADER] == "MISS"
    status, headers, again = get(api_url, "/feeds/news.json?city=gyumri&city=kutaisi")
    assert (status, headers[CACHE_HEADER], again) == (200, "HIT", kutaisi)
    unicode_city = "/feeds/news.json?city=%E1%83%A5%E1%83%A3%E1%83%97%E1%83%90%E1%83%98%E1%83%A1%E1%83%98"
    status, headers, body = get(api_url, unicode_city)
    assert (status, headers[CACHE_HEADER], json.loads(body)["items"]) == (200, "MISS", [])
    assert get(api_url, unicode_city)[1][CACHE_HEADER] == "HIT"
