"""Errors clients can act on: each with its ``extensions.code``; HTTP 400 when the request never
ran, 200 with partial data when it did; unexpected failures masked outside debug mode."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import OperationalError, connections

from graphql_api.cities import schema as city_schema
from tests import factories

from .fixtures_safety import site_tree

SECRET = "secret SQL: SELECT password FROM auth_user"


@pytest.fixture
def tree(db: None) -> dict[str, Any]:
    tree = site_tree()
    factories.NewsPageFactory(parent=tree["news"], title="Hello", slug="hello")
    return tree


def test_a_malformed_query_is_refused_with_the_parser_message(graphql):
    response = graphql("{ newsItems { edges { node { title }")

    assert response.status == 400
    assert response.body["data"] is None
    assert response.codes == ["GRAPHQL_PARSE_FAILED"]
    assert response.errors[0]["message"] == "Syntax Error: Expected Name, found <EOF>."
    assert response.errors[0]["locations"] == [{"line": 1, "column": 37}]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("{ nope }", "Cannot query field 'nope' on type 'Query'."),
        ('{ newsItem(slug: "a") { nope } }', "Cannot query field 'nope' on type 'NewsItem'."),
        ('{ newsItems(first: "ten") { totalCount } }', 'Int cannot represent non-integer value: "ten"'),
        ('{ newsItem(nope: "a") { title } }', "Unknown argument 'nope' on field 'Query.newsItem'."),
        ("{ newsItems }", "Field 'newsItems' of type 'NewsItemConnection!' must have a selection of subfields."),
    ],
)
def test_an_invalid_query_is_refused_before_running(graphql, query, message):
    response = graphql(query)

    assert response.status == 400
    assert response.body["data"] is None
    assert response.codes == ["GRAPHQL_VALIDATION_FAILED"]
    assert response.errors[0]["message"].startswith(message)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("query($first: Int) { newsItems(first: $first) { totalCount } }", {"first": "ten"}),
        ("query($slug: String) { newsItem(slug: $slug) { title } }", {"slug": 5}),
        ("query($slug: String!) { newsItem(slug: $slug) { title } }", {}),
        ("query($order: NewsOrder!) { newsItems(order: $order) { totalCount } }", {"order": "RANDOM"}),
        ("query($filter: NewsFilter) { newsItems(filter: $filter) { totalCount } }", {"filter": {"dateFrom": "soon"}}),
    ],
)
def test_variables_of_the_wrong_type_are_bad_user_input(graphql, query, variables):
    response = graphql(query, variables)

    assert response.status == 400
    assert response.body["data"] is None
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["message"].startswith("Variable '$")


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ('newsItem(slug: "hello", id: "1") { title }', "Give exactly one of `slug` or `id`."),
        ("newsItem { title }", "Give exactly one of `slug` or `id`."),
        ('newsItem(id: "abc") { title }', "Invalid id 'abc'."),
        ('newsItem(slug: "hello", locale: "xx") { title }', "Unknown locale 'xx'."),
    ],
)
def test_bad_arguments_are_bad_user_input_on_their_field_and_the_rest_is_answered(graphql, tree, field, message):
    response = graphql(f'{{ bad: {field} good: newsItem(slug: "hello") {{ title }} }}')

    assert response.status == 200
    assert response.body["data"] == {"bad": None, "good": {"title": "Hello"}}
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["path"] == ["bad"]
    assert response.errors[0]["message"].startswith(message)


def test_unknown_slugs_ids_and_paths_are_null_without_error(graphql, tree):
    response = graphql(
        """{
          newsItem(slug: "nope") { title }
          byId: newsItem(id: "999999") { title }
          conference(slug: "nope") { title }
          city(slug: "nope") { title }
          partnership(slug: "nope") { name }
          page(urlPath: "/news/nope/") { title }
        }"""
    )

    assert response.status == 200
    assert response.errors == []
    assert response.data == {
        "newsItem": None,
        "byId": None,
        "conference": None,
        "city": None,
        "partnership": None,
        "page": None,
    }


def _fail(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError(SECRET)


QUERY = '{ newsItem(slug: "hello") { title } city(slug: "kutaisi") { title } }'


def test_an_unexpected_failure_is_masked_and_the_rest_is_answered(graphql, tree, settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setattr(city_schema, "one", _fail)

    response = graphql(QUERY)

    assert response.status == 200
    assert response.body["data"] == {"newsItem": {"title": "Hello"}, "city": None}
    assert response.errors == [
        {
            "message": "Internal server error.",
            "locations": [{"line": 1, "column": 37}],
            "path": ["city"],
            "extensions": {"code": "INTERNAL_SERVER_ERROR"},
        }
    ]
    raw = json.dumps(response.body)
    for leak in ("secret", "SELECT", "RuntimeError", "Traceback", "one("):
        assert leak not in raw


def test_in_debug_mode_the_failure_is_shown(graphql, tree, settings, monkeypatch):
    """The counterpart of the test above: the message is there to hide."""
    settings.DEBUG = True
    monkeypatch.setattr(city_schema, "one", _fail)

    response = graphql(QUERY)

    assert response.codes == ["INTERNAL_SERVER_ERROR"]
    assert response.errors[0]["message"] == SECRET


def test_a_failure_in_a_loader_is_masked_too(graphql, tree, settings, monkeypatch):
    """Loaders run inside the root field's resolver: the root field fails, nothing leaks."""
    from graphql_api.planning import PlannedField
    from graphql_api.schema import schema

    settings.DEBUG = False
    topics = schema._schema.type_map["NewsItem"].fields["topics"].extensions["strawberry-definition"]
    planned_topics = next(extension for extension in topics.extensions if isinstance(extension, PlannedField))
    monkeypatch.setattr(planned_topics, "loader", _fail)

    response = graphql('{ good: newsItem(slug: "hello") { title } bad: newsItem(slug: "hello") { topics { slug } } }')

    assert response.status == 200
    assert response.body["data"] == {"good": {"title": "Hello"}, "bad": None}
    assert response.codes == ["INTERNAL_SERVER_ERROR"]
    assert "secret" not in json.dumps(response.body)


def test_a_database_gone_for_one_request_is_a_masked_503_and_the_next_request_is_served(
    graphql, tree, settings, monkeypatch
):
    settings.DEBUG = False
    connection = connections["default"]
    real_cursor = connection.cursor
    failures = []

    def cursor(*args: Any, **kwargs: Any) -> Any:
        if not failures:
            failures.append(True)
            raise OperationalError(f"server closed the connection unexpectedly: {SECRET}")
        return real_cursor(*args, **kwargs)

    monkeypatch.setattr(connection, "cursor", cursor)
    query = '{ first: newsItem(slug: "hello") { title } second: newsItem(slug: "hello") { title } }'

    failed = graphql(query)
    served = graphql(query)

    assert failures == [True]
    # An outage is the service's, not the client's: 503 and a code saying to retry (see tests/operations).
    assert failed.status == 503
    assert failed.headers["Retry-After"]
    assert failed.body["data"] == {"first": None, "second": {"title": "Hello"}}
    assert failed.codes == ["SERVICE_UNAVAILABLE"]
    assert failed.errors[0]["message"] == "The service is temporarily unavailable; retry shortly."
    assert "secret" not in json.dumps(failed.body)
    assert "server closed" not in json.dumps(failed.body)
    assert served.status == 200
    assert served.data == {"first": {"title": "Hello"}, "second": {"title": "Hello"}}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [("first: 500", "`first` must be between 0 and 100; got 500."), ('after: "junk"', "Invalid cursor: 'junk'.")],
)
def test_bad_arguments_of_a_nested_connection_are_reported_on_that_field(graphql, tree, arguments, message):
    factories.CityProfilePageFactory(parent=tree["cities"], title="Kutaisi", slug="kutaisi")

    response = graphql(f'{{ city(slug: "kutaisi") {{ title newsItems({arguments}) {{ totalCount }} }} }}')

    assert response.status == 200
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["path"] == ["city", "newsItems"]
    assert response.errors[0]["locations"] == [{"line": 1, "column": 33}]
    assert response.errors[0]["message"].startswith(message)
