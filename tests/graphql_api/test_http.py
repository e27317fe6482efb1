"""HTTP semantics of ``/graphql/``: GET and POST, cache headers, status codes and GraphiQL."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import pytest

from tests import factories

from .conftest import http
from .fixtures_safety import site_tree

QUERY = '{ newsItem(slug: "hello") { title } }'


@pytest.fixture
def tree(db: None) -> dict[str, Any]:
    tree = site_tree()
    factories.NewsPageFactory(parent=tree["news"], title="Hello", slug="hello")
    return tree


def cache_control(response: Any) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


def test_a_get_query_may_be_cached_by_proxies(graphql, tree, settings):
    settings.CITYNEWS_GRAPHQL_CACHE_SECONDS = 300

    response = graphql(QUERY, method="GET")

    assert response.status == 200
    assert response.data == {"newsItem": {"title": "Hello"}}
    assert response.headers["Content-Type"].startswith("application/json")
    assert cache_control(response) == {"public", "max-age=300"}


def test_the_language_comes_from_locale_arguments_not_from_headers(api_url, tree):
    """No ``Content-Language`` or ``Vary: Accept-Language``: one answer may hold several languages."""
    url = f"{api_url}/graphql/?{urllib.parse.urlencode({'query': QUERY})}"
    status, headers, body = http("GET", url, headers={"Accept-Language": "fr"})

    assert status == 200
    assert json.loads(body)["data"] == {"newsItem": {"title": "Hello"}}  # the page's own language, not French
    assert "Content-Language" not in headers
    assert "Accept-Language" not in headers.get("Vary", "")


def test_get_takes_variables_from_the_url(graphql, tree):
    response = graphql("query($slug: String) { newsItem(slug: $slug) { title } }", {"slug": "hello"}, method="GET")

    assert response.data == {"newsItem": {"title": "Hello"}}
    assert "public" in cache_control(response)


def test_a_post_query_is_never_stored(graphql, tree):
    response = graphql(QUERY)

    assert response.status == 200
    assert response.data == {"newsItem": {"title": "Hello"}}
    assert "no-store" in cache_control(response)
    assert "public" not in cache_control(response)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ('{ newsItem(slug: "hello", id: "1") { title } }', 200),  # ran, with an error on its field
        ("{ newsItem(slug: ", 400),  # never ran
        ("{ nope }", 400),
    ],
)
def test_a_get_answer_with_errors_is_not_cached(graphql, tree, query, status):
    response = graphql(query, method="GET")

    assert response.status == status
    assert response.errors
    assert "no-store" in cache_control(response)
    assert "public" not in cache_control(response)


def test_a_body_that_is_not_json_is_a_bad_request(api_url, db):
    status, _headers, _body = http("POST", f"{api_url}/graphql/", b"{not json", {"Content-Type": "application/json"})

    assert status == 400


def test_a_request_without_a_query_is_a_bad_request(api_url, db):
    status, _headers, _body = http("POST", f"{api_url}/graphql/", b"{}", {"Content-Type": "application/json"})

    assert status == 400


def test_graphiql_is_served_to_browsers_when_enabled(api_url, db, settings):
    settings.CITYNEWS_GRAPHIQL = True

    status, headers, body = http("GET", f"{api_url}/graphql/", headers={"Accept": "text/html"})

    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert b"graphiql" in body.lower()


def test_graphiql_is_not_rendered_when_disabled(api_url, db, settings):
    settings.CITYNEWS_GRAPHIQL = False

    status, headers, body = http("GET", f"{api_url}/graphql/", headers={"Accept": "text/html"})

    assert status == 400
    assert not headers["Content-Type"].startswith("text/html")
    assert b"graphiql" not in body.lower()


def test_graphiql_setting_does_not_affect_queries(graphql, tree, settings):
    settings.CITYNEWS_GRAPHIQL = False

    assert graphql(QUERY, method="GET").data == {"newsItem": {"title": "Hello"}}


def test_errors_are_json_with_data_and_errors(api_url, db):
    payload = json.dumps({"query": "{ nope }"}).encode()
    status, headers, body = http("POST", f"{api_url}/graphql/", payload, {"Content-Type": "application/json"})

    assert status == 400
    assert headers["Content-Type"].startswith("application/json")
    assert set(json.loads(body)) == {"data", "errors"}
